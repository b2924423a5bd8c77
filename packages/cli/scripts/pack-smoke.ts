// Packs @tokenmeter/core and tokenmeter with `npm pack`, installs both tarballs in an empty
// temporary folder (dependencies come from the npm registry) and runs the installed CLI there:
// proof that the published packages work without this repository, TypeScript or a build step.
//
//   npm run build:packages && npm run smoke:pack -w tokenmeter
//
// Exits 1 (and says which step) when anything fails; the temporary folder is removed either way.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { get_encoding } from "tiktoken";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function step(name: string, run: () => string): string {
  process.stdout.write(`• ${name} … `);
  try {
    const out = run();
    process.stdout.write("ok\n");
    return out;
  } catch (error) {
    process.stdout.write("FAILED\n");
    throw error;
  }
}

function tokenmeter(app: string, args: string[], input?: string): string {
  const result = spawnSync(join(app, "node_modules/.bin/tokenmeter"), args, {
    cwd: app,
    encoding: "utf8",
    input,
    env: { ...process.env, NO_COLOR: "1", TZ: "UTC" },
  });
  if (result.status !== 0) {
    throw new Error(`tokenmeter ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

for (const built of ["packages/core/dist/index.js", "packages/cli/dist/cli.js"]) {
  if (!existsSync(join(ROOT, built))) {
    process.stderr.write(`${built} is missing: run \`npm run build:packages\` first.\n`);
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), "tokenmeter-pack-"));
let failed = false;
try {
  const tarballs = join(dir, "tarballs");
  const app = join(dir, "app");
  mkdirSync(tarballs);
  mkdirSync(app);
  const packed = step("npm pack @tokenmeter/core and tokenmeter", () =>
    execFileSync(
      npm,
      [
        "pack",
        "-w",
        "@tokenmeter/core",
        "-w",
        "tokenmeter",
        "--pack-destination",
        tarballs,
        "--json",
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    ),
  );
  const files = (JSON.parse(packed) as { filename: string; files: { path: string }[] }[]).map(
    (entry) => ({
      tarball: join(tarballs, entry.filename),
      contents: entry.files.map((file) => file.path),
    }),
  );
  const cli = files.find((file) => file.contents.includes("dist/cli.js"));
  if (
    cli === undefined ||
    !cli.contents.includes("README.md") ||
    !cli.contents.includes("estimate-report.schema.json")
  ) {
    throw new Error(
      "the tokenmeter tarball lacks dist/cli.js, README.md or estimate-report.schema.json",
    );
  }
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "tokenmeter-pack-smoke", private: true, type: "module" }),
  );
  step("npm install both tarballs in an empty folder", () =>
    execFileSync(
      npm,
      ["install", "--no-audit", "--no-fund", ...files.map((file) => file.tarball)],
      {
        cwd: app,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    ),
  );
  const version = (
    JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string }
  ).version;
  step("tokenmeter --version", () => {
    const out = tokenmeter(app, ["--version"]).trim();
    if (out !== version) throw new Error(`expected ${version}, got ${out}`);
    return out;
  });
  step("tokenmeter prices gpt-4o --json", () => {
    const json = JSON.parse(tokenmeter(app, ["prices", "gpt-4o", "--json"])) as {
      models: { model: string }[];
    };
    if (json.models[0]?.model !== "gpt-4o") throw new Error("prices did not list gpt-4o");
    return "";
  });
  step("tokenmeter count (tiktoken assets load from the installed package)", () => {
    const text = "Hello, world <|endoftext|>";
    const encoder = get_encoding("o200k_base");
    const expected = encoder.encode_ordinary(text).length;
    encoder.free();
    const out = tokenmeter(app, ["count", "-", "-m", "gpt-4o", "--json"], text);
    const json = JSON.parse(out) as { models: { totalTokens: number; exact: boolean }[] };
    if (json.models[0]?.totalTokens !== expected || json.models[0]?.exact !== true) {
      throw new Error(`expected ${expected} exact tokens (tiktoken), got: ${out}`);
    }
    return "";
  });
  step("tokenmeter estimate examples/chatgpt-export.zip --json", () => {
    const json = JSON.parse(
      tokenmeter(app, ["estimate", join(ROOT, "examples/chatgpt-export.zip"), "--json"]),
    ) as {
      totals: { requestCount: number; totalUsd: number }[];
    };
    if (!((json.totals[0]?.requestCount ?? 0) > 0 && (json.totals[0]?.totalUsd ?? 0) > 0))
      throw new Error("nothing was priced");
    return "";
  });
  step("tokenmeter compare --profile light", () =>
    tokenmeter(app, ["compare", "--profile", "light"]),
  );
  step("import('@tokenmeter/core') with plain Node", () =>
    execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        "const m = await import('@tokenmeter/core'); if (typeof m.priceUsage !== 'function') process.exit(1);",
      ],
      {
        cwd: app,
        encoding: "utf8",
      },
    ),
  );
} catch (error) {
  failed = true;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(failed ? "pack smoke test FAILED\n" : "pack smoke test passed\n");
process.exit(failed ? 1 : 0);
