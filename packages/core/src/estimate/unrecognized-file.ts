import { DETECT_SAMPLE_BYTES } from "../logs/detect-log-format.ts";
import { binaryReason } from "../logs/file-start.ts";
import { countNoun } from "../report/count-noun.ts";

/** The first bytes of a zip archive (a local file header): `PK\x03\x04`. */
function isZipStart(start: Uint8Array): boolean {
  return start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
}

/**
 * Why a file's format could not be told from its first bytes, in words a person can act on. Never
 * quotes the bytes themselves.
 */
export function whyUnrecognized(sample: Uint8Array, totalBytes: number): string {
  if (totalBytes === 0) return "it is empty";
  if (isZipStart(sample)) return "it is a zip archive without conversations.json";
  // UTF-16 and gzip have their own advice; other NUL bytes mean binary data.
  const binary = binaryReason(sample);
  if (binary !== undefined) return binary;
  if (sample.includes(0))
    return "it contains binary data (NUL bytes), not text: check that this is the right file";
  if (sample.length >= DETECT_SAMPLE_BYTES && !sample.includes(0x0a)) {
    return `its first line is longer than ${DETECT_SAMPLE_BYTES / 1024} KiB, too long to tell the format from: pass the format option`;
  }
  return "it is not a log format tokenmeter knows (ChatGPT or Claude.ai export, OpenAI API JSONL or usage CSV, Claude Code logs, generic JSONL)";
}

/** Why an archive was not read: it holds no conversations file. */
export function archiveWithoutConversations(entryCount: number): string {
  return `the zip archive has no conversations.json (it holds ${countNoun(entryCount, "file")}); tokenmeter reads ChatGPT and Claude.ai data exports as downloaded`;
}
