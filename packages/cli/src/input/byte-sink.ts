/** Where the bytes of one log go: a format reader, fed chunk by chunk. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  /** No more bytes. `complete` is false when the input stopped early (a truncated zip entry). */
  end(complete: boolean): void;
}
