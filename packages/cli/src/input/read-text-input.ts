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
  return { text, name, byteLength: bytes.length, repairedUtf8 };
}
