// Token counting: exact OpenAI encodings (tiktoken) and documented estimators for other providers.
export { type ChatFormat, chatFormatFor } from "./chat-format.ts";
export {
  type ChatMessage,
  chatCountOptionsSchema,
  chatFunctionCallSchema,
  chatMessageSchema,
  chatTextPartSchema,
  chatToolCallSchema,
  type FunctionCallOption,
  type FunctionDefinition,
  functionCallOptionSchema,
  functionDefinitionSchema,
  type ToolDefinition,
  toolDefinitionSchema,
} from "./chat-message.ts";
export { type ChatCountOptions, countChatTokens } from "./count-chat-tokens.ts";
export { countTokens } from "./count-tokens.ts";
export { renderFunctionDefinitions } from "./function-definitions.ts";
export { getTokenizer, type TokenizerOptions } from "./get-tokenizer.ts";
export {
  claudeVersion,
  resolveTokenizer,
  type TokenizerResolution,
  tokenizerByPrefix,
} from "./model-tokenizer.ts";
export type { TokenCount, Tokenizer } from "./token-count.ts";
export { tokenizerMethodOf } from "./tokenizer-method-of.ts";
export {
  type EstimatorBase,
  TOKENIZER_METHODS,
  type TokenizerMethod,
  type TokenizerMethodKey,
} from "./tokenizer-methods.ts";
