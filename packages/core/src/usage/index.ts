export {
  type AnthropicUsage,
  anthropicUsageSchema,
  usageFromAnthropic,
} from "./anthropic-usage.ts";
export {
  type GeminiUsageMetadata,
  geminiUsageMetadataSchema,
  usageFromGemini,
} from "./gemini-usage.ts";
export { normalizeUsage } from "./normalize-usage.ts";
export {
  type OpenAIChatUsage,
  type OpenAIResponsesUsage,
  openAIChatUsageSchema,
  openAIResponsesUsageSchema,
  usageFromOpenAI,
} from "./openai-usage.ts";
export { type Usage, type UsageInput, ZERO_USAGE } from "./usage.ts";
