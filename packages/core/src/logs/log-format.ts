import { z } from "zod";

/**
 * The usage-log formats the readers understand.
 *
 * - `chatgpt-export`: `conversations.json` of a ChatGPT data export (text, no token counts).
 * - `claude-export`: `conversations.json` of a Claude.ai data export (text, no model, no counts).
 * - `openai-api`: JSONL of OpenAI Chat Completions / Responses objects or Batch output lines (exact usage).
 * - `openai-usage-csv`: the platform's usage export `completions_usage_*.csv` (exact, bucketed).
 * - `claude-code`: Claude Code session logs `~/.claude/projects/**\/*.jsonl` (exact usage).
 * - `generic-jsonl`: tokenmeter's own one-call-per-line JSONL (see `genericLogLineSchema`).
 */
export const LOG_FORMATS = [
  "chatgpt-export",
  "claude-export",
  "openai-api",
  "openai-usage-csv",
  "claude-code",
  "generic-jsonl",
] as const;

/** One of {@link LOG_FORMATS}. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Validates a `--format` value or a form field. */
export const logFormatSchema = z.enum(LOG_FORMATS, {
  error: `expected one of ${LOG_FORMATS.join(", ")}`,
});

/** What one record of each format is, for coverage reports ("3 lines skipped", "2 conversations"). */
export const LOG_RECORD_UNITS: Readonly<Record<LogFormat, string>> = {
  "chatgpt-export": "conversation",
  "claude-export": "conversation",
  "openai-api": "line",
  "openai-usage-csv": "row",
  "claude-code": "line",
  "generic-jsonl": "line",
};

/** True when `value` names a known log format. */
export function isLogFormat(value: string): value is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(value);
}
