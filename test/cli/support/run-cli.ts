import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run the CLI from there, with fixture paths relative to it). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The built CLI: `packages/cli/dist/cli.js` (built by `npm run build:packages`, which `npm test`
 * runs first). `TOKENMETER_CLI` points elsewhere, e.g. at a staging build.
 */
export const CLI_PATH = process.env.TOKENMETER_CLI ?? `${REPO_ROOT}packages/cli/dist/cli.js`;

/** A string planted in the fixtures' private text: it must never appear in errors or diagnostics. */
export const PRIVATE_MARKER = "PRIVATE-MARKER-7Q";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI the way a user would, with `TZ=UTC NO_COLOR=1` and no terminal.
 * Fails loudly when the CLI has not been built.
 */
export function runCli(
  args: readonly string[],
  options: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  if (!existsSync(CLI_PATH)) {
    throw new Error(
      `The CLI is not built: ${CLI_PATH} is missing. Run \`npm run build:packages\` first.`,
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", TZ: "UTC", NO_COLOR: "1", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

/** Runs the CLI and parses its stdout as JSON (the run must succeed). */
export async function runCliJson<T = unknown>(
  args: readonly string[],
  options?: Parameters<typeof runCli>[1],
): Promise<{ json: T; result: CliResult }> {
  const result = await runCli([...args, "--json"], options);
  if (result.code !== 0) {
    throw new Error(`tokenmeter ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  }
  return { json: JSON.parse(result.stdout) as T, result };
}

/** True when |a − b| is below half a micro-dollar: equal "to the micro-dollar". */
export function sameToMicroDollar(a: number, b: number): boolean {
  return Math.abs(a - b) < 5e-7;
}

const tempDirs: string[] = [];

/** A fresh temporary directory, removed by {@link removeTempDirs} (call it in `afterAll`). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes every directory {@link tempDir} made in this test file. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
