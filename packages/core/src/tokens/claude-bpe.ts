import { TokenmeterError } from "../errors.ts";

/** Counts tokens of plain text with a BPE that has no notion of special tokens. */
export type PlainTextCounter = (text: string) => number;

let counter: Promise<PlainTextCounter> | undefined;

async function createCounter(): Promise<PlainTextCounter> {
  try {
    // Dynamic imports: bundlers split the 2.3 MB vocabulary into its own chunk, fetched only
    // when a Claude count is first asked for.
    const [{ Tokenizer }, encoding] = await Promise.all([
      import("ai-tokenizer"),
      import("ai-tokenizer/encoding/claude"),
    ]);
    const tokenizer = new Tokenizer(encoding);
    // allowedSpecial "all" takes ai-tokenizer's ordinary path: <EOT>, <META> … stay plain text
    // (the default would throw on them).
    return (text) => tokenizer.encode(text, "all").length;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TokenmeterError(
      "TOKENIZER_UNAVAILABLE",
      `Could not load the Claude estimator (ai-tokenizer's claude encoding): ${reason}. Install ai-tokenizer next to @tokenmeter/core.`,
      { cause, details: { encoding: "claude" } },
    );
  }
}

/** The shared Claude BPE counter, loaded on first use; a failed load is retried on the next call. */
export function loadClaudeBpe(): Promise<PlainTextCounter> {
  if (counter === undefined) {
    const loading = createCounter();
    counter = loading;
    loading.catch(() => {
      if (counter === loading) counter = undefined;
    });
  }
  return counter;
}
