import { z } from "zod";
import { SERVICE_TIERS } from "../pricing/schema.ts";

const TOKENS = "expected a whole, non-negative number of tokens";
const tokens = z.number({ error: TOKENS }).int({ error: TOKENS }).nonnegative({ error: TOKENS });

/**
 * Token counts of one call in tokenmeter's convention (the `Usage` type): `inputTokens` EXCLUDES
 * cache reads and writes, `outputTokens` EXCLUDES reasoning. Omitted optional counts are 0.
 */
export const genericUsageSchema = z.object({
  inputTokens: tokens,
  cachedInputTokens: tokens.default(0),
  cacheWrite5mTokens: tokens.default(0),
  cacheWrite1hTokens: tokens.default(0),
  outputTokens: tokens,
  reasoningTokens: tokens.default(0),
});

/** One message of a call logged as text. */
export const genericMessageSchema = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.string({ error: "expected the message text as a string" }),
});

/**
 * One line of tokenmeter's generic JSONL log: one API call per line, with either exact token
 * counts (`usage`) or the text of the call (`messages`), for tools that log neither OpenAI nor
 * Anthropic objects. Unknown fields are ignored.
 *
 * - `timestamp`: ISO 8601 (`2025-03-01T12:00:00Z`; without a zone it is read as UTC) or a Unix time
 *   in seconds (milliseconds from 10^11 up).
 * - `model`: the API model id (`gpt-4o`, `claude-sonnet-4-5`, an alias the pricing table knows).
 * - `usage`: exact counts (see {@link genericUsageSchema}). When present, `messages` is ignored.
 * - `messages`: the call's input messages, and, if the last one is from the assistant, its output.
 *   tokenmeter counts the tokens (an estimate for non-OpenAI models).
 * - `requestCount` (default 1): calls the line stands for, when `usage` is a sum.
 * - `serviceTier`, `id`, `conversationId`: optional.
 *
 * @example
 * {"timestamp":"2025-03-01T12:00:00Z","model":"gpt-4o","usage":{"inputTokens":1200,"outputTokens":300}}
 * {"timestamp":1740830400,"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}
 */
export const genericLogLineSchema = z
  .object({
    timestamp: z.union([z.string(), z.number()], {
      error: "expected an ISO 8601 date-time or a Unix time in seconds",
    }),
    model: z.string({ error: "expected the model id as a string" }).min(1).max(200),
    usage: genericUsageSchema.optional(),
    messages: z.array(genericMessageSchema).min(1).optional(),
    requestCount: z.int().positive().optional(),
    serviceTier: z.enum(SERVICE_TIERS).optional(),
    id: z.string().optional(),
    conversationId: z.string().optional(),
  })
  .refine((line) => line.usage !== undefined || line.messages !== undefined, {
    error: 'needs either "usage" (token counts) or "messages" (the text of the call)',
    path: ["usage"],
  });

/** A parsed generic JSONL line. */
export type GenericLogLine = z.infer<typeof genericLogLineSchema>;
/** A generic JSONL line as written (optional counts may be omitted). */
export type GenericLogLineInput = z.input<typeof genericLogLineSchema>;
