// The dependency rule of the repository (site → core, cli → core, never site → cli; core imports
// neither) and core's purity (no node:* imports, no process, no console, no clock), checked on the
// source files themselves so a shortcut across the boundary fails here, not in review.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|astro)$/;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") out.push(...filesUnder(path));
    } else if (SOURCE.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Every module specifier of a file: static and dynamic imports, re-exports, `require`. */
function specifiersOf(text: string): string[] {
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bexport\s*\*\s*from\s*)(["'])([^"'\n]+)\1/g;
  return [...text.matchAll(pattern)].map((match) => match[2] as string);
}

/** Where a specifier points: a repository path for relative ones, else the bare name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier));
}

/** `text` with comments, string literals and template text blanked out (template expressions kept). */
function codeOnly(text: string): string {
  let out = "";
  let i = 0;
  const templates: number[] = []; // brace depth at which each open template's `${` started
  let depth = 0;
  const skipString = (quote: string) => {
    i += 1;
    while (i < text.length && text[i] !== quote && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
    i += 1;
    out += `${quote}${quote}`;
  };
  const skipTemplateText = () => {
    // From just after a backtick or a closing `}` of an expression, to the next `${` or backtick.
    while (i < text.length) {
      if (text[i] === "\\") i += 2;
      else if (text[i] === "`") {
        i += 1;
        out += "`";
        return;
      } else if (text[i] === "$" && text[i + 1] === "{") {
        i += 2;
        out += "${";
        templates.push(depth);
        depth += 1;
        return;
      } else i += 1;
    }
  };
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i += 1;
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      out += " ";
    } else if (char === '"' || char === "'") {
      skipString(char);
    } else if (char === "`") {
      out += "`";
      i += 1;
      skipTemplateText();
    } else if (char === "{") {
      depth += 1;
      out += char;
      i += 1;
    } else if (char === "}") {
      depth -= 1;
      i += 1;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        out += "}";
        skipTemplateText();
      } else out += char;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** What breaks core's purity in a file's code (comments and strings do not count). */
function impurities(text: string): string[] {
  const found: string[] = [];
  for (const specifier of specifiersOf(text)) {
    if (specifier.startsWith("node:")) found.push(`imports ${specifier}`);
  }
  const code = codeOnly(text);
  const rules: [RegExp, string][] = [
    [/(?<![.\w$])process\s*[.[]/, "uses process"],
    [/(?<![.\w$])console\s*[.[]/, "uses console"],
    [/\bDate\.now\s*\(/, "reads the clock (Date.now())"],
    [/\bnew\s+Date\s*\(\s*\)/, "reads the clock (new Date())"],
  ];
  for (const [pattern, what] of rules) if (pattern.test(code)) found.push(what);
  return found;
}

/** Opens a template literal's placeholder inside the sample sources below. */
const PLACEHOLDER = "$" + "{";

describe("the checks themselves", () => {
  it.each([
    ['import { readFileSync } from "node:fs";', ["imports node:fs"]],
    ['const fs = await import("node:fs");', ["imports node:fs"]],
    ["const tz = process.env.TZ;", ["uses process"]],
    ["console.log(total);", ["uses console"]],
    ["const now = Date.now();", ["reads the clock (Date.now())"]],
    ["const today = new Date();", ["reads the clock (new Date())"]],
    [`const label = \`${PLACEHOLDER}process.argv[2]} and more\`;`, ["uses process"]],
    ["// console.log(x) in a comment\nconst processor = 1; const day = new Date(ms);", []],
    ['const text = "process.env and console.log in a string";', []],
    [`/** @example\n * console.log(report);\n */\nexport const x = \`a ${PLACEHOLDER}1} b\`;`, []],
  ])("%s → %j", (source, expected) => {
    expect(impurities(source)).toEqual(expected);
  });

  it("finds imports into the CLI, relative or by package name", () => {
    const file = "site/lib/example.ts";
    const specifiers = specifiersOf(
      'import { a } from "../../packages/cli/src/output/document.ts";\nimport type { B } from "tokenmeter";\nimport { c } from "@tokenmeter/core";',
    );
    expect(specifiers.map((specifier) => target(file, specifier))).toEqual([
      "packages/cli/src/output/document.ts",
      "tokenmeter",
      "@tokenmeter/core",
    ]);
  });
});

function importsInto(files: string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((file) =>
    specifiersOf(readFileSync(join(ROOT, file), "utf8"))
      .filter((specifier) => forbidden(target(file, specifier)))
      .map((specifier) => `${file} → ${specifier}`),
  );
}

const isCli = (path: string) =>
  path === "tokenmeter" || path.startsWith("tokenmeter/") || path.startsWith("packages/cli/");
const isSite = (path: string) => path.startsWith("site/");

describe("dependencies point one way: site → core, cli → core", () => {
  it("nothing under site/ imports the CLI", () => {
    const files = filesUnder("site");
    expect(files.length).toBeGreaterThan(20);
    expect(importsInto(files, isCli)).toEqual([]);
  });

  it("core imports neither the CLI nor the site", () => {
    const files = filesUnder("packages/core/src");
    expect(files.length).toBeGreaterThan(50);
    expect(importsInto(files, (path) => isCli(path) || isSite(path))).toEqual([]);
  });

  it("the CLI does not import the site", () => {
    expect(importsInto(filesUnder("packages/cli/src"), isSite)).toEqual([]);
  });
});

describe("packages/core/src is pure and isomorphic", () => {
  const files = filesUnder("packages/core/src");

  it("no file imports node:*, uses process or console, or reads the clock", () => {
    const problems = files.flatMap((file) =>
      impurities(readFileSync(join(ROOT, file), "utf8")).map((problem) => `${file}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
