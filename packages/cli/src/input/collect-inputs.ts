import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { badInput, usageError } from "../cli-error.ts";

/** A file to read, as named on the command line or found in a directory. */
export interface InputFile {
  /** The path to open. */
  path: string;
  /** How reports name it: the path as given, or relative to the directory given. */
  displayName: string;
  sizeBytes: number;
  /** True when the user named the file itself (not found by walking a directory). */
  explicit: boolean;
}

/** A file found in a directory but not read, and why. */
export interface IgnoredFile {
  displayName: string;
  reason: string;
}

/** Extensions of files a directory walk picks up; anything else in a directory is listed as ignored. */
const LOG_EXTENSIONS = [".json", ".jsonl", ".ndjson", ".csv", ".zip"];

/** Directories never worth walking into. */
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string"
    ? error.code
    : undefined;
}

/**
 * Expands the command line's files and directories into the files to read. Directories are walked
 * recursively in name order (so output is stable), keeping only log-like extensions; everything
 * else found there is returned in `ignored` for the coverage section.
 *
 * @throws CliError `BAD_INPUT` for a path that does not exist or cannot be read.
 */
export async function collectInputs(
  paths: readonly string[],
): Promise<{ files: InputFile[]; ignored: IgnoredFile[] }> {
  if (paths.length === 0) {
    throw usageError(
      "No input given.",
      "Pass a file or directory, e.g. `tokenmeter estimate chatgpt-export.zip` or `tokenmeter estimate ~/.claude/projects`.",
    );
  }
  const files: InputFile[] = [];
  const ignored: IgnoredFile[] = [];
  const seen = new Set<string>();

  async function walk(directory: string, display: string): Promise<void> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (cause) {
      throw badInput(
        `Cannot read the directory ${display} (${errnoCode(cause) ?? "unknown error"}).`,
        { cause },
      );
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const shown = join(display, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, shown);
        continue;
      }
      if (!entry.isFile()) continue;
      const lower = entry.name.toLowerCase();
      if (!LOG_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
        ignored.push({
          displayName: shown,
          reason: "not a .json, .jsonl, .ndjson, .csv or .zip file",
        });
        continue;
      }
      if (seen.has(path)) continue;
      seen.add(path);
      const info = await stat(path);
      files.push({ path, displayName: shown, sizeBytes: info.size, explicit: false });
    }
  }

  for (const path of paths) {
    if (path === "-") {
      throw usageError(
        "`estimate` reads files, not stdin.",
        "Save the log to a file and pass its path.",
      );
    }
    let info: import("node:fs").Stats;
    try {
      info = await stat(path);
    } catch (cause) {
      const code = errnoCode(cause);
      throw badInput(
        code === "ENOENT"
          ? `File not found: ${path}`
          : `Cannot open ${path} (${code ?? "unknown error"}).`,
        code === "ENOENT"
          ? {
              cause,
              hint: "Check the path; a ChatGPT export is usually a .zip in your Downloads folder.",
            }
          : { cause },
      );
    }
    if (info.isDirectory()) {
      await walk(path, path);
    } else if (!seen.has(path)) {
      seen.add(path);
      files.push({ path, displayName: path, sizeBytes: info.size, explicit: true });
    }
  }
  return { files, ignored };
}
