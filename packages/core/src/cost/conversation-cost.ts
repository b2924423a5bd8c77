import type { ServiceTier } from "../pricing/schema.ts";
import type { Usage } from "../usage/usage.ts";

/** The cost components of one call or of a sum of calls, in USD at full precision. */
export interface CostComponents {
  readonly inputUsd: number;
  readonly cachedInputUsd: number;
  readonly cacheWriteUsd: number;
  readonly outputUsd: number;
  readonly reasoningUsd: number;
  readonly totalUsd: number;
}

/** One model's call for one user message. */
export interface TurnCost extends CostComponents {
  /** Index of the user message (0-based). */
  readonly turn: number;
  /** Tokens of this call. `inputTokens + cachedInputTokens + cacheWrite…` is the whole prompt sent. */
  readonly usage: Readonly<Usage>;
  /** The whole prompt exceeded the long-context threshold, so the call used the tier's prices. */
  readonly longContextApplied: boolean;
  /** Earlier exchanges left out of this call to fit the context window (0 = full history). */
  readonly droppedTurns: number;
  /** Even with every earlier exchange dropped, the call did not fit the context window. */
  readonly exceedsContextWindow: boolean;
}

/** Everything one model is billed for in a conversation. */
export interface ModelConversationCost extends CostComponents {
  /** Canonical model id. */
  readonly model: string;
  readonly provider: string;
  /** Sum over this model's calls. */
  readonly usage: Readonly<Usage>;
  /** `effectiveFrom` of the price record used. */
  readonly priceEffectiveFrom: string;
  readonly serviceTier: ServiceTier;
  /** API calls made (one per user message). */
  readonly calls: number;
  /** Calls billed at long-context prices. */
  readonly longContextCalls: number;
  /** Calls whose history was truncated. */
  readonly truncatedCalls: number;
  /** Calls that did not fit the context window even after truncation (billed in full, flagged). */
  readonly oversizedCalls: number;
  /** Reasoning tokens assumed per visible output token (0 for non-reasoning models). */
  readonly reasoningMultiplier: number;
  /** Per call, when `perTurn` is not `false`. */
  readonly turns: readonly TurnCost[] | undefined;
  /** What was assumed for this model, in words. */
  readonly assumptions: readonly string[];
}

/** The cost of a conversation for one model or for every model of a room. */
export interface ConversationCost {
  /** One entry per model, in the order given. */
  readonly models: readonly ModelConversationCost[];
  /** Sum over the models, in USD. */
  readonly totalUsd: number;
  /** User messages in the conversation. */
  readonly turns: number;
  readonly pricingVersion: string;
  /** The UTC date prices were taken at. */
  readonly pricedOn: string;
  /** Every assumption of every model, without repeats. Conversation costs are always estimates. */
  readonly assumptions: readonly string[];
}
