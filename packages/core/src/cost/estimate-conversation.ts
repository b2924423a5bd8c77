import { TokenmeterError } from "../errors.ts";
import { findModel } from "../pricing/find-model.ts";
import { chatFormatFor } from "../tokens/chat-format.ts";
import { getTokenizer } from "../tokens/get-tokenizer.ts";
import type { Tokenizer } from "../tokens/token-count.ts";
import type { ConversationCost } from "./conversation-cost.ts";
import type { ConversationOptions } from "./conversation-options.ts";
import {
  type ChatOverhead,
  replayConversation,
  type TokenizedConversation,
} from "./replay-conversation.ts";

/** A message's text, or its length in tokens (a whole number, used as is for every model). */
export type MessageContent = string | number;

/** One user message and the reply (or, in a room, the replies) it got. */
export interface ConversationTurn {
  /** What the user sent. */
  readonly user: MessageContent;
  /**
   * The visible reply. In a multi-model room, an object with one reply per model, keyed by the
   * model ids exactly as passed in `models`; a single reply means every model answered alike.
   */
  readonly assistant: MessageContent | Readonly<Record<string, MessageContent>>;
}

/** Options of {@link estimateConversation}. */
export interface EstimateConversationOptions extends ConversationOptions {
  /** System prompt (with custom instructions, memory…) sent with every call: text or tokens. */
  system?: MessageContent;
}

/** How one model's messages were counted. */
export interface ConversationCounting {
  readonly model: string;
  /** True when every count is the provider's own (OpenAI encodings with a confirmed chat format, all text). */
  readonly exact: boolean;
  /** Tokenizer and chat-format method, from the tokens module. */
  readonly method: string;
}

/** The result of {@link estimateConversation}: costs plus how the text was counted. */
export interface ConversationEstimate extends ConversationCost {
  readonly counting: readonly ConversationCounting[];
}

/**
 * Estimates what a conversation costs on one model or on several answering side by side.
 *
 * Counts every message with each model's own tokenizer (text), or takes token counts as given
 * (numbers), then replays the conversation with {@link replayConversation}: each turn re-sends the
 * visible history, with chat overhead, caching, reasoning and truncation as assumed in `opts`. In a
 * multi-model room every model sees the shared transcript, the other models' replies included,
 * counted in its own tokenizer, and is billed for its own calls.
 *
 * @param turns user messages with their replies, oldest first.
 * @param models a model id or alias, or several for a room.
 * @param opts `system`, `caching`, `cacheWrites`, `reasoning`, `truncate`, `perTurn`, `at`,
 *   `serviceTier`, `pricing`.
 * @returns per-model and per-turn costs in USD, totals, the assumptions made, and how text was counted.
 * @throws TokenmeterError `INVALID_INPUT` naming the turn and field (never its text),
 *   `UNKNOWN_MODEL`, `NO_PRICE_AT_DATE`, `NO_SERVICE_TIER`, `TOKENIZER_UNAVAILABLE`.
 * @example
 * const cost = await estimateConversation(
 *   [{ user: "Plan a 3-day trip to Lisbon.", assistant: 450 }, { user: "Cheaper hotels?", assistant: 300 }],
 *   ["gpt-4o", "claude-sonnet-4-5"],
 *   { system: 800, at: "2025-10-01" },
 * );
 * cost.totalUsd; cost.models[1].turns?.[1]?.usage.cachedInputTokens;
 */
export async function estimateConversation(
  turns: readonly ConversationTurn[],
  models: string | readonly string[],
  opts?: EstimateConversationOptions,
): Promise<ConversationEstimate> {
  const ids = typeof models === "string" ? [models] : [...models];
  if (!Array.isArray(turns)) invalid("turns", "expected an array of { user, assistant }");
  if (ids.length === 0) invalid("models", "give at least one model id");
  const room = ids.length > 1;
  const system = opts?.system ?? 0;
  checkContent(system, "system");
  const userContents: MessageContent[] = [];
  // replyContents[j][k]: model j's reply to user message k
  const replyContents: MessageContent[][] = ids.map(() => []);
  let sameReplyForAll = false;
  turns.forEach((turn, k) => {
    if (typeof turn !== "object" || turn === null)
      invalid(`turns[${k}]`, "expected { user, assistant }");
    checkContent(turn.user, `turns[${k}].user`);
    userContents.push(turn.user);
    const assistant = turn.assistant;
    if (typeof assistant === "string" || typeof assistant === "number") {
      checkContent(assistant, `turns[${k}].assistant`);
      if (room) sameReplyForAll = true;
      for (const row of replyContents) row.push(assistant);
      return;
    }
    if (typeof assistant !== "object" || assistant === null || Array.isArray(assistant)) {
      invalid(
        `turns[${k}].assistant`,
        "expected the reply (text or tokens) or one reply per model",
      );
    }
    ids.forEach((id, j) => {
      const reply = Object.hasOwn(assistant, id) ? assistant[id] : undefined;
      if (reply === undefined) {
        invalid(
          `turns[${k}].assistant["${id.slice(0, 60)}"]`,
          "missing: give a reply for every model of the room",
        );
      }
      checkContent(reply, `turns[${k}].assistant["${id.slice(0, 60)}"]`);
      replyContents[j]?.push(reply);
    });
  });

  const pricing = opts?.pricing === undefined ? {} : { pricing: opts.pricing };
  const usesText =
    typeof system === "string" ||
    userContents.some((c) => typeof c === "string") ||
    replyContents.some((row) => row.some((c) => typeof c === "string"));
  const usesNumbers =
    (typeof system === "number" && system > 0) ||
    userContents.some((c) => typeof c === "number") ||
    replyContents.some((row) => row.some((c) => typeof c === "number"));

  const infos = ids.map((id) => findModel(id, pricing));
  // One count per distinct tokenizer: models sharing an encoding share the view.
  const views = new Map<Tokenizer | undefined, TokenizedConversation>();
  const modelViews: TokenizedConversation[] = [];
  const overheads: ChatOverhead[] = [];
  const counting: ConversationCounting[] = [];
  for (const info of infos) {
    const tokenizer = usesText ? await getTokenizer(info.id, pricing) : undefined;
    let view = views.get(tokenizer);
    if (view === undefined) {
      const count = (content: MessageContent): number =>
        typeof content === "number"
          ? content
          : content === ""
            ? 0
            : (tokenizer as Tokenizer).count(content);
      view = {
        systemTokens: count(system),
        userTokens: userContents.map(count),
        replyTokens: replyContents.map((row) => row.map(count)),
      };
      views.set(tokenizer, view);
    }
    modelViews.push(view);
    const format = chatFormatFor(info.tokenizer, info.id);
    const roleTokens = tokenizer === undefined ? 1 : tokenizer.count("user");
    overheads.push({
      messageTokens: format.perMessageTokens + roleTokens,
      replyPrimingTokens: format.perRequestTokens,
      description: `${format.description}; role name ${roleTokens} token${roleTokens === 1 ? "" : "s"}`,
    });
    const methods = [
      ...(tokenizer === undefined ? [] : [tokenizer.method]),
      ...(usesNumbers ? ["token counts given as numbers used as is"] : []),
    ];
    counting.push({
      model: info.id,
      exact: (tokenizer?.exact ?? false) && format.confirmed && !usesNumbers,
      method: methods.join("; "),
    });
  }

  const { system: _system, ...replayOptions } = opts ?? {};
  const cost = replayConversation(modelViews, ids, { ...replayOptions, overheads });
  const assumptions = [...cost.assumptions];
  for (const c of counting) {
    if (!c.exact) {
      assumptions.push(`${c.model} token counts are estimates (${c.method}).`);
    }
  }
  if (sameReplyForAll) {
    assumptions.push(
      "One reply was given per turn: every model of the room is assumed to have answered with it.",
    );
  }
  return { ...cost, assumptions, counting };
}

function checkContent(value: unknown, field: string): asserts value is MessageContent {
  if (typeof value === "string") return;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return;
  const shown =
    typeof value === "number"
      ? Number.isNaN(value)
        ? "NaN"
        : String(value)
      : value === null
        ? "null"
        : typeof value;
  invalid(
    field,
    `expected the message text or a whole, non-negative number of tokens, got ${shown}`,
  );
}

function invalid(field: string, message: string): never {
  throw new TokenmeterError("INVALID_INPUT", `Invalid ${field}: ${message}.`, {
    details: { field },
  });
}
