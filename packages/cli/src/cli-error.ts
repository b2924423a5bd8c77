/** Exit codes of the `tokenmeter` command (documented in the README). */
export const EXIT_OK = 0;
/** The input (a file, a pricing table) could not be read or used. */
export const EXIT_BAD_INPUT = 1;
/** The command line itself is wrong: unknown command or flag, missing or invalid value. */
export const EXIT_USAGE = 2;

/** What went wrong, for the exit code: `USAGE` → 2, `BAD_INPUT` → 1. */
export type CliErrorCode = "USAGE" | "BAD_INPUT";

/**
 * The CLI's one error class. Messages name the problem, the file / line / byte / flag involved and
 * the next step; they never quote what the user wrote in their logs.
 */
export class CliError extends Error {
  override name = "CliError";
  readonly code: CliErrorCode;
  /** One more line of advice, printed under the message. */
  readonly hint: string | undefined;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options?.hint;
  }

  get exitCode(): number {
    return this.code === "USAGE" ? EXIT_USAGE : EXIT_BAD_INPUT;
  }
}

/** A usage error (exit code 2). */
export function usageError(message: string, hint?: string): CliError {
  return new CliError("USAGE", message, hint === undefined ? undefined : { hint });
}

/** A bad-input error (exit code 1). */
export function badInput(message: string, options?: { cause?: unknown; hint?: string }): CliError {
  return new CliError("BAD_INPUT", message, options);
}
