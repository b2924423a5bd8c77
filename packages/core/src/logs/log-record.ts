import type { ServiceTier } from "../pricing/schema.ts";
import type { Usage } from "../usage/usage.ts";
import type { LogFormat } from "./log-format.ts";

/**
 * Where a record or an issue is in its file, never what it says. Matches the report's
 * `RecordLocation`, so a source can be put into a coverage section as it is.
 */
export interface LogSource {
  /** The file name the caller gave the reader (a zip entry may be `export.zip!conversations.json`). */
  file: string;
  /** 1-based line number (line-oriented formats: JSONL, CSV). */
  line?: number;
  /** 0-based byte offset into the (decompressed) file. */
  byteOffset?: number;
  /** JSON path of the record in a JSON document, e.g. `$[12]` for the 13th conversation. */
  path?: string;
}

/**
 * One API call (or a bucket of calls) with the token usage the provider recorded: exact counts.
 * Comes from `openai-api`, `openai-usage-csv`, `claude-code` and `generic-jsonl` (with `usage`).
 */
export interface UsageLogRecord {
  kind: "usage";
  format: LogFormat;
  /** When the call was made (for CSV rows: the start of the time bucket), ISO 8601 in UTC. */
  timestamp: string;
  /** End of the time bucket (CSV rows only), ISO 8601 in UTC. */
  periodEnd?: string;
  /**
   * True when the log gave a date without a time of day (`timestamp` is then that day's 00:00 UTC):
   * prices that depend on the time of day (peak hours) use their peak price, an upper bound.
   */
  dateOnly?: true;
  /** The model id exactly as logged (`gpt-4o-2024-08-06`, `claude-sonnet-4-20250514`). */
  model: string;
  /**
   * Tokens in tokenmeter's convention: `inputTokens` excludes cache reads and writes,
   * `outputTokens` excludes reasoning. Summed over `requestCount` calls.
   */
  usage: Usage;
  /** Number of API calls the usage covers: 1 for a log line, `num_model_requests` for a CSV row. */
  requestCount: number;
  /** The service tier that was billed, when the log says so (a Batch output line is `batch`). */
  serviceTier?: ServiceTier;
  /** Anthropic's `usage.speed` when it is not the default (`fast` mode is billed at a premium). */
  speed?: string;
  /** Response or message id, when logged. */
  id?: string;
  /** Session or conversation id, when logged (Claude Code `sessionId`). */
  conversationId?: string;
  /** A cost the logging tool itself wrote (Claude Code `costUSD`), in USD. Cross-checks only. */
  reportedCostUsd?: number;
  source: LogSource;
}

/** A kind of content tokenmeter cannot price from text: an image, a voice clip, an uploaded file. */
export type UnpricedItemKind = "image" | "audio" | "video" | "file" | "other";

/** One piece of non-text content in a message, reported in coverage rather than silently dropped. */
export interface UnpricedItem {
  kind: UnpricedItemKind;
  /** The export's own type name, e.g. `image_asset_pointer`, `application/pdf`. */
  contentType: string;
}

/** One visible message of a conversation. */
export interface ConversationMessage {
  role: "user" | "assistant";
  /** The visible text (for Claude.ai exports, with the extracted text of attached files appended). */
  text: string;
  /** When the message was written, ISO 8601 in UTC. */
  timestamp?: string;
  /** The model that wrote an answer, exactly as the export records it (a ChatGPT slug such as `gpt-4o`). */
  model?: string;
  /** The API model id `model` maps to (see `CHATGPT_MODEL_SLUGS`); absent when unknown or unpriceable. */
  apiModel?: string;
  /** Reasoning effort implied by the model slug (`o3-mini-high` → `high`). */
  reasoningEffort?: "none" | "low" | "medium" | "high";
  /** Images, audio and files in the message: not priced, listed in coverage. */
  unpriced?: UnpricedItem[];
}

/** How many messages of a conversation were left out of `messages`, by reason. */
export interface SkippedMessageCounts {
  /** Messages on other branches (regenerated answers, edited prompts). */
  otherBranches: number;
  /** Messages the app hides from the conversation (`is_visually_hidden_from_conversation`). */
  hidden: number;
  /** System messages (other than custom instructions, which become `systemPrompt`). */
  system: number;
  /** Tool calls and tool results (browsing, code interpreter, image generation, canvas…). */
  tool: number;
  /** Reasoning traces and their summaries (`thoughts`, `reasoning_recap`, Claude `thinking`). */
  reasoning: number;
  /** Memory and other model-side context (`model_editable_context`). */
  context: number;
  /** Messages with no text and no attachments. */
  empty: number;
  /** Content types this reader does not know. */
  unsupported: number;
}

/**
 * A chat conversation as the user saw it: the active branch only, visible messages only.
 * Comes from `chatgpt-export` and `claude-export`. Token counts are not recorded in these exports:
 * the cost engine counts the text and replays the history.
 */
export interface ConversationLogRecord {
  kind: "conversation";
  format: "chatgpt-export" | "claude-export";
  /** The export's conversation id (or `$[index]` when it has none). */
  id: string;
  /** The conversation's title (user-visible text: never put it into an error). */
  title?: string;
  createdAt?: string;
  updatedAt?: string;
  /** ChatGPT custom instructions ("about me" and "how to respond") in effect, sent as a system prompt. */
  systemPrompt?: string;
  /** False for Claude.ai exports, which record no model: the caller must assume one and say so. */
  modelRecorded: boolean;
  /** The conversation's default model as recorded (ChatGPT `default_model_slug`). */
  defaultModel?: string;
  messages: ConversationMessage[];
  skipped: SkippedMessageCounts;
  source: LogSource;
}

/**
 * One API call recorded as text, without token counts (`generic-jsonl` lines with `messages`).
 * Every message except a final assistant message is the call's input; a final assistant message
 * is its output. The cost engine counts the tokens; unlike a conversation, nothing is replayed.
 */
export interface CallLogRecord {
  kind: "call";
  format: "generic-jsonl";
  timestamp: string;
  /** True when the log gave a date without a time of day (see {@link UsageLogRecord.dateOnly}). */
  dateOnly?: true;
  model: string;
  messages: { role: "system" | "developer" | "user" | "assistant" | "tool"; text: string }[];
  serviceTier?: ServiceTier;
  id?: string;
  conversationId?: string;
  source: LogSource;
}

/** Everything a log reader emits, discriminated by `kind`. */
export type LogRecord = UsageLogRecord | ConversationLogRecord | CallLogRecord;

/** A fresh all-zero {@link SkippedMessageCounts}. */
export function emptySkippedCounts(): SkippedMessageCounts {
  return {
    otherBranches: 0,
    hidden: 0,
    system: 0,
    tool: 0,
    reasoning: 0,
    context: 0,
    empty: 0,
    unsupported: 0,
  };
}
