// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so one
// benchmark's warm caches and heap do not flatter the next. Each script prints its own section.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

const cpu = cpus()[0]?.model ?? "unknown CPU";
process.stdout.write(
  `# tokenmeter benchmarks\nNode ${process.version}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB\n`,
);
let failed = 0;
for (const name of scripts) {
  process.stdout.write(`\n## ${name.replace(".bench.ts", "")}\n`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", `${dir}${name}`], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    failed += 1;
    process.stderr.write(`bench ${name} failed with exit code ${run.status}\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
