import { isJsonObject, type JsonObject, nonEmptyString } from "./json-value.ts";
import {
  type ConversationLogRecord,
  type ConversationMessage,
  emptySkippedCounts,
  type SkippedMessageCounts,
  type UnpricedItem,
} from "./log-record.ts";
import type { ReaderContext } from "./reader-context.ts";
import { isoFromTimestamp } from "./timestamps.ts";
import { attachmentItem } from "./unpriced-content.ts";

/**
 * Turns one Claude.ai conversation (an element of the export's `conversations.json`) into a
 * conversation record. Claude.ai exports record neither the model nor token usage: the record has
 * `modelRecorded: false` and the caller must assume a model and say so.
 *
 * Text comes from `content[]` text blocks (or `text` when there are none); `thinking` blocks are
 * skipped as reasoning and `tool_use` / `tool_result` as tool traffic. Attachments whose text the
 * export includes (`extracted_content`) are appended to the message, since Claude read them as
 * input; other files and images are listed as unpriced. When messages carry
 * `parent_message_uuid`, only the branch ending at `current_leaf_message_uuid` (or at the last
 * message) is kept.
 */
export function readClaudeConversation(
  raw: unknown,
  index: number,
  byteOffset: number,
  ctx: ReaderContext,
): void {
  const path = `$[${index}]`;
  const chatMessages = isJsonObject(raw) ? raw.chat_messages : undefined;
  if (!isJsonObject(raw) || !Array.isArray(chatMessages)) {
    ctx.issue(
      "BAD_RECORD",
      `conversation #${index + 1} ${isJsonObject(raw) ? 'has no "chat_messages" array' : "is not an object"}, so it is not a Claude.ai conversation (a ChatGPT export needs --format chatgpt-export)`,
      { byteOffset, path },
    );
    return;
  }
  const skipped = emptySkippedCounts();
  const active = activeBranch(chatMessages, nonEmptyString(raw.current_leaf_message_uuid));
  skipped.otherBranches = chatMessages.length - active.length;

  const model = nonEmptyString(raw.model);
  const messages: ConversationMessage[] = [];
  for (const message of active) {
    const converted = convert(message, skipped);
    if (converted === undefined) continue;
    if (model !== undefined && converted.role === "assistant") converted.model = model;
    for (const item of converted.unpriced ?? []) ctx.countUnpriced(item.kind);
    messages.push(converted);
  }

  const record: ConversationLogRecord = {
    kind: "conversation",
    format: "claude-export",
    id: nonEmptyString(raw.uuid) ?? path,
    modelRecorded: model !== undefined,
    messages,
    skipped,
    source: { file: ctx.file, byteOffset, path },
  };
  if (typeof raw.name === "string") record.title = raw.name;
  const createdAt = isoFromTimestamp(raw.created_at);
  if (createdAt !== undefined) record.createdAt = createdAt;
  const updatedAt = isoFromTimestamp(raw.updated_at);
  if (updatedAt !== undefined) record.updatedAt = updatedAt;
  if (model !== undefined) record.defaultModel = model;
  ctx.countSkippedMessages(skipped);
  ctx.emit(record);
}

function activeBranch(chatMessages: unknown[], leafId: string | undefined): JsonObject[] {
  const objects = chatMessages.filter(isJsonObject);
  if (!objects.some((message) => typeof message.parent_message_uuid === "string")) return objects;
  const byId = new Map<string, JsonObject>();
  for (const message of objects) {
    const id = nonEmptyString(message.uuid);
    if (id !== undefined) byId.set(id, message);
  }
  let current = leafId === undefined ? undefined : byId.get(leafId);
  current ??= objects[objects.length - 1];
  const branch: JsonObject[] = [];
  const seen = new Set<JsonObject>();
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    branch.push(current);
    const parentId = nonEmptyString(current.parent_message_uuid);
    current = parentId === undefined ? undefined : byId.get(parentId);
  }
  return branch.reverse();
}

function convert(
  message: JsonObject,
  skipped: SkippedMessageCounts,
): ConversationMessage | undefined {
  const sender = message.sender;
  if (sender !== "human" && sender !== "assistant") {
    skipped.unsupported += 1;
    return undefined;
  }
  const texts: string[] = [];
  const unpriced: UnpricedItem[] = [];
  const content = Array.isArray(message.content) ? message.content.filter(isJsonObject) : [];
  for (const block of content) {
    switch (block.type) {
      case "text":
        if (typeof block.text === "string" && block.text.length > 0) texts.push(block.text);
        break;
      case "thinking":
      case "redacted_thinking":
        skipped.reasoning += 1;
        break;
      case "tool_use":
      case "tool_result":
      case "server_tool_use":
      case "web_search_tool_result":
        skipped.tool += 1;
        break;
      case "image":
        unpriced.push({ kind: "image", contentType: "image" });
        break;
      case "document":
        unpriced.push({ kind: "file", contentType: "document" });
        break;
      default:
        skipped.unsupported += 1;
    }
  }
  if (content.length === 0 && typeof message.text === "string" && message.text.length > 0) {
    texts.push(message.text);
  }
  for (const attachment of Array.isArray(message.attachments) ? message.attachments : []) {
    if (!isJsonObject(attachment)) continue;
    if (
      typeof attachment.extracted_content === "string" &&
      attachment.extracted_content.length > 0
    ) {
      texts.push(attachment.extracted_content);
    } else {
      unpriced.push(attachmentItem(nonEmptyString(attachment.file_type)));
    }
  }
  for (const file of Array.isArray(message.files) ? message.files : []) {
    if (!isJsonObject(file)) continue;
    unpriced.push(
      file.file_kind === "image"
        ? { kind: "image", contentType: "image" }
        : { kind: "file", contentType: "file" },
    );
  }
  const text = texts.join("\n\n");
  if (text.trim().length === 0 && unpriced.length === 0) {
    skipped.empty += 1;
    return undefined;
  }
  const out: ConversationMessage = { role: sender === "human" ? "user" : "assistant", text };
  const timestamp = isoFromTimestamp(message.created_at);
  if (timestamp !== undefined) out.timestamp = timestamp;
  if (unpriced.length > 0) out.unpriced = unpriced;
  return out;
}
