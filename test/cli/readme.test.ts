// The CLI runs pasted into the READMEs must be what the current build prints: each ```console
// block is run (TZ=UTC, NO_COLOR=1, no terminal, stderr then stdout as a terminal shows them) and
// compared line by line. A line starting with "…" (after its indent) in a block stands for any
// number of lines the README leaves out.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_PATH, REPO_ROOT } from "./support/run-cli.ts";

interface ConsoleBlock {
  file: string;
  command: string;
  expected: string[];
}

function consoleBlocks(file: string): ConsoleBlock[] {
  const text = readFileSync(`${REPO_ROOT}${file}`, "utf8");
  const blocks: ConsoleBlock[] = [];
  for (const match of text.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = (match[1] as string).replace(/\n$/, "").split("\n");
    const first = lines[0] ?? "";
    if (!first.startsWith("$ ")) continue;
    blocks.push({ file, command: first.slice(2), expected: lines.slice(1) });
  }
  return blocks;
}

const isElision = (line: string) => line.trimStart().startsWith("…");

/** True when `actual` matches `expected`, where an elision line matches any run of lines. */
function matches(expected: readonly string[], actual: readonly string[]): boolean {
  const [head, ...rest] = expected;
  if (head === undefined) return actual.length === 0;
  if (isElision(head)) {
    for (let skip = 0; skip <= actual.length; skip += 1) {
      if (matches(rest, actual.slice(skip))) return true;
    }
    return false;
  }
  return actual[0] === head && matches(rest, actual.slice(1));
}

function run(command: string): string[] {
  // `tokenmeter` and `npx tokenmeter` are the built CLI, as after `npm run build:packages`.
  const shell = command.replace(/(^|\|\s*)(?:npx )?tokenmeter /g, `$1node ${CLI_PATH} `);
  const result = spawnSync("sh", ["-c", `${shell} 2>&1`], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return result.stdout.replace(/\n$/, "").split("\n");
}

const blocks = [...consoleBlocks("packages/cli/README.md"), ...consoleBlocks("README.md")];

describe("README console blocks are real runs of the current build", () => {
  it("finds the runs", () => {
    expect(
      blocks.filter((block) => block.file === "packages/cli/README.md").length,
    ).toBeGreaterThanOrEqual(6);
    expect(blocks.filter((block) => block.file === "README.md").length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((block) => [block.file, block.command, block] as const))(
    "%s: $ %s",
    (_file, _command, block) => {
      const actual = run(block.command);
      if (!matches(block.expected, actual)) {
        // Shows the first line that differs (elisions make a plain diff noisy).
        const plain = block.expected.filter((line) => !isElision(line));
        expect(actual.slice(0, plain.length)).toEqual(plain);
      }
      expect(matches(block.expected, actual)).toBe(true);
    },
  );
});
