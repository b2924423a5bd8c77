import { binaryReason } from "./file-start.ts";
import { isJsonObject, type JsonObject } from "./json-value.ts";
import type { LogFormat } from "./log-format.ts";

/** How many bytes of a file {@link detectLogFormat} wants to see (more are ignored). */
export const DETECT_SAMPLE_BYTES = 64 * 1024;

/**
 * Guesses a file's log format from its name and first bytes (up to {@link DETECT_SAMPLE_BYTES};
 * fewer work, less reliably). Returns undefined when it cannot tell, or when the bytes are binary
 * (a zip, gzip, UTF-16): the caller then asks for `--format` or unpacks the archive.
 *
 * - `.csv` (or a first line with `input_tokens`): `openai-usage-csv`.
 * - A JSON document (`[` or `{`, not JSON Lines) with `"mapping"`: `chatgpt-export`; with
 *   `"chat_messages"`: `claude-export`.
 * - JSON Lines: the first complete line decides: a Batch output line or an OpenAI response object
 *   → `openai-api`; a Claude Code entry (`sessionId`, `type` + `uuid`, a path under
 *   `.claude/projects`) → `claude-code`; `timestamp` + `model` + `usage`/`messages` → `generic-jsonl`.
 *
 * @example
 * detectLogFormat("conversations.json", firstBytes) // "chatgpt-export"
 * detectLogFormat("completions_usage_2025-01-01_2025-01-31.csv", firstBytes) // "openai-usage-csv"
 */
export function detectLogFormat(fileName: string, firstBytes: Uint8Array): LogFormat | undefined {
  const sample = firstBytes.subarray(0, DETECT_SAMPLE_BYTES);
  if (sample.length === 0 || binaryReason(sample) !== undefined) return undefined;
  // A cut multi-byte character at the end of the sample becomes U+FFFD: harmless for sniffing.
  const text = new TextDecoder("utf-8").decode(sample).replace(/^\uFEFF/, "");
  const name = fileName.toLowerCase().replace(/\\/g, "/");
  const base = name.slice(name.lastIndexOf("/") + 1);
  const trimmed = text.trimStart();
  const firstLine = trimmed.split("\n", 1)[0] ?? "";

  if (
    base.endsWith(".csv") ||
    (/^[\w ,"]+$/.test(firstLine.trim()) && firstLine.includes("input_tokens"))
  ) {
    return firstLine.includes(",") ? "openai-usage-csv" : undefined;
  }
  const jsonLines =
    base.endsWith(".jsonl") || base.endsWith(".ndjson") || looksLikeJsonLines(trimmed);
  if (!jsonLines && (trimmed.startsWith("[") || trimmed.startsWith("{"))) {
    if (/"mapping"\s*:/.test(text) && /"(current_node|create_time)"\s*:/.test(text))
      return "chatgpt-export";
    if (/"chat_messages"\s*:/.test(text)) return "claude-export";
    return undefined;
  }
  if (!trimmed.startsWith("{")) return undefined;
  const first = parseFirstLine(firstLine);
  if (first !== undefined) return classifyLine(first, name);
  // The first line is longer than the sample: decide on field names alone.
  if (/"custom_id"\s*:/.test(firstLine)) return "openai-api";
  if (/"object"\s*:\s*"(chat\.completion|response)"/.test(firstLine)) return "openai-api";
  if (/"sessionId"\s*:/.test(firstLine) || name.includes("/.claude/projects/"))
    return "claude-code";
  return undefined;
}

/** True when the text starts with a complete one-line JSON object followed by another line. */
function looksLikeJsonLines(text: string): boolean {
  const newline = text.indexOf("\n");
  if (newline === -1 || !text.startsWith("{")) return false;
  return parseFirstLine(text.slice(0, newline)) !== undefined;
}

function parseFirstLine(line: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function classifyLine(line: JsonObject, name: string): LogFormat | undefined {
  if ("custom_id" in line && ("response" in line || "error" in line)) return "openai-api";
  const object = line.object;
  if (object === "chat.completion" || object === "chat.completion.chunk" || object === "response") {
    return "openai-api";
  }
  if (
    typeof line.type === "string" &&
    line.type.startsWith("response.") &&
    isJsonObject(line.response)
  ) {
    return "openai-api";
  }
  const usage = line.usage;
  if (
    isJsonObject(usage) &&
    ("prompt_tokens" in usage || "input_tokens" in usage) &&
    "model" in line
  ) {
    return "openai-api";
  }
  if (
    "sessionId" in line ||
    (typeof line.type === "string" && ("uuid" in line || "leafUuid" in line)) ||
    name.includes("/.claude/projects/")
  ) {
    return "claude-code";
  }
  if ("timestamp" in line && "model" in line && ("usage" in line || "messages" in line)) {
    return "generic-jsonl";
  }
  return undefined;
}
