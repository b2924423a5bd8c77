/**
 * Token usage of one or more API calls, in tokens, split so that no token is counted twice:
 * `inputTokens` excludes cache reads and cache writes (Anthropic's convention); `outputTokens`
 * excludes reasoning. The normalizers (`usageFromOpenAI`, …) convert provider shapes into this.
 */
export interface Usage {
  /** Uncached input tokens (not read from nor written to a cache). */
  inputTokens: number;
  /** Input tokens read from the prompt cache. */
  cachedInputTokens: number;
  /** Input tokens written to a 5-minute cache. */
  cacheWrite5mTokens: number;
  /** Input tokens written to a 1-hour cache. */
  cacheWrite1hTokens: number;
  /** Visible output tokens (excluding reasoning). */
  outputTokens: number;
  /** Hidden reasoning / thinking tokens. */
  reasoningTokens: number;
}

/** `Usage` where any field may be omitted (treated as 0). */
export type UsageInput = Partial<Usage>;

/** A frozen usage with every count 0, for sums and defaults. */
export const ZERO_USAGE: Readonly<Usage> = Object.freeze({
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
});
