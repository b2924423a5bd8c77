/** A line of a text file, decoded as UTF-8 (invalid bytes become U+FFFD), without its line break. */
export interface SplitLine {
  text: string;
  /** 1-based. */
  lineNumber: number;
  /** 0-based byte offset of the line's first byte. */
  byteOffset: number;
}

/** Splits a byte stream into lines without ever holding more than one line (up to a cap) in memory. */
export interface LineSplitter {
  write(chunk: Uint8Array): void;
  /** Flushes a last line that has no line break. */
  end(): void;
  /** Lines seen so far, including over-long ones. */
  readonly linesRead: number;
}

export interface LineSplitterOptions {
  /** Lines longer than this many bytes are reported to `onTooLong` and never decoded. */
  maxLineBytes: number;
  onLine(line: SplitLine): void;
  onTooLong(lineNumber: number, byteOffset: number, byteLength: number): void;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * A splitter on `\n` (a trailing `\r` is dropped). Splitting bytes rather than text means a
 * multi-byte character can never be cut by a chunk boundary. Memory stays at one line: an
 * over-long line is counted and dropped as it streams past, so a 100 MB line costs nothing.
 */
export function createLineSplitter(options: LineSplitterOptions): LineSplitter {
  const decoder = new TextDecoder("utf-8");
  const { maxLineBytes } = options;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let discarding = false;
  let lineNumber = 1;
  let lineStart = 0;
  let position = 0;

  function decode(bytes: Uint8Array): string {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CARRIAGE_RETURN) end -= 1;
    return decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
  }

  function finishLine(tail: Uint8Array): void {
    const length = pendingBytes + tail.length;
    if (discarding || length > maxLineBytes) {
      options.onTooLong(lineNumber, lineStart, length);
    } else if (pending.length === 0) {
      options.onLine({ text: decode(tail), lineNumber, byteOffset: lineStart });
    } else {
      const joined = new Uint8Array(length);
      let at = 0;
      for (const part of pending) {
        joined.set(part, at);
        at += part.length;
      }
      joined.set(tail, at);
      options.onLine({ text: decode(joined), lineNumber, byteOffset: lineStart });
    }
    pending = [];
    pendingBytes = 0;
    discarding = false;
  }

  return {
    get linesRead() {
      return lineNumber - 1;
    },
    write(chunk) {
      let start = 0;
      while (start < chunk.length) {
        const newline = chunk.indexOf(NEWLINE, start);
        if (newline === -1) {
          const rest = chunk.length - start;
          if (!discarding && pendingBytes + rest > maxLineBytes) {
            discarding = true;
            pending = [];
          }
          // Copy: the caller may reuse its buffer for the next chunk.
          if (!discarding) pending.push(chunk.slice(start));
          pendingBytes += rest;
          position += rest;
          return;
        }
        const tail = chunk.subarray(start, newline);
        position += newline + 1 - start;
        finishLine(tail);
        lineNumber += 1;
        lineStart = position;
        start = newline + 1;
      }
    },
    end() {
      if (pendingBytes > 0 || discarding) {
        finishLine(new Uint8Array(0));
        lineNumber += 1;
      }
    },
  };
}
