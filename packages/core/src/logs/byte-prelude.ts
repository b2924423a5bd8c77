import { binaryReason, FILE_START_BYTES } from "./file-start.ts";
import type { ReaderContext } from "./reader-context.ts";

/** A byte sink that a reader feeds once the start of the file has been checked. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  end(): void;
}

/**
 * Holds back the first 8 KiB of a file, rejects binary files (`BINARY` issue: zip, gzip, UTF-16,
 * NUL bytes) before any record is read, then passes every byte on. Holding the start back means
 * feeding a file in 1-byte chunks gives exactly the result of feeding it at once.
 */
export function withBinaryCheck(ctx: ReaderContext, sink: ByteSink): ByteSink {
  let held: Uint8Array[] | undefined = [];
  let heldBytes = 0;
  let rejected = false;

  function release(): void {
    const parts = held;
    held = undefined;
    if (parts === undefined || parts.length === 0) return;
    const start = new Uint8Array(heldBytes);
    let at = 0;
    for (const part of parts) {
      start.set(part, at);
      at += part.length;
    }
    const reason = binaryReason(start);
    if (reason !== undefined) {
      rejected = true;
      ctx.incomplete();
      ctx.issue("BINARY", `not read: ${reason}`, { byteOffset: 0 });
      return;
    }
    sink.write(start);
  }

  return {
    write(chunk) {
      ctx.summary.bytesRead += chunk.length;
      if (rejected) return;
      if (held !== undefined) {
        held.push(chunk.slice());
        heldBytes += chunk.length;
        if (heldBytes >= FILE_START_BYTES) release();
        return;
      }
      sink.write(chunk);
    },
    end() {
      if (held !== undefined) release();
      if (!rejected) sink.end();
    },
  };
}
