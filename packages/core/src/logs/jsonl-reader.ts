import type { ByteSink } from "./byte-prelude.ts";
import { createLineSplitter } from "./line-splitter.ts";
import type { IssueLocation, ReaderContext } from "./reader-context.ts";

/** Handles the parsed JSON value of one line. */
export type JsonLineHandler = (value: unknown, location: IssueLocation) => void;

const JSON_POSITION = /position (\d+)/;

/**
 * Reads JSON Lines: each non-blank line is parsed on its own, so one bad line costs one record.
 * A line that is not JSON is a `BAD_JSON` issue (with the column where parsing failed: V8's own
 * message quotes the line, so it is never passed on); a line above `maxLineBytes` is a
 * `LINE_TOO_LONG` issue and is never decoded.
 */
export function createJsonlReader(
  ctx: ReaderContext,
  maxLineBytes: number,
  onValue: JsonLineHandler,
): ByteSink {
  let sawContent = false;
  const splitter = createLineSplitter({
    maxLineBytes,
    onLine({ text, lineNumber, byteOffset }) {
      if (text.trim().length === 0) return;
      sawContent = true;
      const location = { line: lineNumber, byteOffset };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        const position =
          error instanceof Error ? JSON_POSITION.exec(error.message)?.[1] : undefined;
        const column = position === undefined ? "" : ` (column ${Number(position) + 1})`;
        ctx.issue(
          "BAD_JSON",
          `line ${lineNumber} is not valid JSON${column}; a line cut off in the middle (a log written while the tool crashed) looks like this`,
          location,
        );
        return;
      }
      onValue(value, location);
    },
    onTooLong(lineNumber, byteOffset, byteLength) {
      sawContent = true;
      ctx.issue(
        "LINE_TOO_LONG",
        `line ${lineNumber} is ${byteLength.toLocaleString("en-US")} bytes long, above the limit of ${maxLineBytes.toLocaleString("en-US")} bytes per line, so it is not read (raise maxLineBytes if such lines are real)`,
        { line: lineNumber, byteOffset },
      );
    },
  });
  return {
    write(chunk) {
      splitter.write(chunk);
      ctx.summary.linesRead = splitter.linesRead;
    },
    end() {
      splitter.end();
      ctx.summary.linesRead = splitter.linesRead;
      if (!sawContent) {
        ctx.issue(
          "EMPTY_FILE",
          "the file is empty (or only blank lines): there is nothing to read",
          {
            line: 1,
          },
        );
      }
    },
  };
}
