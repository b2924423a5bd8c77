import { isTokenmeterError, TokenmeterError } from "../errors.ts";
import { findModel } from "../pricing/find-model.ts";
import { type PricingTable, TOKENIZER_IDS, type TokenizerId } from "../pricing/schema.ts";

/** How a model id was mapped to a tokenizer. */
export interface TokenizerResolution {
  tokenizer: TokenizerId;
  /** Canonical model id when the pricing table knows the model; otherwise the id as given. */
  model: string;
  /** Where the mapping came from. */
  via: "tokenizer-id" | "pricing-table" | "prefix-rule";
}

/**
 * tiktoken's published model → encoding rules (openai/tiktoken `tiktoken/model.py`,
 * `MODEL_TO_ENCODING` and `MODEL_PREFIX_TO_ENCODING`), chat models only. `gpt-oss-` uses
 * `o200k_harmony`, which is `o200k_base` plus chat special tokens, so plain text counts the same.
 */
const OPENAI_EXACT: ReadonlyMap<string, TokenizerId> = new Map([
  ["o1", "o200k_base"],
  ["o3", "o200k_base"],
  ["o4-mini", "o200k_base"],
  ["gpt-5", "o200k_base"],
  ["gpt-4.1", "o200k_base"],
  ["gpt-4o", "o200k_base"],
  ["gpt-4", "cl100k_base"],
  ["gpt-3.5-turbo", "cl100k_base"],
  ["gpt-3.5", "cl100k_base"],
  ["gpt-35-turbo", "cl100k_base"],
]);

const OPENAI_PREFIXES: ReadonlyArray<readonly [string, TokenizerId]> = [
  ["o1-", "o200k_base"],
  ["o3-", "o200k_base"],
  ["o4-mini-", "o200k_base"],
  ["gpt-5", "o200k_base"],
  ["gpt-4.5-", "o200k_base"],
  ["gpt-4.1-", "o200k_base"],
  ["chatgpt-4o-", "o200k_base"],
  ["gpt-4o-", "o200k_base"],
  ["gpt-oss-", "o200k_base"],
  ["gpt-4-", "cl100k_base"],
  ["gpt-3.5-turbo-", "cl100k_base"],
  ["gpt-35-turbo-", "cl100k_base"],
];

/** Provider families by the start of the bare model id (after any `provider/` routing prefix). */
const PROVIDER_PREFIXES: ReadonlyArray<readonly [RegExp, TokenizerId]> = [
  [/^(?:anthropic\.)?claude/, "claude"],
  [/^gemini/, "gemini"],
  [/^grok/, "grok"],
  [/^deepseek/, "deepseek"],
  [
    /^(?:open-)?(?:mistral|mixtral|ministral|magistral|codestral|devstral|pixtral|voxtral)/,
    "mistral",
  ],
];

function isTokenizerId(value: string): value is TokenizerId {
  return (TOKENIZER_IDS as readonly string[]).includes(value);
}

/** `openrouter/openai/gpt-4o` → `gpt-4o`; `ft:gpt-4o-mini-2024-07-18:org::abc` → `gpt-4o-mini-2024-07-18`. */
function bareId(model: string): string {
  const lower = model.trim().toLowerCase();
  const last = lower.slice(lower.lastIndexOf("/") + 1);
  if (last.startsWith("ft:")) return last.slice(3).split(":")[0] ?? "";
  return last;
}

/** The tokenizer of a model id by published prefix rules alone, or undefined. */
export function tokenizerByPrefix(model: string): TokenizerId | undefined {
  const bare = bareId(model);
  const exact = OPENAI_EXACT.get(bare);
  if (exact !== undefined) return exact;
  for (const [prefix, tokenizer] of OPENAI_PREFIXES) {
    if (bare.startsWith(prefix)) return tokenizer;
  }
  for (const [pattern, tokenizer] of PROVIDER_PREFIXES) {
    if (pattern.test(bare)) return tokenizer;
  }
  return undefined;
}

/**
 * Maps a model id (or a tokenizer id) to its tokenizer: a {@link TokenizerId} as is, then the
 * pricing table's `tokenizer` field (ids, aliases and provider-prefixed ids), then tiktoken's
 * published prefix rules and provider prefixes for ids the table does not list.
 *
 * @throws TokenmeterError `UNKNOWN_MODEL` when nothing matches (with the table's closest ids).
 * @example
 * resolveTokenizer("gpt-4o-2024-08-06").tokenizer // "o200k_base"
 * resolveTokenizer("claude-sonnet-4-5").tokenizer // "claude"
 */
export function resolveTokenizer(
  modelOrTokenizerId: string,
  opts?: { pricing?: PricingTable },
): TokenizerResolution {
  const trimmed = modelOrTokenizerId.trim();
  const lower = trimmed.toLowerCase();
  if (isTokenizerId(lower)) return { tokenizer: lower, model: lower, via: "tokenizer-id" };
  let unknown: TokenmeterError | undefined;
  if (trimmed !== "") {
    try {
      const entry = findModel(
        trimmed,
        opts?.pricing === undefined ? {} : { pricing: opts.pricing },
      );
      return { tokenizer: entry.tokenizer, model: entry.id, via: "pricing-table" };
    } catch (error) {
      if (!isTokenmeterError(error, "UNKNOWN_MODEL")) throw error;
      unknown = error;
    }
  }
  const byPrefix = tokenizerByPrefix(trimmed);
  if (byPrefix !== undefined) return { tokenizer: byPrefix, model: trimmed, via: "prefix-rule" };
  const suggestions = unknown?.details.suggestions;
  const shown = printable(trimmed);
  throw new TokenmeterError(
    "UNKNOWN_MODEL",
    `No tokenizer is known for model "${shown}". Pass a model id from the pricing table` +
      (Array.isArray(suggestions) && suggestions.length > 0
        ? ` (closest: ${suggestions.map((s) => `"${String(s)}"`).join(", ")})`
        : "") +
      ` or a tokenizer id (${TOKENIZER_IDS.join(", ")}).`,
    {
      details: {
        model: shown,
        suggestions: Array.isArray(suggestions) ? suggestions : [],
      },
      ...(unknown === undefined ? {} : { cause: unknown }),
    },
  );
}

/** Model ids are not private, but keep them short and free of control characters in messages. */
function printable(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, "?");
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

/**
 * Claude version of a model id (`claude-opus-4-7` → 4.7, `claude-3-5-sonnet-20241022` → 3.5,
 * `claude-sonnet-4-20250514` → 4), or undefined when the id carries no readable version.
 */
export function claudeVersion(model: string): number | undefined {
  const bare = bareId(model).replace(/^anthropic\./, "");
  // Older naming: claude-<major>[-<minor>]-<family>, e.g. claude-3-5-sonnet, claude-3-opus.
  const older = /^claude-(\d)(?:[-.](\d))?-[a-z]/.exec(bare);
  if (older) return Number(older[1]) + Number(older[2] ?? 0) / 10;
  // Newer naming: claude-<family>-<major>[-<minor>], where a dated suffix is not a minor version.
  const newer = /^claude-[a-z]+-(\d{1,2})(?:[-.](\d{1,2})(?!\d))?/.exec(bare);
  if (newer) return Number(newer[1]) + Number(newer[2] ?? 0) / 10;
  // Claude 1 and 2: claude-2.1, claude-instant-1.2.
  const legacy = /^claude-(?:instant-)?(\d)(?:\.(\d))?(?!\d)/.exec(bare);
  if (legacy) return Number(legacy[1]) + Number(legacy[2] ?? 0) / 10;
  return undefined;
}
