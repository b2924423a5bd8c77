import { mapChatGptModelSlug } from "./chatgpt-model-slugs.ts";
import {
  childObject,
  finiteNumber,
  isJsonObject,
  type JsonObject,
  nonEmptyString,
  safeLabel,
} from "./json-value.ts";
import {
  type ConversationLogRecord,
  type ConversationMessage,
  emptySkippedCounts,
  type SkippedMessageCounts,
  type UnpricedItem,
} from "./log-record.ts";
import type { ReaderContext } from "./reader-context.ts";
import { isoFromTimestamp } from "./timestamps.ts";
import { attachmentItem, chatGptPartItem } from "./unpriced-content.ts";

type Classified =
  | { kind: "system-prompt"; text: string }
  | { kind: "message"; role: "user" | "assistant"; text: string; unpriced: UnpricedItem[] }
  | { kind: "skip"; reason: keyof SkippedMessageCounts };

/** Content types of tool traffic: results of browsing, code, search, errors. */
const TOOL_CONTENT_TYPES = new Set([
  "execution_output",
  "tether_browsing_display",
  "tether_quote",
  "sonic_webpage",
  "system_error",
  "computer_output",
]);

const REASONING_CONTENT_TYPES = new Set(["thoughts", "reasoning_recap"]);

/** Per reader: the unknown slugs already reported, so each is reported once per file. */
export interface ChatGptReaderState {
  reportedSlugs: Set<string>;
}

/**
 * Turns one ChatGPT conversation (an element of `conversations.json`) into a conversation record:
 * the active branch (from `current_node` up through `parent`), visible user and assistant messages
 * only, custom instructions as the system prompt, and the model of every answer mapped to an API
 * model. Emits the record, or a `BAD_RECORD` issue when the object is not a conversation.
 */
export function readChatGptConversation(
  raw: unknown,
  index: number,
  byteOffset: number,
  ctx: ReaderContext,
  state: ChatGptReaderState,
): void {
  const path = `$[${index}]`;
  const mapping = childObject(raw, "mapping");
  if (!isJsonObject(raw) || mapping === undefined) {
    ctx.issue(
      "BAD_RECORD",
      `conversation #${index + 1} ${isJsonObject(raw) ? 'has no "mapping" object' : "is not an object"}, so it is not a ChatGPT conversation (a Claude.ai export needs --format claude-export)`,
      { byteOffset, path },
    );
    return;
  }
  const id = nonEmptyString(raw.conversation_id) ?? nonEmptyString(raw.id) ?? path;
  const createdAt = isoFromTimestamp(raw.create_time);
  const updatedAt = isoFromTimestamp(raw.update_time);
  const defaultModel = nonEmptyString(raw.default_model_slug);

  let currentId = nonEmptyString(raw.current_node);
  if (currentId === undefined || !isJsonObject(mapping[currentId])) {
    currentId = latestLeaf(mapping);
    if (currentId !== undefined) {
      ctx.issue(
        "NO_CURRENT_NODE",
        `conversation ${safeLabel(id)} has no valid current_node; its most recent branch was used`,
        { byteOffset, path },
      );
    }
  }

  const pathIds: string[] = [];
  const onPath = new Set<string>();
  for (let nodeId = currentId; nodeId !== undefined && !onPath.has(nodeId); ) {
    const node = mapping[nodeId];
    if (!isJsonObject(node)) break;
    onPath.add(nodeId);
    pathIds.push(nodeId);
    nodeId = nonEmptyString(node.parent);
  }
  pathIds.reverse();

  const skipped = emptySkippedCounts();
  for (const [nodeId, node] of Object.entries(mapping)) {
    if (!onPath.has(nodeId) && isJsonObject(childObject(node, "message")))
      skipped.otherBranches += 1;
  }

  const systemPrompts: string[] = [];
  const messages: ConversationMessage[] = [];
  for (const nodeId of pathIds) {
    const message = childObject(mapping[nodeId], "message");
    if (message === undefined) continue;
    const classified = classify(message);
    if (classified.kind === "skip") {
      skipped[classified.reason] += 1;
      continue;
    }
    if (classified.kind === "system-prompt") {
      if (!systemPrompts.includes(classified.text)) systemPrompts.push(classified.text);
      continue;
    }
    const timestamp = isoFromTimestamp(message.create_time);
    const out: ConversationMessage = { role: classified.role, text: classified.text };
    if (timestamp !== undefined) out.timestamp = timestamp;
    if (classified.role === "assistant") {
      assignModel(out, message, defaultModel, timestamp ?? createdAt, ctx, state, {
        byteOffset,
        path,
      });
    }
    if (classified.unpriced.length > 0) {
      out.unpriced = classified.unpriced;
      for (const item of classified.unpriced) ctx.countUnpriced(item.kind);
    }
    messages.push(out);
  }

  const record: ConversationLogRecord = {
    kind: "conversation",
    format: "chatgpt-export",
    id,
    modelRecorded: true,
    messages,
    skipped,
    source: { file: ctx.file, byteOffset, path },
  };
  const title = typeof raw.title === "string" ? raw.title : undefined;
  if (title !== undefined) record.title = title;
  if (createdAt !== undefined) record.createdAt = createdAt;
  if (updatedAt !== undefined) record.updatedAt = updatedAt;
  if (systemPrompts.length > 0) record.systemPrompt = systemPrompts.join("\n\n");
  if (defaultModel !== undefined) record.defaultModel = defaultModel;
  ctx.countSkippedMessages(skipped);
  ctx.emit(record);
}

function classify(message: JsonObject): Classified {
  const content = childObject(message, "content");
  const contentType = nonEmptyString(content?.content_type) ?? "text";
  const metadata = childObject(message, "metadata") ?? {};
  const role = nonEmptyString(childObject(message, "author")?.role);

  // Custom instructions are hidden from the conversation but sent with every turn.
  if (contentType === "user_editable_context" && content !== undefined) {
    const text = [content.user_profile, content.user_instructions]
      .filter((part): part is string => typeof part === "string" && part.trim().length > 0)
      .join("\n\n");
    return text.length > 0 ? { kind: "system-prompt", text } : { kind: "skip", reason: "empty" };
  }
  const legacyInstructions = childObject(metadata, "user_context_message_data");
  if (legacyInstructions !== undefined || metadata.is_user_system_message === true) {
    const text = [legacyInstructions?.about_user_message, legacyInstructions?.about_model_message]
      .filter((part): part is string => typeof part === "string" && part.trim().length > 0)
      .join("\n\n");
    const fallback = content === undefined ? "" : extract(content, contentType).text;
    const prompt = text.length > 0 ? text : fallback;
    return prompt.length > 0
      ? { kind: "system-prompt", text: prompt }
      : { kind: "skip", reason: "empty" };
  }

  if (role === "tool" || TOOL_CONTENT_TYPES.has(contentType))
    return { kind: "skip", reason: "tool" };
  const recipient = nonEmptyString(message.recipient);
  if (recipient !== undefined && recipient !== "all") return { kind: "skip", reason: "tool" };
  if (REASONING_CONTENT_TYPES.has(contentType) || message.channel === "analysis") {
    return { kind: "skip", reason: "reasoning" };
  }
  if (contentType === "model_editable_context") return { kind: "skip", reason: "context" };
  if (metadata.is_visually_hidden_from_conversation === true)
    return { kind: "skip", reason: "hidden" };
  if (role === "system") return { kind: "skip", reason: "system" };
  if (role !== "user" && role !== "assistant") return { kind: "skip", reason: "unsupported" };
  if (content === undefined || !["text", "multimodal_text", "code"].includes(contentType)) {
    return { kind: "skip", reason: "unsupported" };
  }

  const { text, unpriced } = extract(content, contentType);
  const attachments = metadata.attachments;
  if (Array.isArray(attachments)) {
    for (const attachment of attachments) {
      const mimeType = isJsonObject(attachment) ? nonEmptyString(attachment.mime_type) : undefined;
      const item = attachmentItem(mimeType);
      // Uploaded images are listed both as a part and as an attachment: count them once.
      if (item.kind !== "image") unpriced.push(item);
    }
  }
  if (text.trim().length === 0 && unpriced.length === 0) return { kind: "skip", reason: "empty" };
  return { kind: "message", role, text, unpriced };
}

function extract(
  content: JsonObject,
  contentType: string,
): { text: string; unpriced: UnpricedItem[] } {
  const unpriced: UnpricedItem[] = [];
  if (contentType === "code") {
    return { text: typeof content.text === "string" ? content.text : "", unpriced };
  }
  const texts: string[] = [];
  const parts = Array.isArray(content.parts) ? content.parts : [];
  for (const part of parts) {
    if (typeof part === "string") {
      if (part.length > 0) texts.push(part);
    } else if (isJsonObject(part)) {
      if (part.content_type === "audio_transcription") {
        if (typeof part.text === "string" && part.text.length > 0) texts.push(part.text);
      } else {
        unpriced.push(chatGptPartItem(part));
        const frames = part.frames_asset_pointers;
        if (Array.isArray(frames) && frames.length > 0) {
          unpriced.push({ kind: "video", contentType: "frames_asset_pointers" });
        }
      }
    }
  }
  if (texts.length === 0 && typeof content.text === "string") texts.push(content.text);
  return { text: texts.join("\n"), unpriced };
}

function assignModel(
  out: ConversationMessage,
  message: JsonObject,
  conversationDefault: string | undefined,
  at: string | undefined,
  ctx: ReaderContext,
  state: ChatGptReaderState,
  location: { byteOffset: number; path: string },
): void {
  const metadata = childObject(message, "metadata") ?? {};
  const slug =
    nonEmptyString(metadata.resolved_model_slug) ??
    nonEmptyString(metadata.model_slug) ??
    nonEmptyString(metadata.default_model_slug) ??
    conversationDefault;
  if (slug === undefined) {
    ctx.countUnmappedModel("(not recorded)");
    return;
  }
  out.model = slug;
  const mapping = mapChatGptModelSlug(slug, at);
  if (mapping.apiModel !== undefined) {
    out.apiModel = mapping.apiModel;
    if (mapping.reasoningEffort !== undefined) out.reasoningEffort = mapping.reasoningEffort;
    return;
  }
  const label = safeLabel(mapping.slug);
  ctx.countUnmappedModel(label);
  if (mapping.basis === "unknown" && !state.reportedSlugs.has(label)) {
    state.reportedSlugs.add(label);
    ctx.issue(
      "UNKNOWN_MODEL_SLUG",
      `ChatGPT model slug "${label}" is not in tokenmeter's slug table, so answers written by it are counted as unpriced (first seen here); please report the slug so it can be mapped`,
      location,
    );
  }
}

/** The id of the leaf node with the latest message, for conversations without a usable current_node. */
function latestLeaf(mapping: JsonObject): string | undefined {
  let best: string | undefined;
  let bestTime = Number.NEGATIVE_INFINITY;
  for (const [nodeId, node] of Object.entries(mapping)) {
    if (!isJsonObject(node)) continue;
    const children = node.children;
    if (Array.isArray(children) && children.length > 0) continue;
    const time =
      finiteNumber(childObject(node, "message")?.create_time) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || time >= bestTime) {
      best = nodeId;
      bestTime = time;
    }
  }
  return best;
}
