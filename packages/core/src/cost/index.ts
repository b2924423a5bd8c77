export { type CachingRule, cachingRuleFor } from "./caching-rules.ts";
export type {
  ConversationCost,
  CostComponents,
  ModelConversationCost,
  TurnCost,
} from "./conversation-cost.ts";
export {
  type CacheWriteAssumption,
  type CachingAssumption,
  type ConversationOptions,
  REASONING_MULTIPLIERS,
  type ReasoningAssumption,
  type ReasoningEffortLevel,
} from "./conversation-options.ts";
export type { CostBreakdown } from "./cost-breakdown.ts";
export {
  type ConversationCounting,
  type ConversationEstimate,
  type ConversationTurn,
  type EstimateConversationOptions,
  estimateConversation,
  type MessageContent,
} from "./estimate-conversation.ts";
export { priceUsage } from "./price-usage.ts";
export { type CompiledRates, compileRates, type RateSet, type RatesUsdPerMTok } from "./rates.ts";
export {
  type ChatOverhead,
  defaultChatOverhead,
  type ReplayOptions,
  replayConversation,
  type TokenizedConversation,
} from "./replay-conversation.ts";
