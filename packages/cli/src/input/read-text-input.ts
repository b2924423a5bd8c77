import { readFile } from "node:fs/promises";
import { badInput, usageError } from "../cli-error.ts";

/** Text inputs above this size are refused: `count` holds its input in memory. */
export const MAX_TEXT_INPUT_BYTES = 256 * 1024 * 1024;

/** Text read for `count`, with what the decoder had to repair. */
export interface TextInput {
  text: string;
  /** `stdin` or the path. */
  name: string;
  byteLength: number;
  /** True when invalid UTF-8 was replaced by U+FFFD (counts are then of the repaired text). */
  repairedUtf8: boolean;
  /** How the bytes were decoded: UTF-8, or UTF-16 when they start with its byte-order mark. */
  encoding: "utf-8" | "utf-16le" | "utf-16be";
}

/** Why bytes that start like an archive cannot be counted as text, with what to do instead. */
function archiveReason(bytes: Buffer): string | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return "is a zip archive, not a text: for a ChatGPT or Claude.ai export run `tokenmeter estimate` on the .zip";
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b)
    return "is gzip-compressed: decompress it first (gunzip)";
  return undefined;
}

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY === true) {
    throw usageError(
      "No input: pass a file, or pipe text into `tokenmeter count -`.",
      "For example: echo 'Hello' | tokenmeter count - --model gpt-4o",
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_TEXT_INPUT_BYTES)
      throw badInput(
        `stdin is larger than ${MAX_TEXT_INPUT_BYTES / 1024 / 1024} MiB; count a smaller text.`,
      );
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a text file (or stdin for `-` / no path) as UTF-8. Binary files are refused with a clear
 * message; invalid UTF-8 is repaired and flagged. Never echoes the content.
 *
 * @throws CliError `BAD_INPUT` (missing, unreadable, binary, too large) or `USAGE` (no input at all).
 */
export async function readTextInput(path: string | undefined): Promise<TextInput> {
  const name = path === undefined || path === "-" ? "stdin" : path;
  let bytes: Buffer;
  if (name === "stdin") {
    bytes = await readStdin();
  } else {
    try {
      bytes = await readFile(name);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw badInput(
        code === "ENOENT"
          ? `File not found: ${name}`
          : code === "EISDIR"
            ? `${name} is a directory; \`count\` reads one text or chat file.`
            : `Cannot read ${name} (${code ?? "unknown error"}).`,
        { cause },
      );
    }
    if (bytes.length > MAX_TEXT_INPUT_BYTES) {
      throw badInput(
        `${name} is larger than ${MAX_TEXT_INPUT_BYTES / 1024 / 1024} MiB; \`count\` is for texts and chats. For logs use \`tokenmeter estimate\`.`,
      );
    }
  }
  const archive = archiveReason(bytes);
  if (archive !== undefined) throw badInput(`${name} ${archive}.`);
  // Windows editors save "Unicode" text as UTF-16 with a byte-order mark: decode it, do not refuse it.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : undefined;
  if (utf16 !== undefined) {
    const decoded = new TextDecoder(utf16).decode(bytes);
    return {
      text: decoded,
      name,
      byteLength: bytes.length,
      repairedUtf8: false,
      encoding: utf16,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw badInput(`${name} contains binary data (a NUL byte at byte ${nul}), not text.`, {
      hint: "Pass a UTF-8 text file or a chat JSON file.",
    });
  }
  let text: string;
  let repairedUtf8 = false;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder("utf-8").decode(bytes);
    repairedUtf8 = true;
  }
  return { text, name, byteLength: bytes.length, repairedUtf8, encoding: "utf-8" };
}
