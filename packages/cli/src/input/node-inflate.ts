import { createInflateRaw, type InflateRaw } from "node:zlib";
import type { AsyncFlateStreamHandler, FlateError, UnzipDecoderConstructor } from "fflate";

/** fflate decoders that inflate with Node's zlib, and a way to wait for them. */
export interface NodeInflate {
  /** Register with `unzip.register(...)` to replace fflate's own DEFLATE decoder. */
  decoder: UnzipDecoderConstructor;
  /** Resolves when every stream has room for more input (call after each pushed chunk). */
  ready(): Promise<void>;
  /** Resolves when every stream has emitted its last byte. */
  finished(): Promise<void>;
}

/**
 * DEFLATE for fflate's streaming `Unzip`, done by Node's zlib: fflate still reads the archive (its
 * headers, entry by entry, as it streams past), zlib inflates each entry's data off the main
 * thread, several times faster than fflate's JavaScript inflate. Data reaches the entry's
 * `ondata` asynchronously and in order; `ready()` gives back-pressure so memory stays bounded.
 */
export function createNodeInflate(): NodeInflate {
  const streams = new Set<{
    stream: InflateRaw;
    waiting: Promise<void> | undefined;
    done: Promise<void>;
  }>();

  class NodeInflateRaw {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => {};
    private readonly entry: {
      stream: InflateRaw;
      waiting: Promise<void> | undefined;
      done: Promise<void>;
    };

    constructor() {
      const stream = createInflateRaw({ chunkSize: 64 * 1024 });
      const done = new Promise<void>((resolve) => {
        stream.on("data", (chunk: Buffer) =>
          this.ondata(
            null,
            new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length),
            false,
          ),
        );
        stream.on("end", () => {
          this.ondata(null, new Uint8Array(0), true);
          resolve();
        });
        stream.on("error", (error) => {
          const failure = Object.assign(new Error(error.message), { code: 1 }) as FlateError;
          this.ondata(failure, new Uint8Array(0), true);
          resolve();
        });
      });
      this.entry = { stream, waiting: undefined, done };
      streams.add(this.entry);
    }

    push(chunk: Uint8Array, final: boolean): void {
      const entry = this.entry;
      const full = chunk.length > 0 && !entry.stream.write(chunk);
      if (final) {
        // An ended stream may never emit 'drain': wait for its last byte instead (`finished()`).
        entry.stream.end();
        entry.waiting = undefined;
        return;
      }
      if (full && entry.waiting === undefined) {
        entry.waiting = new Promise<void>((resolve) => {
          const release = () => {
            entry.waiting = undefined;
            entry.stream.off("drain", release);
            entry.stream.off("close", release);
            resolve();
          };
          entry.stream.once("drain", release);
          entry.stream.once("close", release);
        });
      }
    }
  }

  return {
    decoder: NodeInflateRaw,
    async ready() {
      await Promise.all([...streams].map((entry) => entry.waiting));
    },
    async finished() {
      await Promise.all([...streams].map((entry) => entry.done));
    },
  };
}
