import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { countChatTokens, countTokens, priceUsage } from "@tokenmeter/core";
import { afterAll, describe, expect, it } from "vitest";
import {
  PRIVATE_MARKER,
  removeTempDirs,
  runCli,
  runCliJson,
  sameToMicroDollar,
  tempDir,
} from "./support/run-cli.ts";

interface CountJson {
  pricingVersion: string;
  at: string;
  input: { kind: "text" | "chat"; messageCount: number; characterCount: number };
  models: {
    model: string;
    exact: boolean;
    method: string;
    totalTokens: number;
    messages: {
      index: number;
      role: string;
      tokens: number;
      sendUsd: number;
      receiveUsd: number;
    }[];
    chatRequest: { inputTokens: number; exact: boolean; inputUsd: number } | null;
  }[];
}

const AT = "2025-10-01";
// Special-token strings, emoji, CJK and RTL text: counted as plain text, never a crash.
const TEXT = `Hello <|endoftext|> world <|im_start|>system — naïve café 東京 🚀 مرحبا ${PRIVATE_MARKER}\n`;

afterAll(removeTempDirs);

describe("tokenmeter count", () => {
  it("counts text from stdin on several models, exact for OpenAI and estimated otherwise, priced by core", async () => {
    const { json, result } = await runCliJson<CountJson>(
      ["count", "-", "--model", "gpt-4o", "-m", "claude-sonnet-4-5,gpt-3.5-turbo", "--at", AT],
      { stdin: TEXT },
    );
    expect(result.stderr).toBe("");
    expect(json.input).toMatchObject({
      kind: "text",
      messageCount: 1,
      characterCount: TEXT.length,
    });
    expect(json.models.map((model) => model.model)).toEqual([
      "gpt-4o",
      "claude-sonnet-4-5",
      "gpt-3.5-turbo",
    ]);
    for (const shown of json.models) {
      const expected = await countTokens(TEXT, shown.model);
      expect(shown.totalTokens).toBe(expected.tokens);
      expect(shown.exact).toBe(expected.exact);
      expect(shown.method).toBe(expected.method);
      const [message] = shown.messages;
      expect(message?.tokens).toBe(expected.tokens);
      const send = priceUsage({ inputTokens: expected.tokens }, shown.model, { at: AT }).totalUsd;
      const receive = priceUsage({ outputTokens: expected.tokens }, shown.model, {
        at: AT,
      }).totalUsd;
      expect(sameToMicroDollar(message?.sendUsd ?? Number.NaN, send)).toBe(true);
      expect(sameToMicroDollar(message?.receiveUsd ?? Number.NaN, receive)).toBe(true);
    }
    expect(json.models.map((model) => model.exact)).toEqual([true, false, true]);
  });

  it("counts a chat per message and as one request (with the chat format's overhead)", async () => {
    const messages = [
      { role: "system", content: "You are a helpful, pattern-following assistant." },
      { role: "user", content: `Translate ${PRIVATE_MARKER} into French.` },
      { role: "assistant", content: "Traduisez-le en français." },
    ];
    const dir = tempDir("tokenmeter-count-");
    const file = join(dir, "chat.json");
    writeFileSync(file, JSON.stringify({ model: "gpt-4o", messages }));
    const { json } = await runCliJson<CountJson>([
      "count",
      file,
      "-m",
      "gpt-4o",
      "-m",
      "gpt-4o-mini",
      "--at",
      AT,
    ]);
    expect(json.input).toMatchObject({ kind: "chat", messageCount: 3 });
    for (const shown of json.models) {
      const perMessage = await Promise.all(
        messages.map(async (message) => (await countTokens(message.content, shown.model)).tokens),
      );
      expect(shown.messages.map((message) => message.tokens)).toEqual(perMessage);
      expect(shown.messages.map((message) => message.role)).toEqual([
        "system",
        "user",
        "assistant",
      ]);
      const request = await countChatTokens(messages, shown.model);
      expect(shown.chatRequest?.inputTokens).toBe(request.tokens);
      expect(shown.chatRequest?.exact).toBe(request.exact);
      const usd = priceUsage({ inputTokens: request.tokens }, shown.model, { at: AT }).totalUsd;
      expect(sameToMicroDollar(shown.chatRequest?.inputUsd ?? Number.NaN, usd)).toBe(true);
    }
  });

  it("prints a per-message table and a CSV with raw numbers", async () => {
    const table = await runCli(["count", "-", "-m", "gpt-4o", "--at", AT], { stdin: "Hi there" });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /#\s+Role\s+Chars\s+Model\s+Tokens\s+Count\s+Send \(input\)\s+Receive \(output\)/,
    );
    expect(table.stdout).toContain("tiktoken o200k_base");
    const csv = await runCli(["count", "-", "-m", "gpt-4o", "--at", AT, "--csv"], {
      stdin: "Hi there",
    });
    const [header, row] = csv.stdout.split("\r\n");
    expect(header).toBe("message,role,characters,model,tokens,exact,sendUsd,receiveUsd");
    const tokens = (await countTokens("Hi there", "gpt-4o")).tokens;
    expect(row?.split(",").slice(0, 6)).toEqual([
      "1",
      "text",
      "8",
      "gpt-4o",
      String(tokens),
      "exact",
    ]);
  });

  it.each([
    [["count", "no-such-file.txt", "-m", "gpt-4o"], 1, /File not found: no-such-file\.txt/],
    [["count", "test/fixtures/cli", "-m", "gpt-4o"], 1, /is a directory/],
    [["count", "-", "-m", "gpt-4o", "--as", "chat"], 1, /stdin is not a chat/],
    [["count", "-", "-m", "gpt-9-omega"], 2, /Unknown model "gpt-9-omega"/],
  ] as const)("bad input %j exits %i", async (args, code, message) => {
    const result = await runCli(args, { stdin: `plain ${PRIVATE_MARKER} text` });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("refuses binary data without echoing it (exit 1)", async () => {
    const result = await runCli(["count", "-", "-m", "gpt-4o"], {
      stdin: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10]),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("stdin contains binary data (a NUL byte at byte 4)");
  });
});
