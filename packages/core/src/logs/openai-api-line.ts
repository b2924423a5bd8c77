import { isTokenmeterError } from "../errors.ts";
import type { ServiceTier } from "../pricing/schema.ts";
import { usageFromOpenAI } from "../usage/openai-usage.ts";
import type { Usage } from "../usage/usage.ts";
import {
  childObject,
  finiteNumber,
  isJsonObject,
  type JsonObject,
  nonEmptyString,
} from "./json-value.ts";
import type { UsageLogRecord } from "./log-record.ts";
import type { IssueLocation, ReaderContext } from "./reader-context.ts";
import { serviceTierFromLog } from "./service-tier.ts";
import { isoFromEpochSeconds } from "./timestamps.ts";

/**
 * Reads one line of an OpenAI API log: a Chat Completions object (`object: "chat.completion"`,
 * or a final streaming chunk with `usage`), a Responses API object (`object: "response"`, or a
 * `response.completed` event), an embeddings list, or a Batch output line (`custom_id` +
 * `response.body`, billed at the batch tier). Emits one usage record, or an issue.
 */
export function readOpenAIApiLine(
  value: unknown,
  location: IssueLocation,
  ctx: ReaderContext,
): void {
  if (!isJsonObject(value)) {
    ctx.issue(
      "BAD_RECORD",
      "the line is JSON but not an object: expected an OpenAI API response object",
      location,
    );
    return;
  }
  if ("custom_id" in value && ("response" in value || "error" in value)) {
    readBatchLine(value, location, ctx);
    return;
  }
  // Logged wrappers: `{ request, response }` and streaming events `{ type: "response.completed", response }`.
  const inner = childObject(value, "response");
  const body = value.usage === undefined && inner !== undefined ? inner : value;
  readResponseObject(body, undefined, location, ctx);
}

function readBatchLine(line: JsonObject, location: IssueLocation, ctx: ReaderContext): void {
  const response = childObject(line, "response");
  const statusCode = finiteNumber(response?.status_code);
  const body = childObject(response, "body");
  if (line.error !== null && line.error !== undefined) {
    ctx.issue(
      "REQUEST_FAILED",
      "a Batch request that failed (it has an error and is not billed)",
      location,
    );
    return;
  }
  if (body === undefined || (statusCode !== undefined && statusCode !== 200)) {
    ctx.issue(
      "REQUEST_FAILED",
      `a Batch request without a successful response${statusCode === undefined ? "" : ` (status ${statusCode})`}; not billed`,
      location,
    );
    return;
  }
  readResponseObject(body, "batch", location, ctx);
}

function readResponseObject(
  object: JsonObject,
  tier: ServiceTier | undefined,
  location: IssueLocation,
  ctx: ReaderContext,
): void {
  const rawUsage = object.usage;
  if (!isJsonObject(rawUsage)) {
    const kind = nonEmptyString(object.object);
    const what = kind === "chat.completion.chunk" ? "a streaming chunk" : "an object";
    ctx.issue(
      "NO_USAGE",
      `${what} without "usage" (a streaming log needs stream_options.include_usage, or a failed call): nothing to price on this line`,
      location,
    );
    return;
  }
  const model = nonEmptyString(object.model);
  if (model === undefined) {
    ctx.issue("BAD_RECORD", 'the response has no "model"; cannot price it', location);
    return;
  }
  const created = finiteNumber(object.created) ?? finiteNumber(object.created_at);
  const timestamp = created === undefined ? undefined : isoFromEpochSeconds(created);
  if (timestamp === undefined) {
    ctx.issue(
      "BAD_RECORD",
      'the response has no readable "created" (Chat Completions) or "created_at" (Responses) Unix time; cannot tell which prices applied',
      location,
    );
    return;
  }
  let usage: Usage;
  try {
    // Embeddings lists carry `{ prompt_tokens, total_tokens }`: the normalizer reads them as input only.
    usage = usageFromOpenAI(rawUsage);
  } catch (error) {
    if (!isTokenmeterError(error, "INVALID_USAGE")) throw error;
    ctx.issue("BAD_RECORD", error.message, location);
    return;
  }
  const record: UsageLogRecord = {
    kind: "usage",
    format: "openai-api",
    timestamp,
    model,
    usage,
    requestCount: 1,
    source: { file: ctx.file, ...location },
  };
  const serviceTier = tier ?? serviceTierFromLog(object.service_tier);
  if (serviceTier !== undefined) record.serviceTier = serviceTier;
  const id = nonEmptyString(object.id);
  if (id !== undefined) record.id = id;
  ctx.emit(record);
}
