/**
 * Generates the committed artifacts derived from `pricing/`:
 *
 * - `packages/core/src/pricing/table.gen.ts`: the whole validated pricing table as a typed constant, so
 *   core ships its prices without reading files at run time;
 * - `pricing/schema/*.schema.json`: JSON Schemas generated from the zod schemas, so editors autocomplete.
 *
 * `npx tsx scripts/gen-pricing.ts` writes them; `--check` regenerates in memory and exits 1 when a
 * committed file differs (CI runs it). Invalid data exits 1 with every problem, each naming the file and
 * the JSON path.
 *
 * To add a data set (e.g. subscription plans): add a `JsonSchemaTarget` to `JSON_SCHEMAS` and, when it
 * ships as code, a `Generator` to `GENERATORS` that reads and validates its files and renders its output.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { renderPlansModule } from "../packages/core/src/plans/render-plans-module.ts";
import { plansTableSchema } from "../packages/core/src/plans/schema.ts";
import { validatePlansTable } from "../packages/core/src/plans/validate-plans.ts";
import { formatJsonPath } from "../packages/core/src/pricing/json-path.ts";
import {
  type PricingTable,
  type ProviderFile,
  pricingTableSchema,
  providerFileSchema,
} from "../packages/core/src/pricing/schema.ts";
import { validatePricingTable } from "../packages/core/src/pricing/validate-table.ts";

/** The repository root (this file lives in `<root>/scripts/`). */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One file this script owns: its repository-relative path and its full expected content. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** One problem in an input file, already located for a person. */
export interface DataProblem {
  file: string;
  path: (string | number)[];
  message: string;
}

/** Raised when input data is invalid; carries every problem found, not just the first. */
export class DataError extends Error {
  override name = "DataError";
  readonly problems: DataProblem[];
  constructor(problems: DataProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
}

export function formatProblem(problem: DataProblem): string {
  const at = problem.path.length > 0 ? ` at ${formatJsonPath(problem.path)}` : "";
  return `${problem.file}${at}: ${problem.message}`;
}

/** A JSON Schema generated from a zod schema, for the `"$schema"` key of hand-edited data files. */
interface JsonSchemaTarget {
  path: string;
  schema: z.ZodType;
  title: string;
}

/** A generator reads and validates its inputs under `root` and renders its outputs. */
type Generator = (root: string) => Promise<GeneratedFile[]>;

const JSON_SCHEMAS: JsonSchemaTarget[] = [
  {
    path: "pricing/schema/provider-file.schema.json",
    schema: providerFileSchema,
    title:
      "tokenmeter pricing: one provider's models and dated prices (pricing/models/<provider>.json)",
  },
  {
    path: "pricing/schema/plans.schema.json",
    schema: plansTableSchema,
    title: "tokenmeter plans: consumer subscription plans with dated prices (pricing/plans.json)",
  },
];

/** `pricing/index.json`: which provider files make up the table, and the table's version. */
export const pricingIndexSchema = z
  .object({
    $schema: z.string().optional(),
    version: pricingTableSchema.shape.version,
    publishedOn: pricingTableSchema.shape.publishedOn,
    /** Provider ids, in table order; each names `pricing/models/<id>.json`. */
    providers: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  })
  .strict();

/** Renders a zod schema as a stable, pretty-printed JSON Schema document. */
export function renderJsonSchema(target: JsonSchemaTarget): string {
  // Data files are written by people, so the schema describes the input side (defaults optional).
  const schema = z.toJSONSchema(target.schema, { io: "input" });
  return `${JSON.stringify({ ...schema, title: target.title }, null, 2)}\n`;
}

async function readJson(root: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(root, file), "utf8");
  } catch (error) {
    throw new DataError([{ file, path: [], message: `cannot read the file (${describe(error)})` }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError([{ file, path: [], message: `not valid JSON${jsonErrorAt(text, error)}` }]);
  }
}

/** " at line L, column C (byte B): reason" for a JSON.parse failure of `text`. */
function jsonErrorAt(text: string, error: unknown): string {
  // V8 on Node 20 often reports no position, so find the first offending character by bisection:
  // a prefix is "viable" while parsing it fails only at its very end (for lack of more input).
  const viable = (prefix: string): boolean => {
    try {
      JSON.parse(prefix);
      return true;
    } catch (cause) {
      const message = describe(cause);
      const at = /at position (\d+)/.exec(message);
      return /Unexpected end of JSON input/.test(message) || Number(at?.[1] ?? -1) >= prefix.length;
    }
  };
  const reason = describe(error).split(/, (?:\.\.\.)?"|\n/)[0] ?? "syntax error";
  if (viable(text)) return `: ${reason}`;
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (viable(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  const offset = hi - 1;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const byte = new TextEncoder().encode(before).length;
  return ` at line ${line}, column ${column} (byte ${byte}): ${reason}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function zodProblems(file: string, error: z.ZodError): DataProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
}

/**
 * Reads `pricing/index.json` and every `pricing/models/<provider>.json`, validates them with the zod
 * schemas and {@link validatePricingTable}, and returns the assembled table.
 * @throws DataError listing every problem with its file and JSON path.
 */
export async function loadPricingSources(root: string = REPO_ROOT): Promise<PricingTable> {
  const indexFile = "pricing/index.json";
  const index = pricingIndexSchema.safeParse(await readJson(root, indexFile));
  if (!index.success) throw new DataError(zodProblems(indexFile, index.error));

  const problems: DataProblem[] = [];
  const files: string[] = [];
  const providers: ProviderFile[] = [];
  for (const providerId of index.data.providers) {
    const file = `pricing/models/${providerId}.json`;
    files.push(file);
    let json: unknown;
    try {
      json = await readJson(root, file);
    } catch (error) {
      if (error instanceof DataError) {
        problems.push(...error.problems);
        continue;
      }
      throw error;
    }
    const parsed = providerFileSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      continue;
    }
    if (parsed.data.provider !== providerId) {
      problems.push({
        file,
        path: ["provider"],
        message: `is "${parsed.data.provider}" but the file is listed as "${providerId}" in ${indexFile}; make them equal`,
      });
    }
    providers.push(parsed.data);
  }
  if (problems.length > 0) throw new DataError(problems);

  const { $schema: _ignored, ...head } = index.data;
  const table = pricingTableSchema.parse({ ...head, providers: providers.map(stripSchemaKey) });
  const issues = validatePricingTable(table);
  if (issues.length > 0) {
    throw new DataError(
      issues.map((issue) => {
        // Table paths start with ["providers", i, …]: point at the provider's own file instead.
        const [first, providerIndex, ...rest] = issue.path;
        if (first === "providers" && typeof providerIndex === "number") {
          // Messages cite other places as table paths; name their files instead.
          const message = issue.message.replace(
            /providers\[(\d+)\]\.(\S+?)(?=\)|$|\s)/g,
            (whole, index: string, rest: string) => {
              const other = files[Number(index)];
              return other === undefined ? whole : `${other} at ${rest}`;
            },
          );
          return { file: files[providerIndex] ?? indexFile, path: rest, message };
        }
        return { file: indexFile, path: issue.path, message: issue.message };
      }),
    );
  }
  return table;
}

function stripSchemaKey(file: ProviderFile): ProviderFile {
  const { $schema: _ignored, ...rest } = file;
  return rest;
}

/** Renders `table.gen.ts` for a validated table. */
export function renderTableModule(table: PricingTable): string {
  return [
    "// GENERATED by scripts/gen-pricing.ts from pricing/index.json and pricing/models/*.json.",
    "// Do not edit: change the JSON and run `npm run gen`.",
    'import type { PricingTable } from "./schema.ts";',
    "",
    `/** The bundled pricing table, version ${table.version} (published ${table.publishedOn}). */`,
    `export const pricingTable: PricingTable = ${JSON.stringify(table, null, 2)};`,
    "",
  ].join("\n");
}

const pricingTableGenerator: Generator = async (root) => {
  const table = await loadPricingSources(root);
  return [{ path: "packages/core/src/pricing/table.gen.ts", content: renderTableModule(table) }];
};

const jsonSchemaGenerator: Generator = async () =>
  JSON_SCHEMAS.map((target) => ({ path: target.path, content: renderJsonSchema(target) }));

const plansGenerator: Generator = async (root) => {
  const file = "pricing/plans.json";
  const parsed = plansTableSchema.safeParse(await readJson(root, file));
  if (!parsed.success) throw new DataError(zodProblems(file, parsed.error));
  const issues = validatePlansTable(parsed.data);
  if (issues.length > 0) throw new DataError(issues.map((issue) => ({ file, ...issue })));
  const text = await readFile(join(root, file), "utf8");
  return [{ path: "packages/core/src/plans/plans.gen.ts", content: renderPlansModule(text) }];
};

const GENERATORS: Generator[] = [jsonSchemaGenerator, pricingTableGenerator, plansGenerator];

/** Every generated file with its expected content. @throws DataError on invalid input data. */
export async function generateAll(root: string = REPO_ROOT): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  const problems: DataProblem[] = [];
  for (const generate of GENERATORS) {
    try {
      out.push(...(await generate(root)));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DataError(problems);
  return out;
}

/** Generated files whose committed content differs from a fresh generation (or that are missing). */
export async function staleFiles(root: string = REPO_ROOT): Promise<string[]> {
  const stale: string[] = [];
  for (const file of await generateAll(root)) {
    const current = await readFile(join(root, file.path), "utf8").catch(() => undefined);
    if (current !== file.content) stale.push(file.path);
  }
  return stale;
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes("--check");
  try {
    if (check) {
      const stale = await staleFiles();
      if (stale.length > 0) {
        console.error(
          `These generated files are out of date:\n${stale.map((p) => `  ${p}`).join("\n")}\n` +
            "run npm run gen and commit the result",
        );
        return 1;
      }
      console.error("generated pricing files are up to date");
      return 0;
    }
    for (const file of await generateAll()) {
      const target = join(REPO_ROOT, file.path);
      const current = await readFile(target, "utf8").catch(() => undefined);
      if (current === file.content) continue;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
      console.error(`wrote ${relative(REPO_ROOT, target)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      console.error(
        `The pricing data is invalid (${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}):\n` +
          error.problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
      );
      return 1;
    }
    throw error;
  }
}

// Importable by tests without side effects; runs only as a script.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
