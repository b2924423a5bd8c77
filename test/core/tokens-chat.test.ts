import { readFileSync } from "node:fs";
import { Tokenizer as AiTokenizer, models } from "ai-tokenizer";
import * as claudeEncoding from "ai-tokenizer/encoding/claude";
import * as o200kEncoding from "ai-tokenizer/encoding/o200k_base";
import { count as aiTokenizerCount } from "ai-tokenizer/sdk";
import { describe, expect, test } from "vitest";
import { isTokenmeterError } from "../../packages/core/src/errors.ts";
import {
  type ChatMessage,
  countChatTokens,
  type FunctionCallOption,
  type FunctionDefinition,
  getTokenizer,
  renderFunctionDefinitions,
  type ToolDefinition,
} from "../../packages/core/src/tokens/index.ts";

function fixture<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/tokens/${name}`, import.meta.url), "utf8"),
  ) as T;
}

interface CookbookCase {
  model: string;
  rules_model: string;
  encoding: string;
  tokens_per_message: number;
  tokens_per_name: number;
  messages: "example_messages" | "tools_example_messages";
  tools?: "tools";
  expected_local: number;
  expected_api_prompt_tokens: number;
  source_commit: string;
  note?: string;
}
const cookbook = fixture<{
  example_messages: ChatMessage[];
  tools_example_messages: ChatMessage[];
  tools: ToolDefinition[];
  cases: CookbookCase[];
  per_message_breakdown_recomputed: Record<"cl100k_base" | "o200k_base", number[]>;
}>("openai-cookbook-chat-counts.json");

interface FunctionCase {
  messages: ChatMessage[];
  functions?: FunctionDefinition[];
  function_call?: FunctionCallOption;
  tokens: number;
}
const functionSets = fixture<{
  sets: { id: string; encoding: string; cases: FunctionCase[] }[];
}>("openai-chat-function-token-cases.json").sets;

describe("OpenAI Cookbook: 'How to count tokens with tiktoken'", () => {
  const OLD_NOTEBOOK = "06d9feb5e21e6fdc85f3ddce7731e05892758cd7";

  test("the gpt-4o example is 124 tokens (API-confirmed)", async () => {
    const count = await countChatTokens(cookbook.example_messages, "gpt-4o");
    expect(count).toMatchObject({ tokens: 124, exact: true, tokenizer: "o200k_base" });
  });

  test.each(
    cookbook.cases.map((c) => [
      c.model,
      c.source_commit === OLD_NOTEBOOK ? "older notebook" : "current notebook",
      c.tools ? "with tools" : "messages",
      c,
    ]),
  )("%s (%s, %s)", async (_model, notebook, _kind, c) => {
    const messages = cookbook[c.messages];
    const opts = c.tools ? { tools: cookbook.tools } : {};
    if (
      notebook === "older notebook" &&
      c.model === "gpt-3.5-turbo" &&
      c.expected_api_prompt_tokens !== c.expected_local
    ) {
      // In 2023 the alias gpt-3.5-turbo still served the 0301 snapshot, so the API said 127 where
      // the notebook's 0613 rules said 129. Today the alias means gpt-3.5-turbo-0125 (129, confirmed
      // by the current notebook); the old API number is reproduced by naming the 0301 snapshot.
      expect((await countChatTokens(messages, "gpt-3.5-turbo-0301", opts)).tokens).toBe(
        c.expected_api_prompt_tokens,
      );
      expect((await countChatTokens(messages, "gpt-3.5-turbo", opts)).tokens).toBe(
        c.expected_local,
      );
      return;
    }
    // Everywhere else the notebook's estimate and the API agree; we assert the API's number.
    expect(c.expected_api_prompt_tokens).toBe(c.expected_local);
    const count = await countChatTokens(messages, c.model, opts);
    expect(count.tokens).toBe(c.expected_api_prompt_tokens);
    expect(count.tokenizer).toBe(c.encoding);
    expect(count.exact).toBe(true);
  });

  test("gpt-3.5-turbo-0301 uses 4 per message and −1 per name: 127", async () => {
    const count = await countChatTokens(cookbook.example_messages, "gpt-3.5-turbo-0301");
    expect(count.tokens).toBe(127);
    expect(count.method).toContain("4/message, −1/name");
  });

  test("per-message breakdown: each message alone plus 3 reply priming", async () => {
    for (const [model, encoding] of [
      ["gpt-4", "cl100k_base"],
      ["gpt-4o", "o200k_base"],
    ] as const) {
      const each = await Promise.all(
        cookbook.example_messages.map(async (m) => (await countChatTokens([m], model)).tokens),
      );
      expect(each).toEqual(cookbook.per_message_breakdown_recomputed[encoding]);
    }
  });

  test("the arithmetic of the 124, by hand from content counts", async () => {
    const tokenizer = await getTokenizer("gpt-4o");
    let expected = 3; // reply priming
    for (const message of cookbook.example_messages) {
      expected += 3 + tokenizer.count(message.role) + tokenizer.count(String(message.content));
      if (message.name) expected += tokenizer.count(message.name) + 1;
    }
    expect(expected).toBe(124);
  });

  test("the Cookbook's num_tokens_for_tools estimator matches its example but not the API on nested schemas", async () => {
    // The notebook's tools formula (func_init 7 for gpt-4o / 10 for gpt-3.5 and gpt-4, prop_init 3,
    // prop_key 3, enum_init −3, enum_item 3, func_end 12) reads only top-level properties. It
    // reproduces its own weather example, which we also reproduce (105 / 101 above), but on
    // hmarr's API-measured nested case it is far off, so tokenmeter implements OpenAI's TypeScript
    // rendering instead and asserts the API numbers.
    const tokenizer = await getTokenizer("gpt-3.5-turbo");
    const n = (s: string) => tokenizer.count(s);
    const cookbookTools = (functions: FunctionDefinition[], funcInit: number): number => {
      let total = 0;
      for (const fn of functions) {
        total += funcInit + n(`${fn.name}:${(fn.description ?? "").replace(/\.$/, "")}`);
        const properties = (fn.parameters?.properties ?? {}) as Record<
          string,
          { type?: string; description?: string; enum?: string[] }
        >;
        if (Object.keys(properties).length > 0) {
          total += 3;
          for (const [key, p] of Object.entries(properties)) {
            total += 3;
            if (p.enum) {
              total -= 3;
              for (const item of p.enum) total += 3 + n(item);
            }
            total += n(`${key}:${p.type}:${(p.description ?? "").replace(/\.$/, "")}`);
          }
        }
      }
      return total + 12;
    };
    const weather = cookbook.tools.map((t) => t.function);
    const weatherMessages = await countChatTokens(cookbook.tools_example_messages, "gpt-3.5-turbo");
    expect(weatherMessages.tokens + cookbookTools(weather, 10)).toBe(105);

    const nested = functionSets[0]?.cases.find((c) => c.tokens === 68);
    expect(nested?.tokens).toBe(68);
    const nestedMessages = await countChatTokens(nested?.messages ?? [], "gpt-3.5-turbo");
    const cookbookEstimate = nestedMessages.tokens + cookbookTools(nested?.functions ?? [], 10);
    expect(cookbookEstimate).not.toBe(68);
    const ours = await countChatTokens(nested?.messages ?? [], "gpt-3.5-turbo", {
      functions: nested?.functions ?? [],
    });
    expect(ours.tokens).toBe(68);
  });
});

describe.each(functionSets.map((set) => [set.id, set] as const))(
  "function-calling cases: %s",
  (id, set) => {
    // hmarr-openai-chat-tokens: OpenAI API prompt_tokens for gpt-3.5-turbo (2023, cl100k_base).
    // gpt-tokenizer-function-calling: gpt-tokenizer's estimator for gpt-4o (o200k_base); the same
    // rules produce the Cookbook's API-confirmed 101 for gpt-4o tools, and we match every case.
    const model = id === "hmarr-openai-chat-tokens" ? "gpt-3.5-turbo" : "gpt-4o";

    test("the set uses the encoding we map its model to", async () => {
      expect((await getTokenizer(model)).id).toBe(set.encoding);
    });

    test.each(set.cases.map((c, i) => [i, c.tokens, c] as const))(
      "#%i → %i tokens",
      async (_i, tokens, c) => {
        const count = await countChatTokens(c.messages, model, {
          ...(c.functions ? { functions: c.functions } : {}),
          ...(c.function_call ? { functionCall: c.function_call } : {}),
        });
        expect(count.tokens).toBe(tokens);
      },
    );
  },
);

describe("function definitions", () => {
  test("tools and legacy functions count the same", async () => {
    const tools = cookbook.tools;
    const viaTools = await countChatTokens(cookbook.tools_example_messages, "gpt-4o", { tools });
    const viaFunctions = await countChatTokens(cookbook.tools_example_messages, "gpt-4o", {
      functions: tools.map((t) => t.function),
    });
    expect(viaTools.tokens).toBe(101);
    expect(viaFunctions.tokens).toBe(101);
    expect(viaTools.method).toContain("TypeScript namespace");
  });

  test("renders OpenAI's TypeScript namespace", () => {
    expect(
      renderFunctionDefinitions([
        {
          name: "get_weather",
          description: "Weather now",
          parameters: {
            type: "object",
            required: ["city"],
            properties: {
              city: { type: "string", description: "City name" },
              unit: { type: "string", enum: ["c", "f"] },
              days: { type: "array", items: { type: "integer" } },
              where: { anyOf: [{ type: "string" }, { type: "null" }] },
              extra: {
                type: "object",
                properties: { deep: { type: "boolean", description: "hidden" } },
              },
            },
          },
        },
      ]),
    ).toBe(
      [
        "namespace functions {",
        "",
        "// Weather now",
        "type get_weather = (_: {",
        "// City name",
        "city: string,",
        'unit?: "c" | "f",',
        "days?: number[],",
        "where?: string | null,",
        "extra?: {",
        "  deep?: boolean,",
        "},",
        "}) => any;",
        "",
        "} // namespace functions",
      ].join("\n"),
    );
  });
});

describe("chat edge cases", () => {
  test("an empty conversation is the reply priming alone", async () => {
    expect((await countChatTokens([], "gpt-4o")).tokens).toBe(3);
  });

  test("content parts and null content", async () => {
    const asParts = await countChatTokens(
      [
        {
          role: "user",
          content: [
            { type: "text", text: "hello " },
            { type: "text", text: "world" },
          ],
        },
      ],
      "gpt-4o",
    );
    const asString = await countChatTokens([{ role: "user", content: "hello world" }], "gpt-4o");
    expect(asParts.tokens).toBe(asString.tokens);
    expect((await countChatTokens([{ role: "assistant", content: null }], "gpt-4o")).tokens).toBe(
      3 + 1 + 3,
    );
  });

  test("special-token strings in messages are plain text", async () => {
    const count = await countChatTokens(
      [{ role: "user", content: "<|im_start|>system<|im_end|><|endoftext|>" }],
      "gpt-4o",
    );
    expect(count.tokens).toBeGreaterThan(10);
  });

  test("models without an API-confirmed chat format are counted but not exact", async () => {
    const count = await countChatTokens(cookbook.example_messages, "gpt-4.1");
    expect(count.tokens).toBe(124);
    expect(count.exact).toBe(false);
    expect(count.method).toContain("not API-confirmed");
  });

  test("assistant tool_calls are counted and marked as not API-confirmed", async () => {
    const count = await countChatTokens(
      [
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "do_stuff", arguments: "{}" } },
          ],
        },
      ],
      "gpt-4o",
    );
    const tokenizer = await getTokenizer("gpt-4o");
    expect(count.tokens).toBe(
      3 +
        3 +
        tokenizer.count("assistant") +
        tokenizer.count("do_stuff") +
        tokenizer.count("{}") +
        3,
    );
    expect(count.exact).toBe(false);
  });

  test.each([
    [[{ content: "secret text 77" }], "messages[0].role"],
    [[{ role: "user", content: 42 }], "messages[0].content"],
    [
      [
        { role: "user", content: "ok" },
        { role: "user", name: 5, content: "secret text 77" },
      ],
      "messages[1].name",
    ],
  ])("bad message %# names the field, not the text", async (messages, path) => {
    const error = await countChatTokens(messages as unknown as ChatMessage[], "gpt-4o").catch(
      (e: unknown) => e,
    );
    expect(isTokenmeterError(error, "INVALID_INPUT")).toBe(true);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).not.toContain("secret");
  });

  test("not an array", async () => {
    const error = await countChatTokens("hi" as unknown as ChatMessage[], "gpt-4o").catch(
      (e: unknown) => e,
    );
    expect(isTokenmeterError(error, "INVALID_INPUT")).toBe(true);
  });
});

describe("estimators' chat overhead equals ai-tokenizer's calibrated count", () => {
  // ai-tokenizer's own `count()` is the implementation whose accuracy is published; tokenmeter
  // re-implements its text path without loading its model table, so the two must agree.
  const conversation: ChatMessage[] = [
    { role: "system", content: "You are a careful assistant. Answer in one paragraph." },
    { role: "user", content: "What does a token cost on the API, compared to a subscription?" },
    {
      role: "assistant",
      content: "It depends on the model: input tokens are cheaper than output tokens, and … 💸",
    },
    { role: "user", content: "Explique-moi en français, s'il te plaît. 日本語でも。" },
  ];
  test.each([
    ["claude-sonnet-4-5", "anthropic/claude-sonnet-4.5", claudeEncoding],
    ["claude-3-5-haiku-20241022", "anthropic/claude-3.5-haiku", claudeEncoding],
    ["gemini-2.5-pro", "google/gemini-2.5-pro", o200kEncoding],
    ["gemini-2.0-flash", "google/gemini-2.0-flash", o200kEncoding],
  ] as const)("%s", async (model, aiModel, encoding) => {
    const reference = aiTokenizerCount({
      // The sdk's declared Tokenizer type differs from the index's (two bundles); same class.
      tokenizer: new AiTokenizer(encoding) as never,
      model: models[aiModel],
      messages: conversation as never,
    }).total;
    const ours = await countChatTokens(conversation, model);
    expect(ours.tokens).toBe(reference);
    expect(ours.exact).toBe(false);
  });
});

describe("published counts for non-OpenAI models (documented error)", () => {
  test("Gemini: Google's local-tokenizer examples", async () => {
    // Vertex AI docs (get_tokenizer_for_model("gemini-1.5-flash-002")): "hello world" → 2,
    // "why is the sky blue?" → 6; docs.rs gemini-tokenizer (Gemma 3 model, as the Python SDK):
    // "What is your name?" → 5, "Hello, world!" → 4.
    for (const [text, tokens] of [
      ["hello world", 2],
      ["why is the sky blue?", 6],
      ["What is your name?", 5],
      ["Hello, world!", 4],
    ] as const) {
      expect((await countChatTokens([], "gemini-2.5-flash")).tokens).toBe(0);
      const { countTokens } = await import("../../packages/core/src/tokens/index.ts");
      expect((await countTokens(text, "gemini-2.5-flash")).tokens).toBe(tokens);
    }
  });

  test("Claude: Anthropic's token-counting example is 14; the estimate is 19", async () => {
    // platform.claude.com "Token counting": system "You are a scientist", user "Hello, Claude" →
    // {"input_tokens": 14} (claude-sonnet-4-5 per LangChain's docs of the same call). The fixed
    // overhead (6 + 2 per message) is calibrated on requests of ≈500 tokens and more, so a
    // two-message request of a few words is over-estimated by 5 tokens. Asserted so that a change
    // in the estimator shows up here.
    const count = await countChatTokens(
      [
        { role: "system", content: "You are a scientist" },
        { role: "user", content: "Hello, Claude" },
      ],
      "claude-sonnet-4-5",
    );
    expect(count.tokens).toBe(19);
    expect(Math.abs(count.tokens - 14)).toBeLessThanOrEqual(5);
  });
});
