/**
 * Every failure `@tokenmeter/core` raises on purpose. Callers match on `code`, never on message text.
 * Messages name the problem, the offending value (never the user's own text) and the next step.
 */
export type TokenmeterErrorCode =
  /** A model id or alias that is not in the pricing table. `details.suggestions` lists close ids. */
  | "UNKNOWN_MODEL"
  /** The model exists but has no price record in effect at the requested date. */
  | "NO_PRICE_AT_DATE"
  /** The requested service tier (batch, flex, priority) is not offered for the model at that date. */
  | "NO_SERVICE_TIER"
  /** A token count or usage object is negative, fractional, NaN or otherwise impossible. */
  | "INVALID_USAGE"
  /** A pricing or plans file failed validation. The message names the file, JSON path and expectation. */
  | "INVALID_PRICING"
  /** A usage profile, conversation or option failed validation. */
  | "INVALID_INPUT"
  /** A plan id that is not in the plans table. */
  | "UNKNOWN_PLAN"
  /** A tokenizer asset (WASM, ranks, estimator data) could not be loaded. */
  | "TOKENIZER_UNAVAILABLE"
  /** A usage log could not be read: bad line, truncated JSON, unknown format. */
  | "BAD_LOG";

/** The one error class of `@tokenmeter/core`. */
export class TokenmeterError extends Error {
  override name = "TokenmeterError";
  readonly code: TokenmeterErrorCode;
  /** Machine-readable context, e.g. `{ model, suggestions }` or `{ file, path, line }`. Never user text. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: TokenmeterErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details ?? {};
  }
}

/** True when `error` is a {@link TokenmeterError}, optionally with the given code. */
export function isTokenmeterError(
  error: unknown,
  code?: TokenmeterErrorCode,
): error is TokenmeterError {
  return error instanceof TokenmeterError && (code === undefined || error.code === code);
}
