import {
  type CellValue,
  type ChatMessage,
  countChatTokens,
  type DocumentBlock,
  type DocumentTable,
  defaultModelId,
  findModel,
  formatCount,
  getTokenizer,
  isTokenmeterError,
  type ModelInfo,
  type PricingTable,
  priceUsage,
  type Tokenizer,
} from "@tokenmeter/core";
import { z } from "zod";
import { repeatedOption } from "../args/argv.ts";
import { outputArgs, pricingArg } from "../args/common-args.ts";
import { isoDaySchema, todayUtc } from "../args/dates.ts";
import { parseOptions } from "../args/parse-options.ts";
import { badInput } from "../cli-error.ts";
import { defineTokenmeterCommand } from "../command.ts";
import { readTextInput } from "../input/read-text-input.ts";
import { warn } from "../output/diagnostics.ts";
import { emit, pickOutputFormat } from "../output/emit.ts";
import { asModelUsageError } from "../pricing/model-errors.ts";
import { pricingFromOption } from "../pricing/pricing-option.ts";
import { type CountInput, interpretCountInput } from "./count-input.ts";

const optionsSchema = z.object({
  models: z.array(z.string().min(1)).min(1),
  at: isoDaySchema.optional(),
  as: z.enum(["auto", "text", "chat"], { error: "expected auto, text or chat" }),
});

function contentText(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => part.text).join("");
  return "";
}

interface ModelCount {
  model: ModelInfo;
  tokenizer: Tokenizer;
  inputUsdPerToken: number;
  outputUsdPerToken: number;
  priceEffectiveFrom: string;
  messages: { tokens: number; sendUsd: number; receiveUsd: number }[];
  totalTokens: number;
  chatPrompt: { tokens: number; exact: boolean; usd: number } | undefined;
}

/** Prices `tokens` as input and as output with core's cost engine (so the numbers are core's). */
function priceBoth(tokens: number, model: string, at: string, pricing: PricingTable) {
  const send = priceUsage({ inputTokens: tokens }, model, { at, pricing });
  const receive = priceUsage({ outputTokens: tokens }, model, { at, pricing });
  return {
    sendUsd: send.totalUsd,
    receiveUsd: receive.totalUsd,
    priceEffectiveFrom: send.priceEffectiveFrom,
  };
}

async function countFor(
  modelId: string,
  input: CountInput,
  at: string,
  pricing: PricingTable,
): Promise<ModelCount> {
  let model: ModelInfo;
  try {
    model = findModel(modelId, { pricing });
  } catch (error) {
    throw asModelUsageError(error);
  }
  const tokenizer = await getTokenizer(model.id, { pricing });
  const texts =
    input.kind === "text"
      ? [input.text]
      : input.messages.map((message) => contentText(message.content));
  let unit: ReturnType<typeof priceBoth>;
  try {
    unit = priceBoth(1_000_000, model.id, at, pricing);
  } catch (error) {
    if (isTokenmeterError(error, "NO_PRICE_AT_DATE")) {
      throw badInput(error.message, { hint: "Pick another --at date." });
    }
    throw error;
  }
  const messages = texts.map((text) => {
    const tokens = tokenizer.count(text);
    const { sendUsd, receiveUsd } = priceBoth(tokens, model.id, at, pricing);
    return { tokens, sendUsd, receiveUsd };
  });
  let chatPrompt: ModelCount["chatPrompt"];
  if (input.kind === "chat") {
    let counted: Awaited<ReturnType<typeof countChatTokens>>;
    try {
      counted = await countChatTokens(input.messages, model.id, {
        pricing,
        ...(input.tools === undefined ? {} : { tools: input.tools as never }),
        ...(input.functions === undefined ? {} : { functions: input.functions as never }),
      });
    } catch (error) {
      if (isTokenmeterError(error, "INVALID_INPUT"))
        throw badInput(`The chat is not valid: ${error.message}`, { cause: error });
      throw error;
    }
    chatPrompt = {
      tokens: counted.tokens,
      exact: counted.exact,
      usd: priceUsage({ inputTokens: counted.tokens }, model.id, { at, pricing }).totalUsd,
    };
  }
  return {
    model,
    tokenizer,
    inputUsdPerToken: unit.sendUsd / 1_000_000,
    outputUsdPerToken: unit.receiveUsd / 1_000_000,
    priceEffectiveFrom: unit.priceEffectiveFrom,
    messages,
    totalTokens: messages.reduce((sum, message) => sum + message.tokens, 0),
    chatPrompt,
  };
}

export const countCommand = defineTokenmeterCommand({
  name: "count",
  description:
    "Count the tokens of a text or a chat, and what sending or receiving it costs, on several models",
  args: {
    file: {
      type: "positional",
      required: false,
      description: "A text file or a chat JSON file; `-` or nothing reads stdin",
    },
    model: {
      type: "string",
      alias: ["m", "models"],
      valueHint: "id",
      description:
        "A model to count for; repeat it (or use commas) for several (default: the model ChatGPT Plus serves)",
    },
    as: {
      // A string, not a citty enum, so a wrong value gets the same message as every other option.
      type: "string",
      valueHint: "auto|text|chat",
      default: "auto",
      description: "Read the input as plain text or as a chat; auto tells them apart",
    },
    at: {
      type: "string",
      valueHint: "YYYY-MM-DD",
      description: "Prices in effect on this date (default: today, UTC)",
    },
    ...pricingArg,
    ...outputArgs,
  },
  examples: [
    {
      command: "tokenmeter count notes.txt --model gpt-4o --model claude-sonnet-4-5",
      description: "tokens and cost of a text on two models",
    },
    {
      command: "echo 'Hello, world' | tokenmeter count - -m gpt-4o-mini",
      description: "count what you pipe in",
    },
    {
      command: "tokenmeter count chat.json -m gpt-4o,gpt-4.1 --json",
      description: "a chat ([{role, content}, …]) per message, as JSON",
    },
  ],
  async run({ args, rawArgs }) {
    const format = pickOutputFormat(args);
    const given = repeatedOption(rawArgs, ["model", "m", "models"]);
    const options = parseOptions(
      optionsSchema,
      { models: given.length > 0 ? given : [defaultModelId()], at: args.at, as: args.as ?? "auto" },
      "count",
    );
    const pricing = pricingFromOption(args.pricing).table;
    const at = options.at ?? todayUtc();
    const source = await readTextInput(args.file);
    if (source.repairedUtf8)
      warn(
        `${source.name} is not valid UTF-8; invalid bytes were replaced with U+FFFD before counting.`,
      );
    const input = interpretCountInput(source.text, options.as, source.name);
    // Without --model, a request body's own model is the one to count for, when the table knows it.
    let models = options.models;
    if (given.length === 0 && input.kind === "chat" && input.model !== undefined) {
      try {
        models = [findModel(input.model, { pricing }).id];
      } catch (error) {
        if (!isTokenmeterError(error, "UNKNOWN_MODEL")) throw error;
        warn(
          `The request names a model the pricing table does not know; counting on ${options.models.join(", ")} instead (choose with --model).`,
        );
      }
    }
    const modelIds = [...new Set(models)];
    const counts: ModelCount[] = [];
    for (const modelId of modelIds) counts.push(await countFor(modelId, input, at, pricing));

    const roles = input.kind === "text" ? ["text"] : input.messages.map((message) => message.role);
    const characters =
      input.kind === "text"
        ? [input.text.length]
        : input.messages.map((message) => contentText(message.content).length);
    const perMessage: DocumentTable = {
      columns: [
        { key: "message", header: "#", kind: "count" },
        { key: "role", header: "Role", kind: "text" },
        { key: "characters", header: "Chars", kind: "count" },
        { key: "model", header: "Model", kind: "text" },
        { key: "tokens", header: "Tokens", kind: "tokens" },
        { key: "exact", header: "Count", kind: "text" },
        { key: "sendUsd", header: "Send (input)", kind: "usd" },
        { key: "receiveUsd", header: "Receive (output)", kind: "usd" },
      ],
      rows: roles.flatMap((role, index) =>
        counts.map((count): CellValue[] => {
          const message = count.messages[index];
          return [
            index + 1,
            role,
            characters[index] ?? 0,
            count.model.id,
            message?.tokens ?? 0,
            count.tokenizer.exact ? "exact" : "estimated",
            message?.sendUsd ?? 0,
            message?.receiveUsd ?? 0,
          ];
        }),
      ),
    };
    const blocks: DocumentBlock[] = [
      {
        kind: "heading",
        text: `${source.name}: ${input.kind === "chat" ? `chat of ${roles.length} ${roles.length === 1 ? "message" : "messages"}` : "plain text"}${source.encoding === "utf-8" ? "" : ` (read as ${source.encoding.toUpperCase()})`}, ${formatCount(source.text.length)} characters · prices of ${at}`,
      },
      { kind: "table", table: perMessage },
    ];
    if (input.kind === "chat") {
      blocks.push({
        kind: "table",
        table: {
          columns: [
            { key: "model", header: "Model", kind: "text" },
            { key: "contentTokens", header: "Message tokens", kind: "tokens" },
            { key: "promptTokens", header: "As one request", kind: "tokens" },
            { key: "promptExact", header: "Count", kind: "text" },
            { key: "promptUsd", header: "Request cost", kind: "usd" },
          ],
          rows: counts.map((count) => [
            count.model.id,
            count.totalTokens,
            count.chatPrompt?.tokens ?? null,
            count.chatPrompt?.exact === true ? "exact" : "estimated",
            count.chatPrompt?.usd ?? null,
          ]),
        },
      });
    }
    blocks.push({
      kind: "list",
      title: "How these were counted",
      items: [
        ...counts.map(
          (count) =>
            `${count.model.id}: ${count.tokenizer.method} (${count.tokenizer.exact ? "exact" : "estimate"}); price record from ${count.priceEffectiveFrom}${count.model.reasoning ? "; a reasoning model also bills hidden reasoning tokens as output, not included here" : ""}.`,
        ),
        ...(input.kind === "chat"
          ? [
              "“As one request” adds the chat format's per-message and reply-priming tokens (OpenAI cookbook rules; estimated for other providers).",
            ]
          : []),
        `Pricing table ${pricing.version}.`,
      ],
    });
    emit(
      {
        blocks,
        csv: perMessage,
        json: {
          pricingVersion: pricing.version,
          at,
          input: {
            name: source.name,
            kind: input.kind,
            messageCount: roles.length,
            characterCount: source.text.length,
            byteCount: source.byteLength,
            repairedUtf8: source.repairedUtf8,
            encoding: source.encoding,
          },
          models: counts.map((count) => ({
            model: count.model.id,
            displayName: count.model.displayName,
            tokenizer: count.tokenizer.id,
            exact: count.tokenizer.exact,
            method: count.tokenizer.method,
            priceEffectiveFrom: count.priceEffectiveFrom,
            inputUsdPerMTok: count.inputUsdPerToken * 1_000_000,
            outputUsdPerMTok: count.outputUsdPerToken * 1_000_000,
            reasoningModel: count.model.reasoning,
            totalTokens: count.totalTokens,
            messages: count.messages.map((message, index) => ({
              index: index + 1,
              role: roles[index] ?? "text",
              characterCount: characters[index] ?? 0,
              tokens: message.tokens,
              sendUsd: message.sendUsd,
              receiveUsd: message.receiveUsd,
            })),
            chatRequest:
              count.chatPrompt === undefined
                ? null
                : {
                    inputTokens: count.chatPrompt.tokens,
                    exact: count.chatPrompt.exact,
                    inputUsd: count.chatPrompt.usd,
                  },
          })),
        },
      },
      format,
    );
  },
});
