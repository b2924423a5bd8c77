// The counter's boundary mapping (UTF-8 token lengths → UTF-16 offsets), checked against tiktoken
// itself: for every token that ends on a character boundary, the slice of the text between two
// offsets must be exactly the token's decoded bytes.
import { get_encoding } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { boundariesFromByteLengths } from "../../site/lib/token-boundaries.ts";

const encoding = get_encoding("o200k_base");
afterAll(() => encoding.free());

function tokenBytes(text: string): Uint8Array[] {
  return [...encoding.encode_ordinary(text)].map((id) => encoding.decode_single_token_bytes(id));
}

describe("boundariesFromByteLengths", () => {
  it.each([
    ["plain English", "Tokens are the pieces a model reads."],
    ["special-token strings as text", "before <|endoftext|> after <|im_start|>"],
    ["code", "const x = items.map((item) => item.id * 2);\n\treturn x;"],
    ["accents", "Ça coûte combien, s'il vous plaît ?"],
  ])("splits %s exactly as tiktoken does", (_name, text) => {
    const pieces = tokenBytes(text);
    const ends = boundariesFromByteLengths(
      text,
      pieces.map((p) => p.length),
    );
    expect(ends.length).toBe(pieces.length);
    const decoder = new TextDecoder();
    let start = 0;
    ends.forEach((end, i) => {
      expect(text.slice(start, end)).toBe(decoder.decode(pieces[i]));
      start = end;
    });
    expect(start).toBe(text.length);
  });

  it.each([
    // o200k splits the skin-tone modifier 🏽 (4 bytes) into tokens of 3 and 1 bytes,
    ["家族 🙂👍🏽 ok", 6],
    // and each 4-byte Fraktur letter into 2 + 1 + 1: 21 tokens, 7 visible pieces.
    ["𝔘𝔫𝔦𝔠𝔬𝔡𝔢", 7],
  ])("merges tokens that end inside a character: %s → %i pieces", (text, expectedPieces) => {
    const pieces = tokenBytes(text);
    const ends = [
      ...boundariesFromByteLengths(
        text,
        pieces.map((p) => p.length),
      ),
    ];
    // Every offset is on a code point boundary (never between surrogate halves) and increasing.
    for (const [i, end] of ends.entries()) {
      if (i > 0) expect(end).toBeGreaterThan(ends[i - 1] ?? 0);
      const code = text.charCodeAt(end - 1);
      expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
    }
    expect(ends.at(-1)).toBe(text.length);
    expect(ends.length).toBe(expectedPieces);
    expect(pieces.length).toBeGreaterThan(expectedPieces);
    // The whole byte stream is accounted for: the UTF-8 length equals the tokens' bytes.
    expect(new TextEncoder().encode(text).length).toBe(pieces.reduce((n, p) => n + p.length, 0));
  });

  it("returns no offsets past the text when given more tokens than it has", () => {
    expect([...boundariesFromByteLengths("ab", [1, 1, 1, 1])]).toEqual([1, 2]);
  });
});
