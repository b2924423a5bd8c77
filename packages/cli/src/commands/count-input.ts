import type { ChatMessage } from "@tokenmeter/core";
import { badInput } from "../cli-error.ts";
import { byteOffsetOf, jsonErrorPosition } from "../input/json-error.ts";

/** What `count` counts: plain text, or the messages of a chat. */
export type CountInput =
  | { kind: "text"; text: string }
  | {
      kind: "chat";
      messages: ChatMessage[];
      tools: unknown[] | undefined;
      functions: unknown[] | undefined;
      /** The `model` a request body names, if any. */
      model: string | undefined;
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChatMessage(value: unknown): value is ChatMessage {
  return isRecord(value) && typeof value.role === "string";
}

/**
 * Reads `text` as a chat when it is JSON in a chat shape (an array of `{ role, content }`, or a
 * request body `{ messages, tools? }`), otherwise as plain text. `as` forces one reading.
 *
 * @throws CliError `BAD_INPUT` when `as` is `chat` and the text is not a chat (with the byte position
 *   of a JSON syntax error).
 */
export function interpretCountInput(
  text: string,
  as: "auto" | "text" | "chat",
  name: string,
): CountInput {
  if (as === "text") return { kind: "text", text };
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith("[") || trimmed.startsWith("{");
  if (!looksJson) {
    if (as === "chat")
      throw badInput(
        `${name} is not a chat: expected JSON (an array of { role, content } messages or { messages: [...] }).`,
      );
    return { kind: "text", text };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    if (as === "chat") {
      const position = jsonErrorPosition(cause);
      throw badInput(
        `${name} is not valid JSON${position === undefined ? "" : ` (error at byte ${byteOffsetOf(text, position)})`}.`,
        { cause, hint: "Fix the JSON, or count it as plain text with --as text." },
      );
    }
    return { kind: "text", text };
  }
  const body = isRecord(value) && Array.isArray(value.messages) ? value : undefined;
  const messages: unknown = body === undefined ? value : body.messages;
  if (Array.isArray(messages) && messages.length > 0 && messages.every(isChatMessage)) {
    return {
      kind: "chat",
      messages,
      tools: Array.isArray(body?.tools) ? body.tools : undefined,
      functions: Array.isArray(body?.functions) ? body.functions : undefined,
      model:
        typeof body?.model === "string" && body.model.trim() !== "" ? body.model.trim() : undefined,
    };
  }
  if (as === "chat") {
    throw badInput(
      `${name} is JSON but not a chat: expected an array of { role, content } messages or { messages: [...] }.`,
    );
  }
  return { kind: "text", text };
}
