import type { LogFormat } from "./log-format.ts";

/** A conversations file found in an export archive. */
export interface ExportEntry {
  /** The entry's path inside the archive. */
  name: string;
  /** The export it belongs to, judged from the files beside it; undefined when unclear. */
  format: LogFormat | undefined;
}

const CONVERSATIONS = /(^|\/)conversations(-\d+)?\.json$/i;

/**
 * Finds the conversation files among the entry names of a data-export zip, so the CLI and the
 * import page unpack only those. ChatGPT exports ship `conversations.json` beside `user.json`
 * and `chat.html`; Claude.ai exports beside `users.json` and `projects.json`. Sniff the entry's
 * bytes with `detectLogFormat` when `format` is undefined.
 *
 * @example
 * findExportEntries(["chat.html", "conversations.json", "user.json"])
 * // [{ name: "conversations.json", format: "chatgpt-export" }]
 */
export function findExportEntries(entryNames: readonly string[]): ExportEntry[] {
  const lower = entryNames.map((name) => name.toLowerCase());
  const has = (file: string) => lower.some((name) => name === file || name.endsWith(`/${file}`));
  let format: LogFormat | undefined;
  if (has("chat.html") || has("user.json") || has("message_feedback.json"))
    format = "chatgpt-export";
  else if (has("users.json") || has("projects.json")) format = "claude-export";
  return entryNames
    .filter((name) => CONVERSATIONS.test(name.replace(/\\/g, "/")) && !name.startsWith("__MACOSX/"))
    .sort()
    .map((name) => ({ name, format }));
}
