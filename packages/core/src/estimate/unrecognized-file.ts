import { DETECT_SAMPLE_BYTES } from "../logs/detect-log-format.ts";
import { binaryReason } from "../logs/file-start.ts";
import { countNoun } from "../report/count-noun.ts";

/** The first bytes of a zip archive (a local file header): `PK\x03\x04`. */
function isZipStart(start: Uint8Array): boolean {
  return start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
}

/**
 * What kind of problem kept a file from being read, for callers that add their own advice (the CLI
 * lists the formats it reads only for `UNKNOWN_FORMAT` and `FIRST_LINE_TOO_LONG`).
 */
export type UnrecognizedKind =
  | "EMPTY"
  | "BINARY"
  | "ZIP_WITHOUT_CONVERSATIONS"
  | "FIRST_LINE_TOO_LONG"
  | "EMPTY_LIST"
  | "INVALID_JSON"
  | "UNKNOWN_FORMAT";

/** Why a file was not read: the kind, and a sentence a person can act on. */
export interface Unrecognized {
  readonly kind: UnrecognizedKind;
  readonly reason: string;
}

/**
 * Why a file's format could not be told from its first bytes, in words a person can act on. Never
 * quotes the bytes themselves. `wholeFile`: the sample is the entire file (it ended within it).
 */
export function whyUnrecognized(
  sample: Uint8Array,
  totalBytes: number,
  wholeFile: boolean,
): Unrecognized {
  const documentReason = wholeFile ? jsonDocumentReason(sample) : undefined;
  if (documentReason !== undefined) return documentReason;
  if (totalBytes === 0) return { kind: "EMPTY", reason: "it is empty" };
  if (isZipStart(sample)) {
    return {
      kind: "ZIP_WITHOUT_CONVERSATIONS",
      reason: "it is a zip archive without conversations.json",
    };
  }
  // UTF-16 and gzip have their own advice; other NUL bytes mean binary data.
  const binary = binaryReason(sample);
  if (binary !== undefined) return { kind: "BINARY", reason: binary };
  if (sample.includes(0)) {
    return {
      kind: "BINARY",
      reason: "it contains binary data (NUL bytes), not text: check that this is the right file",
    };
  }
  if (sample.length >= DETECT_SAMPLE_BYTES && !sample.includes(0x0a)) {
    return {
      kind: "FIRST_LINE_TOO_LONG",
      reason: `its first line is longer than ${DETECT_SAMPLE_BYTES / 1024} KiB, too long to tell the format from: pass the format option`,
    };
  }
  return {
    kind: "UNKNOWN_FORMAT",
    reason:
      "it is not a log format tokenmeter knows (ChatGPT or Claude.ai export, OpenAI API JSONL or usage CSV, Claude Code logs, generic JSONL)",
  };
}

/**
 * Why a small whole file (no larger than the detection sample) that is one JSON document (`[` or
 * `{` first) is no log: an empty list is an export with nothing in it; a broken document gets the
 * byte where it breaks.
 * Only positions are taken from the parser's message, never the text it may quote.
 */
function jsonDocumentReason(sample: Uint8Array): Unrecognized | undefined {
  if (sample.length > DETECT_SAMPLE_BYTES || sample.includes(0)) return undefined;
  const text = new TextDecoder("utf-8").decode(sample).replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) return undefined;
  if (trimmed.includes("\n{") && !trimmed.startsWith("[")) return undefined; // JSON Lines
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    if (position === undefined) {
      return {
        kind: "INVALID_JSON",
        reason:
          "it is a JSON document that ends before it is complete (an interrupted download or unzip?): export the data again",
      };
    }
    // The parser counts UTF-16 code units of the trimmed text; report the byte in the file.
    const lead = text.length - text.trimStart().length;
    const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
    const byte = bom + new TextEncoder().encode(text.slice(0, lead + Number(position))).length;
    return {
      kind: "INVALID_JSON",
      reason: `it is not valid JSON (it breaks at byte ${byte}): check that the file was not edited or cut, or export the data again`,
    };
  }
  if (Array.isArray(value) && value.length === 0) {
    return {
      kind: "EMPTY_LIST",
      reason: "it holds an empty list: there are no conversations or requests in it to count",
    };
  }
  return undefined;
}

/** Why an archive was not read: it holds no conversations file. */
export function archiveWithoutConversations(entryCount: number): Unrecognized {
  return {
    kind: "ZIP_WITHOUT_CONVERSATIONS",
    reason: `the zip archive has no conversations.json (it holds ${countNoun(entryCount, "file")}); tokenmeter reads ChatGPT and Claude.ai data exports as downloaded`,
  };
}
