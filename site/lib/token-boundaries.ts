// Token boundaries for the counter's view: tiktoken works on UTF-8 bytes, the page on UTF-16
// strings. A token can end inside a multi-byte character (emoji, CJK); such a boundary moves to
// the end of that character, merging the pieces into one highlighted span.

/**
 * UTF-16 end offsets in `text` of consecutive tokens whose UTF-8 lengths are `tokenByteLengths`.
 * Stops at `text`'s end. Offsets strictly increase.
 */
export function boundariesFromByteLengths(
  text: string,
  tokenByteLengths: ArrayLike<number>,
): Uint32Array {
  const ends = new Uint32Array(tokenByteLengths.length);
  let written = 0;
  let index = 0; // UTF-16 position
  let byteAtIndex = 0; // UTF-8 bytes before `index`
  let targetBytes = 0;
  for (let t = 0; t < tokenByteLengths.length && index < text.length; t++) {
    targetBytes += tokenByteLengths[t] ?? 0;
    while (byteAtIndex < targetBytes && index < text.length) {
      const code = text.codePointAt(index) ?? 0;
      byteAtIndex += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      index += code > 0xffff ? 2 : 1;
    }
    if (written === 0 || index > (ends[written - 1] ?? 0)) ends[written++] = index;
  }
  return ends.slice(0, written);
}
