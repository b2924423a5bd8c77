import { isTokenmeterError } from "../errors.ts";
import { usageFromAnthropic } from "../usage/anthropic-usage.ts";
import type { Usage } from "../usage/usage.ts";
import { claudeCodeDedupeKey } from "./claude-code-dedupe.ts";
import { childObject, finiteNumber, isJsonObject, nonEmptyString } from "./json-value.ts";
import type { UsageLogRecord } from "./log-record.ts";
import type { IssueLocation, ReaderContext } from "./reader-context.ts";
import { serviceTierFromLog } from "./service-tier.ts";
import { isoFromTimestamp } from "./timestamps.ts";

/** The model Claude Code writes on entries it made up itself (errors, interruptions): never billed. */
export const CLAUDE_CODE_SYNTHETIC_MODEL = "<synthetic>";

/**
 * Reads one line of a Claude Code session log. Lines without `message.usage` (user prompts, tool
 * results, summaries) are not usage entries and are only counted (`ignoredLines`). Usage entries
 * are handed to `keep` with their de-duplication key.
 */
export function readClaudeCodeLine(
  value: unknown,
  location: IssueLocation,
  ctx: ReaderContext,
  keep: (key: string | undefined, record: UsageLogRecord) => void,
): void {
  if (!isJsonObject(value)) {
    ctx.issue(
      "BAD_RECORD",
      "the line is JSON but not an object: expected a Claude Code log entry",
      location,
    );
    return;
  }
  const message = childObject(value, "message");
  const rawUsage = childObject(message, "usage");
  if (message === undefined || rawUsage === undefined) {
    ctx.summary.ignoredLines += 1;
    return;
  }
  const model = nonEmptyString(message.model);
  if (model === CLAUDE_CODE_SYNTHETIC_MODEL) {
    ctx.issue(
      "SYNTHETIC_MODEL",
      "an entry Claude Code wrote itself (model <synthetic>, e.g. an API error or interruption): not billed, skipped",
      location,
    );
    return;
  }
  if (model === undefined) {
    ctx.issue(
      "BAD_RECORD",
      'the entry has usage but no "message.model"; cannot price it',
      location,
    );
    return;
  }
  const timestamp = isoFromTimestamp(value.timestamp);
  if (timestamp === undefined) {
    ctx.issue(
      "BAD_RECORD",
      'the entry has no readable "timestamp"; cannot tell which prices applied',
      location,
    );
    return;
  }
  let usage: Usage;
  try {
    usage = usageFromAnthropic(rawUsage);
  } catch (error) {
    if (!isTokenmeterError(error, "INVALID_USAGE")) throw error;
    ctx.issue("BAD_RECORD", `message.usage: ${error.message}`, location);
    return;
  }
  const messageId = nonEmptyString(message.id);
  const record: UsageLogRecord = {
    kind: "usage",
    format: "claude-code",
    timestamp,
    model,
    usage,
    requestCount: 1,
    source: { file: ctx.file, ...location },
  };
  const serviceTier = serviceTierFromLog(rawUsage.service_tier);
  if (serviceTier !== undefined) record.serviceTier = serviceTier;
  const speed = nonEmptyString(rawUsage.speed);
  if (speed !== undefined && speed !== "standard") record.speed = speed;
  if (messageId !== undefined) record.id = messageId;
  const sessionId = nonEmptyString(value.sessionId);
  if (sessionId !== undefined) record.conversationId = sessionId;
  const costUsd = finiteNumber(value.costUSD);
  if (costUsd !== undefined) record.reportedCostUsd = costUsd;
  keep(claudeCodeDedupeKey(messageId, nonEmptyString(value.requestId)), record);
}
