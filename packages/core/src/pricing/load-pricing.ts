import type { z } from "zod";
import { TokenmeterError } from "../errors.ts";
import { formatJsonPath, issuePath, valueAtPath } from "./json-path.ts";
import { convertLiteLLMPricing } from "./litellm-format.ts";
import {
  type ModelEntry,
  type PricingTable,
  type ProviderFile,
  pricingTableSchema,
  providerFileSchema,
  type TokenizerId,
} from "./schema.ts";
import { validatePricingTable } from "./validate-table.ts";

/** Options of {@link loadPricing}. */
export interface LoadPricingOptions {
  /**
   * `tokenmeter` (a whole table `{ version, publishedOn, providers }` or one provider file
   * `{ provider, displayName, pricingUrl, models }`) or `litellm` (`model_prices_and_context_window.json`).
   * Default: detected from the content.
   */
  format?: "tokenmeter" | "litellm";
  /** The file's name, quoted in every error message. */
  fileName?: string;
  /**
   * LiteLLM only, required there: the date (`YYYY-MM-DD`) you downloaded or checked the file.
   * LiteLLM keeps no dates, so every converted record is stamped with it.
   */
  checked?: string;
  /** LiteLLM only: the date from which its prices are assumed to apply (default: `checked`). */
  effectiveFrom?: string;
  /** LiteLLM only: tokenizer for model families it cannot recognize (default: skip them). */
  defaultTokenizer?: TokenizerId;
  /**
   * Merge the loaded models over this table (usually `defaultPricingTable`) instead of returning
   * the loaded table alone. A loaded model replaces every model of `mergeOver` that shares its id
   * or any alias (case-insensitive), whatever the provider; other models are kept. The result's
   * `version` is `<mergeOver.version>+<loaded version>`, deliberately not a published version.
   */
  mergeOver?: PricingTable;
}

/**
 * Loads a user-supplied pricing table, validated, with errors a person can act on.
 *
 * Accepts parsed JSON or the JSON text itself. Our format is checked with the zod schema, then
 * with `validatePricingTable` (sorted, non-overlapping periods; unique ids and aliases…). A single
 * provider file becomes a table whose `publishedOn` is its latest `checked` date and whose version
 * is that date (`YYYY.MM.DD`). A LiteLLM file is converted by `convertLiteLLMPricing` (see there for
 * the mapping and what is skipped).
 *
 * By default the loaded table is used **instead of** the bundled one (pass it as `opts.pricing`);
 * with `mergeOver` it is laid **over** another table.
 *
 * @throws TokenmeterError `INVALID_PRICING`: the message names the file, the JSON path
 *   (`providers[0].models[3].prices[1].outputUsdPerMTok`), what was expected and what was found
 *   (up to five problems); for text that is not JSON, the byte position. `INVALID_INPUT` when a
 *   LiteLLM file comes without `checked`.
 * @example
 * const mine = loadPricing(JSON.parse(text), { fileName: "negotiated.json", mergeOver: defaultPricingTable });
 * priceUsage({ inputTokens: 1000 }, "gpt-4o", { pricing: mine });
 */
export function loadPricing(json: unknown, opts?: LoadPricingOptions): PricingTable {
  const file = opts?.fileName ?? "pricing table";
  const data = typeof json === "string" ? parseJsonText(json, file) : json;
  const format = opts?.format ?? detectFormat(data, file);
  const loaded = format === "litellm" ? fromLiteLLM(data, file, opts) : fromTokenmeter(data, file);
  return opts?.mergeOver === undefined ? loaded : mergeTables(opts.mergeOver, loaded);
}

function parseJsonText(raw: string, file: string): unknown {
  // Editors on Windows save JSON with a byte-order mark, which JSON.parse refuses.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    // Engines word (and sometimes omit) the position differently and may quote the text around
    // it; find the offset ourselves and never echo the file's content.
    const position = firstJsonError(text);
    throw new TokenmeterError(
      "INVALID_PRICING",
      `Invalid pricing file "${file}": not valid JSON at ${lineColumn(text, position)} (character ${position}). Check for a missing comma, quote or bracket there.`,
      { cause: error, details: { file, position } },
    );
  }
}

/** Offset of the first JSON syntax error (a small recursive-descent scanner; text is known bad). */
function firstJsonError(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail();
      if (c === 92) {
        const next = text.charAt(i + 1);
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== "") i += 2;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null) fail();
    else i += match[0].length;
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === "{") {
      i++;
      ws();
      if (text.charAt(i) === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        if (text.charAt(i) !== ":") fail();
        i++;
        value();
        ws();
        if (text.charAt(i) === ",") i++;
        else if (text.charAt(i) === "}") {
          i++;
          return;
        } else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text.charAt(i) === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ",") i++;
        else if (text.charAt(i) === "]") {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else number();
  };
  try {
    value();
    ws();
    return Math.min(i, text.length);
  } catch (offset) {
    // A RangeError from very deep nesting: report how far the scan got.
    return typeof offset === "number" ? offset : i;
  }
}

function lineColumn(text: string, position: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return `line ${line}, column ${position - start + 1}`;
}

function detectFormat(data: unknown, file: string): "tokenmeter" | "litellm" {
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    if ("providers" in data || ("provider" in data && "models" in data)) return "tokenmeter";
    if ("sample_spec" in data) return "litellm";
    const values = Object.values(data).slice(0, 20);
    if (
      values.length > 0 &&
      values.some(
        (v) =>
          typeof v === "object" &&
          v !== null &&
          ("litellm_provider" in v || "input_cost_per_token" in v),
      )
    ) {
      return "litellm";
    }
  }
  throw new TokenmeterError(
    "INVALID_PRICING",
    `Invalid pricing file "${file}": not a tokenmeter table ({ version, publishedOn, providers }), a provider file ({ provider, displayName, pricingUrl, models }) or a LiteLLM price map. Pass { format } to say which it should be and see the detailed errors.`,
    { details: { file, path: "" } },
  );
}

function fromLiteLLM(
  data: unknown,
  file: string,
  opts: LoadPricingOptions | undefined,
): PricingTable {
  if (opts?.checked === undefined) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `"${file}" is a LiteLLM price map, which keeps no dates: pass { checked: "YYYY-MM-DD" }, the day you downloaded it, so its prices can be dated.`,
      { details: { field: "checked", file } },
    );
  }
  const converted = convertLiteLLMPricing(data, {
    checked: opts.checked,
    fileName: file,
    ...(opts.effectiveFrom === undefined ? {} : { effectiveFrom: opts.effectiveFrom }),
    ...(opts.defaultTokenizer === undefined ? {} : { defaultTokenizer: opts.defaultTokenizer }),
  });
  return converted.table;
}

function fromTokenmeter(data: unknown, file: string): PricingTable {
  const isProviderFile =
    typeof data === "object" && data !== null && !("providers" in data) && "provider" in data;
  if (isProviderFile) {
    const parsed = providerFileSchema.safeParse(data);
    if (!parsed.success) throw schemaError(file, parsed.error, data);
    const providerFile = parsed.data;
    const publishedOn = latestChecked(providerFile);
    const table: PricingTable = {
      version: publishedOn.replaceAll("-", "."),
      publishedOn,
      providers: [providerFile],
    };
    // Issues point into the table we built around the file; strip `providers[0].` so the path
    // names the field in the user's own file.
    checkSemantics(table, file, (path) =>
      path[0] === "providers" && path[1] === 0 ? path.slice(2) : path,
    );
    return table;
  }
  const parsed = pricingTableSchema.safeParse(data);
  if (!parsed.success) throw schemaError(file, parsed.error, data);
  checkSemantics(parsed.data, file, (path) => path);
  return parsed.data;
}

function latestChecked(providerFile: ProviderFile): string {
  let latest = "";
  for (const model of providerFile.models) {
    for (const record of model.prices) if (record.checked > latest) latest = record.checked;
  }
  // An empty provider file has no records: date it at the epoch rather than read the clock.
  return latest === "" ? "1970-01-01" : latest;
}

function checkSemantics(
  table: PricingTable,
  file: string,
  mapPath: (path: (string | number)[]) => (string | number)[],
): void {
  const issues = validatePricingTable(table);
  if (issues.length === 0) return;
  const shown = issues
    .slice(0, 5)
    .map((issue) => `${formatJsonPath(mapPath(issue.path)) || "(top level)"}: ${issue.message}`);
  const first = issues[0];
  throw new TokenmeterError(
    "INVALID_PRICING",
    `Invalid pricing file "${file}" (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n  - ${shown.join("\n  - ")}${issues.length > 5 ? `\n  - … and ${issues.length - 5} more` : ""}`,
    {
      details: {
        file,
        path: first === undefined ? "" : formatJsonPath(mapPath(first.path)),
        issues: issues.map((issue) => ({ ...issue, path: formatJsonPath(mapPath(issue.path)) })),
      },
    },
  );
}

function schemaError(file: string, error: z.ZodError, data: unknown): TokenmeterError {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const path = issuePath(issue.path);
    const value = valueAtPath(data, issue.path);
    const found =
      issue.code === "unrecognized_keys" || value === undefined
        ? ""
        : ` (found ${describeValue(value)})`;
    return `${formatJsonPath(path) || "(top level)"}: ${issue.message}${found}`;
  });
  const first = error.issues[0];
  return new TokenmeterError(
    "INVALID_PRICING",
    `Invalid pricing file "${file}" (${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}):\n  - ${shown.join("\n  - ")}${error.issues.length > 5 ? `\n  - … and ${error.issues.length - 5} more` : ""}`,
    {
      cause: error,
      details: {
        file,
        path: first === undefined ? "" : formatJsonPath(issuePath(first.path)),
      },
    },
  );
}

/** Pricing files are not private, but keep quoted values short. */
function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `an ${typeof value}`;
}

function mergeTables(base: PricingTable, overlay: PricingTable): PricingTable {
  const replaced = new Set<string>();
  for (const provider of overlay.providers) {
    for (const model of provider.models) {
      for (const key of [model.id, ...model.aliases]) replaced.add(key.toLowerCase());
    }
  }
  const overlaps = (model: ModelEntry): boolean =>
    [model.id, ...model.aliases].some((key) => replaced.has(key.toLowerCase()));

  const providers: ProviderFile[] = base.providers.map((provider) => ({
    ...provider,
    models: provider.models.filter((model) => !overlaps(model)),
  }));
  for (const provider of overlay.providers) {
    const existing = providers.find(
      (p) => p.provider.toLowerCase() === provider.provider.toLowerCase(),
    );
    if (existing === undefined) providers.push({ ...provider, models: [...provider.models] });
    else existing.models = [...existing.models, ...provider.models];
  }
  return {
    version: `${base.version}+${overlay.version}`,
    publishedOn: laterDay(base.publishedOn, overlay.publishedOn),
    providers,
  };
}

/** The later of two `YYYY-MM-DD` dates (they compare as strings). */
function laterDay(a: string, b: string): string {
  if (a >= b) return a;
  return b;
}
