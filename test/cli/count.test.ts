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
      stdin: Buffer.from([0x41, 0x42, 0x00, 0xff, 0x10]),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("stdin contains binary data (a NUL byte at byte 2)");
  });

  it("points a zip (an export) to estimate, and a gzip to gunzip (exit 1)", async () => {
    const zip = await runCli(["count", "-", "-m", "gpt-4o"], {
      stdin: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10]),
    });
    expect(zip.code).toBe(1);
    expect(zip.stderr).toContain(
      "stdin is a zip archive, not a text: for a ChatGPT or Claude.ai export run `tokenmeter estimate` on the .zip.",
    );
    const gzip = await runCli(["count", "-", "-m", "gpt-4o"], {
      stdin: Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
    });
    expect(gzip.stderr).toContain("stdin is gzip-compressed: decompress it first (gunzip).");
  });

  it("reads UTF-16 text (as Windows editors save it) and counts the same text as UTF-8 would", async () => {
    const utf8 = await runCliJson<CountJson>(["count", "-", "-m", "gpt-4o", "--at", AT], {
      stdin: TEXT,
    });
    for (const [bom, encoding] of [
      [Buffer.from([0xff, 0xfe]), "utf16le"],
      [Buffer.from([0xfe, 0xff]), "utf16be"],
    ] as const) {
      const body =
        encoding === "utf16le"
          ? Buffer.from(TEXT, "utf16le")
          : Buffer.from(TEXT, "utf16le").swap16();
      const { json, result } = await runCliJson<CountJson>(
        ["count", "-", "-m", "gpt-4o", "--at", AT],
        { stdin: Buffer.concat([bom, body]) },
      );
      expect(result.stderr).toBe("");
      expect(json.input.characterCount).toBe(TEXT.length);
      expect(json.models[0]?.totalTokens).toBe(utf8.json.models[0]?.totalTokens);
    }
    const table = await runCli(["count", "-", "-m", "gpt-4o", "--at", AT], {
      stdin: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hi", "utf16le")]),
    });
    expect(table.stdout).toMatch(/^stdin: plain text \(read as UTF-16LE\), 2 characters/);
  });

  it("counts a request body on the model it names when no --model is given", async () => {
    const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello there" }] };
    const { json } = await runCliJson<CountJson>(["count", "-", "--at", AT], {
      stdin: JSON.stringify(body),
    });
    expect(json.models.map((model) => model.model)).toEqual(["gpt-4o-mini"]);
    // --model wins over the body's model.
    const chosen = await runCliJson<CountJson>(["count", "-", "--at", AT, "-m", "gpt-4o"], {
      stdin: JSON.stringify(body),
    });
    expect(chosen.json.models.map((model) => model.model)).toEqual(["gpt-4o"]);
    // A model the table does not know: the default, with a warning that does not quote it.
    const unknown = await runCli(["count", "-", "--json"], {
      stdin: JSON.stringify({ ...body, model: `private-${PRIVATE_MARKER}` }),
    });
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/names a model the pricing table does not know; counting on /);
    expect(unknown.stderr).not.toContain(PRIVATE_MARKER);
  });
});
