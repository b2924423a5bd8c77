// Re-runs the ```console blocks of a README with the built CLI and pastes what it prints now:
//   node --import tsx packages/cli/scripts/readme-runs.ts packages/cli/README.md [--check]
// Blocks with an elision line ("…" after the indent) are left for a person to cut again; they are
// listed when they no longer match. test/cli/readme.test.ts checks every block.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CLI = `${ROOT}packages/cli/dist/cli.js`;

function run(command: string): string {
  const shell = command.replace(/(^|\|\s*)(?:npx )?tokenmeter /g, `$1node ${CLI} `);
  const result = spawnSync("sh", ["-c", `${shell} 2>&1`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return result.stdout.replace(/\n$/, "");
}

const [file, flag] = process.argv.slice(2);
if (file === undefined) {
  console.error("usage: readme-runs.ts <README.md> [--check]");
  process.exit(2);
}
const path = `${ROOT}${file}`;
const text = readFileSync(path, "utf8");
let stale = 0;
const updated = text.replace(/```console\n([\s\S]*?)```/g, (block, body: string) => {
  const lines = body.replace(/\n$/, "").split("\n");
  const first = lines[0] ?? "";
  if (!first.startsWith("$ ")) return block;
  const output = run(first.slice(2));
  if (lines.slice(1).some((line) => line.trimStart().startsWith("…"))) {
    console.error(`cut by hand, check it: ${first}`);
    return block;
  }
  if (output === lines.slice(1).join("\n")) return block;
  stale += 1;
  console.error(`${flag === "--check" ? "stale" : "updated"}: ${first}`);
  return `\`\`\`console\n${first}\n${output}\n\`\`\``;
});
if (flag === "--check") process.exit(stale > 0 ? 1 : 0);
writeFileSync(path, updated);
