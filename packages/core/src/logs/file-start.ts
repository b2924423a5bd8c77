/** How many bytes at the start of a file are checked for binary content. */
export const FILE_START_BYTES = 8192;

/**
 * Why the start of a file says it is not a UTF-8 text log, or `undefined` when it looks like text.
 * The reason says what the file seems to be and what to do; it never quotes the bytes.
 */
export function binaryReason(start: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = start;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) {
    return "it is a zip archive: pass the .zip itself to the CLI (or the import page), which unpacks conversations.json, or unzip it first";
  }
  if (b0 === 0x1f && b1 === 0x8b) return "it is gzip-compressed: decompress it first (gunzip)";
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return "it is UTF-16 text: save it as UTF-8 and try again";
  }
  const end = Math.min(start.length, FILE_START_BYTES);
  for (let i = 0; i < end; i += 1) {
    if (start[i] === 0)
      return "it contains binary data (NUL bytes), not text: check that this is the right file";
  }
  return undefined;
}

/** True when the byte is a JSON whitespace character. */
export function isJsonWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
