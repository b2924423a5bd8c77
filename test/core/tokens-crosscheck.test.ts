import { countTokens as cl100kCount } from "gpt-tokenizer/encoding/cl100k_base";
import { countTokens as o200kCount } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, test } from "vitest";
import { getTokenizer } from "../../packages/core/src/tokens/index.ts";
import { buildCorpus, corpusBytes, corpusBytesByCategory } from "../fixtures/tokens/corpus.ts";

// Cross-check: tokenmeter (tiktoken's WASM) and gpt-tokenizer (an independent pure-JS
// implementation) must give identical counts, as plain text, on a mixed corpus of ≥ 5 MB.
// U+0085 and U+FEFF are stripped from the corpus: the two libraries' regexes disagree on them
// by design (see the U+0085 test in tokens.test.ts).
const corpus = buildCorpus();
const plainText = { disallowedSpecial: new Set<string>() };

describe("mixed corpus", () => {
  test("is at least 5 MB and covers every kind of text", () => {
    expect(corpusBytes(corpus)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    for (const [category, bytes] of Object.entries(corpusBytesByCategory(corpus))) {
      expect(bytes, category).toBeGreaterThan(100_000);
    }
  });
});

describe.each([
  ["o200k_base", (text: string) => o200kCount(text, plainText)],
  ["cl100k_base", (text: string) => cl100kCount(text, plainText)],
] as const)("%s: identical to gpt-tokenizer", (encoding, reference) => {
  test("on every document of the corpus", async () => {
    const tokenizer = await getTokenizer(encoding);
    const mismatches: string[] = [];
    let totalTokens = 0;
    for (const doc of corpus) {
      const ours = tokenizer.count(doc.text);
      const theirs = reference(doc.text);
      totalTokens += ours;
      if (ours !== theirs) mismatches.push(`${doc.name}: ${ours} vs ${theirs}`);
    }
    expect(mismatches).toEqual([]);
    expect(totalTokens).toBeGreaterThan(1_000_000);
  }, 180_000);
});
