import type { TokenizerId } from "../pricing/schema.ts";

/** The per-request token overhead of one provider's chat format. */
export interface ChatFormat {
  /** Added once per request (OpenAI: the 3 tokens that prime the reply, `<|start|>assistant<|message|>`). */
  perRequestTokens: number;
  /** Added once per message, on top of its role and content. */
  perMessageTokens: number;
  /** Added when a message has a `name`, on top of the name's own tokens. */
  perNameTokens: number;
  /** Whether an API count confirms this format for the model (see the sources in packages/core/README.md, "Chat rules (OpenAI)"). */
  confirmed: boolean;
  /** Short description for `TokenCount.method`. */
  description: string;
}

/**
 * OpenAI chat models whose message overhead the OpenAI Cookbook confirmed against the API
 * ("How to count tokens with tiktoken": gpt-3.5-turbo, gpt-4-0314/0613, gpt-4o, gpt-4o-mini).
 */
const COOKBOOK_CONFIRMED =
  /^(?:gpt-3\.5-turbo|gpt-35-turbo)(?:-[\w.-]+)?$|^gpt-4(?:-32k)?(?:-0314|-0613)?$|^gpt-4o(?:-mini)?(?:-\d{4}-\d{2}-\d{2})?$/;

/** gpt-3.5-turbo-0301 wrapped each message as `<|start|>{role/name}\n{content}<|end|>\n`. */
const LEGACY_0301 = /^(?:gpt-3\.5-turbo|gpt-35-turbo)-0301$/;

/**
 * Per-message overhead of non-OpenAI providers, as calibrated against their APIs by ai-tokenizer
 * 1.0.6 (`models.json`: baseOverhead, perMessage) for the models whose accuracy it publishes.
 */
const PROVIDER_FORMATS: Readonly<Partial<Record<TokenizerId, ChatFormat>>> = {
  claude: {
    perRequestTokens: 6,
    perMessageTokens: 2,
    perNameTokens: 0,
    confirmed: false,
    description: "Claude message overhead 6 + 2/message (ai-tokenizer calibration)",
  },
  gemini: {
    perRequestTokens: -1,
    perMessageTokens: -1,
    perNameTokens: 0,
    confirmed: false,
    description: "Gemini message overhead −1 − 1/message (ai-tokenizer calibration)",
  },
  grok: {
    perRequestTokens: 5,
    perMessageTokens: 3,
    perNameTokens: 0,
    confirmed: false,
    description: "Grok message overhead 5 + 3/message (ai-tokenizer calibration for Grok 3)",
  },
  deepseek: {
    perRequestTokens: 3,
    perMessageTokens: 1,
    perNameTokens: 0,
    confirmed: false,
    description: "DeepSeek message overhead 3 + 1/message (ai-tokenizer calibration for V3.2)",
  },
  mistral: {
    perRequestTokens: 2,
    perMessageTokens: 1,
    perNameTokens: 0,
    confirmed: false,
    description: "Mistral message overhead 2 + 1/message (ai-tokenizer calibration)",
  },
};

/**
 * The chat format of a model: OpenAI's Cookbook rules for OpenAI encodings (3 per message, 1 per
 * name, 3 to prime the reply; 4 and −1 for gpt-3.5-turbo-0301), calibrated overheads otherwise.
 */
export function chatFormatFor(tokenizer: TokenizerId, model: string): ChatFormat {
  const provider = PROVIDER_FORMATS[tokenizer];
  if (provider !== undefined) return provider;
  const lower = model.trim().toLowerCase();
  const bare = lower.slice(lower.lastIndexOf("/") + 1);
  if (LEGACY_0301.test(bare)) {
    return {
      perRequestTokens: 3,
      perMessageTokens: 4,
      perNameTokens: -1,
      confirmed: true,
      description: "OpenAI gpt-3.5-turbo-0301 chat format (4/message, −1/name, 3 reply priming)",
    };
  }
  const confirmed = COOKBOOK_CONFIRMED.test(bare);
  return {
    perRequestTokens: 3,
    perMessageTokens: 3,
    perNameTokens: 1,
    confirmed,
    description: confirmed
      ? "OpenAI chat format (3/message, 1/name, 3 reply priming; API-confirmed)"
      : "OpenAI chat format assumed as for gpt-4o (3/message, 1/name, 3 reply priming; not API-confirmed for this model)",
  };
}
