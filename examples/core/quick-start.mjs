// Quick start for @tokenmeter/core: count, price, cost a conversation.
// Run after `npm ci && npm run build -w @tokenmeter/core`:  node examples/core/quick-start.mjs
import {
  countChatTokens,
  estimateConversation,
  priceUsage,
  usageFromOpenAI,
} from "@tokenmeter/core";

// The example conversation of the OpenAI Cookbook, "How to count tokens with tiktoken" (MIT).
const messages = [
  {
    role: "system",
    content:
      "You are a helpful, pattern-following assistant that translates corporate jargon into plain English.",
  },
  {
    role: "system",
    name: "example_user",
    content: "New synergies will help drive top-line growth.",
  },
  {
    role: "system",
    name: "example_assistant",
    content: "Things working well together will increase revenue.",
  },
  {
    role: "system",
    name: "example_user",
    content:
      "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  {
    role: "system",
    name: "example_assistant",
    content: "Let's talk later when we're less busy about how to do better.",
  },
  {
    role: "user",
    content:
      "This late pivot means we don't have time to boil the ocean for the client deliverable.",
  },
];

// 1. Count the prompt for gpt-4o (the OpenAI API reported 124 prompt tokens).
const count = await countChatTokens(messages, "gpt-4o");
console.log(`cookbook example on gpt-4o: ${count.tokens} tokens (${count.exact ? "exact" : "estimated"})`);

// 2. Price an OpenAI usage object at the date of the call.
const usage = usageFromOpenAI({
  prompt_tokens: 2006,
  completion_tokens: 300,
  prompt_tokens_details: { cached_tokens: 1920 },
});
const call = priceUsage(usage, "gpt-4o", { at: "2025-03-01" });
console.log(
  `one gpt-4o call on 2025-03-01: $${call.totalUsd.toFixed(6)} ` +
    `(prices from ${call.priceEffectiveFrom}, table ${call.pricingVersion})`,
);

// 3. Cost a 30-turn conversation on three models: each turn re-sends the whole history.
const turns = Array.from({ length: 30 }, (_, k) => ({
  user: `Question ${k + 1}: how do I make the next step of my project faster?`,
  assistant: 400, // reply length in tokens (or pass the reply's text)
}));
const options = { system: 1200, at: "2026-11-27" };
for (const model of ["gpt-5.5", "claude-sonnet-5", "gemini-3.5-flash"]) {
  const chat = await estimateConversation(turns, model, options);
  const [m] = chat.models;
  console.log(
    `30 turns on ${model}: $${m.totalUsd.toFixed(4)} = input $${m.inputUsd.toFixed(4)}` +
      ` + cached input $${m.cachedInputUsd.toFixed(4)} + output $${m.outputUsd.toFixed(4)}` +
      ` + reasoning $${m.reasoningUsd.toFixed(4)} (${m.reasoningMultiplier} reasoning tokens per reply token assumed)`,
  );
}
