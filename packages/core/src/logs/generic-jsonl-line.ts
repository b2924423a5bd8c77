import type { z } from "zod";
import { genericLogLineSchema } from "./generic-jsonl-schema.ts";
import type { CallLogRecord, UsageLogRecord } from "./log-record.ts";
import type { IssueLocation, ReaderContext } from "./reader-context.ts";
import { isDateOnly, isoFromTimestamp } from "./timestamps.ts";

/** Reads one line of tokenmeter's generic JSONL log into a usage record or a call record. */
export function readGenericLine(value: unknown, location: IssueLocation, ctx: ReaderContext): void {
  const parsed = genericLogLineSchema.safeParse(value);
  if (!parsed.success) {
    ctx.issue(
      "BAD_RECORD",
      `not a valid generic log line: ${describeIssues(parsed.error)}`,
      location,
    );
    return;
  }
  const line = parsed.data;
  const timestamp = isoFromTimestamp(line.timestamp);
  if (timestamp === undefined) {
    ctx.issue(
      "BAD_RECORD",
      'field "timestamp": expected an ISO 8601 date-time (2025-03-01T12:00:00Z) or a Unix time in seconds',
      location,
    );
    return;
  }
  const source = { file: ctx.file, ...location };
  const dateOnly = isDateOnly(line.timestamp);
  if (line.usage !== undefined) {
    const record: UsageLogRecord = {
      kind: "usage",
      format: "generic-jsonl",
      timestamp,
      model: line.model,
      usage: line.usage,
      requestCount: line.requestCount ?? 1,
      source,
    };
    if (dateOnly) record.dateOnly = true;
    if (line.serviceTier !== undefined) record.serviceTier = line.serviceTier;
    if (line.id !== undefined) record.id = line.id;
    if (line.conversationId !== undefined) record.conversationId = line.conversationId;
    ctx.emit(record);
    return;
  }
  const record: CallLogRecord = {
    kind: "call",
    format: "generic-jsonl",
    timestamp,
    model: line.model,
    messages: (line.messages ?? []).map((message) => ({
      role: message.role,
      text: message.content,
    })),
    source,
  };
  if (dateOnly) record.dateOnly = true;
  if (line.serviceTier !== undefined) record.serviceTier = line.serviceTier;
  if (line.id !== undefined) record.id = line.id;
  if (line.conversationId !== undefined) record.conversationId = line.conversationId;
  ctx.emit(record);
}

/** `field "usage.inputTokens": expected …` for the first few problems; zod's messages quote no values. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length === 0 ? "(the line)" : issue.path.map(String).join(".");
    return `field "${field}": ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return `${shown.join("; ")}${more}`;
}
