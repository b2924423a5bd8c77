import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as core from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

// packages/core/README.md is the package's reference: every export must be documented there, and the
// output it shows for the example scripts must be what they really print.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = `${ROOT}packages/core/src/`;
const README = readFileSync(`${ROOT}packages/core/README.md`, "utf8");

/** The text of a `## heading` section, up to the next `## ` heading. */
function h2Section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/**
 * Every name a TypeScript module exports, values and types: its own declarations, the names of its
 * `export { a, type B, c as d } [from …]` and `export type { … }` lists, and, recursively, whatever the
 * modules of its `export * from …` export.
 */
function exportsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  const names: string[] = [];
  const declaration =
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|type|interface)\s+([A-Za-z_$][\w$]*)/gm;
  for (const match of text.matchAll(declaration)) names.push(match[1] as string);
  for (const match of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const item of (match[1] as string).split(",")) {
      const spec = item.replace(/\/\/.*$/gm, "").trim();
      if (spec === "") continue;
      const parts = spec.replace(/^type\s+/, "").split(/\s+as\s+/);
      names.push((parts[parts.length - 1] as string).trim());
    }
  }
  for (const match of text.matchAll(/^export\s+\*\s+from\s+"([^"]+)"/gm)) {
    names.push(...exportsOf(`${dir}${match[1] as string}`));
  }
  return names;
}

/** Every public name of `@tokenmeter/core`, values and types, found from `src/index.ts` down. */
function publicNames(): string[] {
  return [...new Set(exportsOf(`${SRC}index.ts`))].sort();
}

/** True when `text` mentions `name` as inline code: a backtick, the name, then no more identifier. */
function mentions(text: string, name: string): boolean {
  return new RegExp(`\`${name.replace(/[$]/g, "\\$&")}(?![\\w$])`).test(text);
}

describe("packages/core/README.md documents the whole public API", () => {
  const api = h2Section(README, "API");
  const names = publicNames();

  it("the scan of the index files finds every runtime export (so the type list is complete too)", () => {
    const runtime = Object.keys(core).sort();
    expect(runtime.length).toBeGreaterThan(100);
    expect(runtime.filter((name) => !names.includes(name))).toEqual([]);
    // Types are the rest: interfaces, aliases and schema-inferred types of every domain.
    expect(names.length - runtime.length).toBeGreaterThan(100);
  });

  it("mentions every exported name (value or type) in the API section, as `name`", () => {
    const missing = names.filter((name) => !mentions(api, name));
    expect(missing, "exports the README's API section does not mention").toEqual([]);
  });

  it("gives every exported function a heading of its own or shared with its close relatives", () => {
    const headings = api
      .split("\n")
      .filter((line) => line.startsWith("#### "))
      .join("\n");
    const functions = Object.entries(core)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name)
      .filter((name) => !mentions(headings, name));
    expect(functions, "exported functions without a #### heading").toEqual([]);
  });

  it("has no in-page link to a heading that does not exist (GitHub's heading anchors)", () => {
    const slugs = new Set(
      README.split("\n")
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) =>
          line
            .replace(/^#+ /, "")
            .toLowerCase()
            .replace(/[^\p{L}\p{N} _-]/gu, "")
            .replace(/ /g, "-"),
        ),
    );
    const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1] as string);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !slugs.has(link))).toEqual([]);
  });

  it("links the data it documents", () => {
    expect(README).toContain("](../../pricing/README.md)");
    expect(README).toContain("](../../pricing/PLANS.md)");
    expect(existsSync(`${ROOT}pricing/README.md`) && existsSync(`${ROOT}pricing/PLANS.md`)).toBe(
      true,
    );
  });
});

/** The fenced block that follows `<!-- output: <script> -->` in the README. */
function shownOutput(script: string): string {
  const marker = `<!-- output: ${script} -->`;
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README shows no output for ${script} (marker ${marker})`);
  const open = README.indexOf("```text\n", at);
  const close = README.indexOf("\n```", open + 8);
  expect(open - (at + marker.length)).toBeLessThan(4); // the block follows the marker directly
  return README.slice(open + 8, close);
}

const built = existsSync(`${ROOT}packages/core/dist/index.js`);
if (!built) {
  console.warn(
    "readme.test.ts: packages/core/dist is missing, so the example scripts are NOT run. " +
      "Build core first: npm run build -w @tokenmeter/core",
  );
}

function run(script: string): string {
  const result = spawnSync(process.execPath, [`${ROOT}${script}`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

describe.skipIf(!built)(
  built
    ? "the README's example scripts run on the built package and print what the README shows"
    : "SKIPPED, packages/core/dist is missing (npm run build -w @tokenmeter/core): the README's example scripts",
  () => {
    it("examples/core/quick-start.mjs: 124 tokens, a dated price, a 30-turn conversation on three models", () => {
      const out = run("examples/core/quick-start.mjs");
      expect(out.trim()).toBe(shownOutput("examples/core/quick-start.mjs").trim());

      // The OpenAI API counted the Cookbook's example as 124 prompt tokens on gpt-4o (the notebook
      // prints response.usage.prompt_tokens; copied in test/fixtures/tokens, see its SOURCES.md).
      const cookbook = JSON.parse(
        readFileSync(`${ROOT}test/fixtures/tokens/openai-cookbook-chat-counts.json`, "utf8"),
      ) as { cases: { model: string; expected_api_prompt_tokens: number }[] };
      const api = cookbook.cases.find((c) => c.model === "gpt-4o")?.expected_api_prompt_tokens;
      expect(api).toBe(124);
      expect(out).toContain(`cookbook example on gpt-4o: ${api} tokens (exact)`);

      // gpt-4o from 2024-10-02: $2.50 input, $1.25 cached input, $10 output per million tokens
      // (pricing/models/openai.json). prompt 2,006 of which 1,920 cached → 86 uncached; 300 output:
      // 86 × 2.50 + 1,920 × 1.25 + 300 × 10 = 215 + 2,400 + 3,000 = 5,615 millionths of a dollar.
      expect(out).toContain("one gpt-4o call on 2025-03-01: $0.005615 (prices from 2024-10-02");

      // 30 replies of 400 tokens = 12,000 output tokens. gpt-5.5 ($30 output) and gemini-3.5-flash
      // ($9 output) are reasoning models: medium effort assumes 3 hidden tokens per visible one,
      // 36,000 billed as output. claude-sonnet-5 ($10 output since its 2026-09-01 increase was
      // cancelled) thinks only when asked, and caches only at explicit breakpoints, so nothing is
      // cached by default.
      expect(out).toMatch(/gpt-5\.5: .* output \$0\.3600 \+ reasoning \$1\.0800 \(3 /); // 12,000 × 30; 36,000 × 30
      expect(out).toMatch(
        /claude-sonnet-5: .* cached input \$0\.0000 \+ output \$0\.1200 \+ reasoning \$0\.0000 \(0 /,
      ); // 12,000 × 10
      expect(out).toMatch(/gemini-3\.5-flash: .* output \$0\.1080 \+ reasoning \$0\.3240 \(3 /); // 12,000 × 9; 36,000 × 9
    });

    it("examples/core/plus-or-api.mjs: the moderate preset on five models vs Plus and Claude Pro", () => {
      const out = run("examples/core/plus-or-api.mjs");
      expect(out.trim()).toBe(shownOutput("examples/core/plus-or-api.mjs").trim());

      // The README's worked example derives these by hand (and test/core/plans-projection.test.ts
      // repeats that arithmetic against the code): $7.43 a month, range $3.87–$11.22, break-even
      // 53.977 messages a day = 1,187 a month, limit 11.22 × 1.25 = 14.025 → next $5 step = $15.
      expect(out).toContain("gpt-5.5: $7.43 a month ($3.87–$11.22)");
      expect(out).toContain(
        "break-even 54.0 messages a day = 1187 a month · caps within · spending limit $15: high end of the range $11.22 × 1.25 = $14.03, rounded up to $15",
      );
      const worked = README.slice(README.indexOf("#### Worked example"));
      for (const figure of ["**$7.43**", "**$3.87**", "**$11.22**", "53.977", "**1,187", "**$15"]) {
        expect(worked).toContain(figure);
      }
      // Ten comparisons: five models × two plans, each with a verdict and a break-even line.
      expect(out.match(/^On /gm)).toHaveLength(10);
      expect(out.match(/^ {2}break-even /gm)).toHaveLength(10);
    });
  },
);
