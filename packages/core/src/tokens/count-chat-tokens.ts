import type { z } from "zod";
import { TokenmeterError } from "../errors.ts";
import { chatFormatFor } from "./chat-format.ts";
import {
  type ChatMessage,
  chatCountOptionsSchema,
  chatMessageSchema,
  type FunctionCallOption,
  type FunctionDefinition,
  type ToolDefinition,
} from "./chat-message.ts";
import { renderFunctionDefinitions } from "./function-definitions.ts";
import { type TokenizerOptions, tokenizerForMethod } from "./get-tokenizer.ts";
import { resolveTokenizer } from "./model-tokenizer.ts";
import type { TokenCount } from "./token-count.ts";
import { methodKeyFor } from "./tokenizer-method-of.ts";

/** Options of {@link countChatTokens}: the request's tool or function definitions. */
export interface ChatCountOptions extends TokenizerOptions {
  /** Chat Completions `tools` (`{ type: "function", function }`). */
  tools?: readonly ToolDefinition[];
  /** Legacy Chat Completions `functions`. */
  functions?: readonly FunctionDefinition[];
  /** Legacy `function_call`: `auto` (default), `none`, or `{ name }` to force one function. */
  functionCall?: FunctionCallOption;
}

// OpenAI's constants, inferred from API counts by hmarr/openai-chat-tokens and confirmed by the
// Cookbook's tools example for gpt-3.5-turbo, gpt-4, gpt-4o and gpt-4o-mini.
const FUNCTION_CALL_MESSAGE_TOKENS = 3;
const FUNCTION_ROLE_DISCOUNT_TOKENS = 2;
const FUNCTION_DEFINITIONS_TOKENS = 9;
const FUNCTION_DEFINITIONS_WITH_SYSTEM_DISCOUNT_TOKENS = 4;
const FUNCTION_CALL_NONE_TOKENS = 1;
const FUNCTION_CALL_NAME_TOKENS = 4;

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, label: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? [])
    .map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`))
    .join("");
  // Zod's issue messages name the expected type, never the value, so no user text leaks here.
  throw new TokenmeterError(
    "INVALID_INPUT",
    `Invalid ${label}${path}: ${issue?.message ?? "unreadable input"}.`,
    { details: { path: `${label}${path}` } },
  );
}

function contentText(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    let joined = "";
    for (const part of content) joined += part.text;
    return joined;
  }
  return "";
}

/**
 * Counts the prompt tokens of a chat request: every message's role, content and name, the chat
 * format's per-message overhead and reply priming, and the request's tool or function definitions.
 *
 * For OpenAI models this follows the OpenAI Cookbook (3 tokens per message, 1 per name, 3 to prime
 * the reply; gpt-3.5-turbo-0301: 4 and −1) and OpenAI's TypeScript rendering of function
 * definitions; `exact` is true where those rules are API-confirmed for the model (gpt-3.5-turbo,
 * gpt-4, gpt-4o, gpt-4o-mini). Other providers get an estimate with calibrated overheads.
 *
 * @throws TokenmeterError `INVALID_INPUT` naming the bad field (`messages[2].role`), never its text;
 *   `UNKNOWN_MODEL`; `TOKENIZER_UNAVAILABLE`.
 * @example
 * await countChatTokens(
 *   [{ role: "system", content: "You are helpful." }, { role: "user", content: "Hi!" }],
 *   "gpt-4o",
 * ); // { tokens: 17, exact: true, … }  (3+1+4) + (3+1+2) + 3 reply priming
 */
export async function countChatTokens(
  messages: readonly ChatMessage[],
  model: string,
  opts?: ChatCountOptions,
): Promise<TokenCount> {
  if (!Array.isArray(messages)) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      "Invalid messages: expected an array of chat messages.",
      {
        details: { path: "messages" },
      },
    );
  }
  const parsed = messages.map((message, index) =>
    parseOrThrow(chatMessageSchema, message, `messages[${index}]`),
  );
  const options = parseOrThrow(chatCountOptionsSchema, opts ?? {}, "options");
  const resolution = resolveTokenizer(
    model,
    opts?.pricing === undefined ? {} : { pricing: opts.pricing },
  );
  const tokenizer = await tokenizerForMethod(methodKeyFor(resolution));
  const format = chatFormatFor(resolution.tokenizer, resolution.model);
  const openai = resolution.tokenizer === "o200k_base" || resolution.tokenizer === "cl100k_base";
  const count = (text: string): number => tokenizer.count(text);

  const functions: FunctionDefinition[] = [
    ...(options.functions ?? []),
    ...(options.tools ?? []).map((tool) => tool.function),
  ];
  const hasFunctions = functions.length > 0;
  const notes: string[] = [];
  let confirmed = format.confirmed;
  let total = format.perRequestTokens;
  let systemPadded = false;

  for (const message of parsed) {
    let content = contentText(message.content);
    // With functions, OpenAI's prompt ends the first system message with a newline.
    if (openai && hasFunctions && message.role === "system" && !systemPadded) {
      systemPadded = true;
      if (content !== "" && !content.endsWith("\n")) content += "\n";
    }
    total += format.perMessageTokens + count(message.role) + count(content);
    if (message.name !== undefined && message.name !== "") {
      total += count(message.name) + format.perNameTokens;
    }
    if (message.function_call !== undefined) {
      const call = message.function_call;
      total += count(call.name ?? "") + count(call.arguments ?? "");
      if (openai) total += FUNCTION_CALL_MESSAGE_TOKENS;
    }
    if (openai && message.role === "function") total -= FUNCTION_ROLE_DISCOUNT_TOKENS;
    if (message.tool_calls !== undefined && message.tool_calls.length > 0) {
      for (const call of message.tool_calls) {
        total += count(call.function.name) + count(call.function.arguments);
        if (openai) total += FUNCTION_CALL_MESSAGE_TOKENS;
      }
      confirmed = false;
      if (!notes.includes("tool_calls")) notes.push("tool_calls");
    }
  }

  if (hasFunctions) {
    if (openai) {
      total += count(renderFunctionDefinitions(functions)) + FUNCTION_DEFINITIONS_TOKENS;
      if (parsed.some((message) => message.role === "system")) {
        total -= FUNCTION_DEFINITIONS_WITH_SYSTEM_DISCOUNT_TOKENS;
      }
    } else {
      total += count(JSON.stringify(functions));
    }
  }
  const forced = options.functionCall;
  if (openai && forced !== undefined && forced !== "auto") {
    total +=
      forced === "none"
        ? FUNCTION_CALL_NONE_TOKENS
        : count(forced.name) + FUNCTION_CALL_NAME_TOKENS;
  }

  const method = [tokenizer.method, format.description];
  if (hasFunctions) {
    method.push(
      openai
        ? "functions rendered as OpenAI's TypeScript namespace + 9"
        : "tool definitions counted as their JSON text (the provider's hidden tool prompt is not included)",
    );
  }
  if (notes.includes("tool_calls")) {
    method.push("assistant tool_calls counted like function_call (not API-confirmed)");
  }
  return {
    tokens: Math.max(0, total),
    exact: tokenizer.exact && confirmed,
    method: method.join("; "),
    tokenizer: tokenizer.id,
  };
}
