import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  createLogReader,
  isTokenmeterError,
  type LogFormat,
  type LogIssue,
  readLog,
} from "@tokenmeter/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES}${name}`));
const encode = (text: string) => new TextEncoder().encode(text);

const CASES: [LogFormat, string][] = [
  ["chatgpt-export", "chatgpt-edge-cases.json"],
  ["chatgpt-export", "polylogue--native-conversation-v1.json"],
  ["claude-export", "claude-export-conversations.json"],
  ["openai-api", "openai-api.jsonl"],
  ["openai-usage-csv", "completions_usage_2025-03-01_2025-03-03.csv"],
  ["claude-code", "claude-code-session.jsonl"],
  ["generic-jsonl", "generic.jsonl"],
];

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  return chunks;
}

describe("streaming: chunk boundaries never change the result", () => {
  it.each(CASES)("%s %s in 1-byte chunks equals one chunk", async (format, name) => {
    const bytes = fixture(name);
    const whole = await readLog(format, [bytes], { fileName: name });
    const oneByte = Array.from(bytes, (_, index) => bytes.subarray(index, index + 1));
    expect(await readLog(format, oneByte, { fileName: name })).toEqual(whole);
    expect(whole.records.length).toBeGreaterThan(0);
  });

  it.each(CASES)("%s %s in random chunks equals one chunk", async (format, name) => {
    const bytes = fixture(name);
    const whole = await readLog(format, [bytes], { fileName: name });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (cuts) => {
        const chunked = await readLog(format, split(bytes, cuts), { fileName: name });
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  it("does not depend on the caller keeping its buffer: a reused chunk buffer gives the same result", async () => {
    const name = "openai-api.jsonl";
    const bytes = fixture(name);
    const whole = await readLog("openai-api", [bytes], { fileName: name });
    const records: unknown[] = [];
    const issues: LogIssue[] = [];
    const reader = createLogReader("openai-api", {
      fileName: name,
      onRecord: (record) => records.push(record),
      onIssue: (issue) => issues.push(issue),
    });
    const buffer = new Uint8Array(7);
    for (let at = 0; at < bytes.length; at += buffer.length) {
      const part = bytes.subarray(at, at + buffer.length);
      buffer.set(part);
      reader.write(buffer.subarray(0, part.length));
      buffer.fill(0x21); // scribble over it, as a stream reusing its buffer would
    }
    const summary = reader.end();
    expect({ records, issues, summary }).toEqual(whole);
  });
});

describe("huge and hostile input", () => {
  it("keeps a long multi-byte message intact whatever the chunk boundaries", async () => {
    const text = "日本語 ✓ émoji 🚀 Ωmega ".repeat(12_000); // ~400 KB of UTF-8, past any string buffer
    const conversation = {
      id: "long",
      current_node: "b",
      mapping: {
        a: {
          id: "a",
          parent: null,
          children: ["b"],
          message: { author: { role: "user" }, content: { content_type: "text", parts: [text] } },
        },
        b: {
          id: "b",
          parent: "a",
          children: [],
          message: {
            author: { role: "assistant" },
            content: { content_type: "text", parts: ["ok"] },
          },
        },
      },
    };
    const bytes = encode(JSON.stringify([conversation]));
    const whole = await readLog("chatgpt-export", [bytes], { fileName: "long.json" });
    const first = whole.records[0];
    expect(first?.kind === "conversation" && first.messages[0]?.text).toBe(text);
    for (const size of [1_000, 65_537, 3]) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect(await readLog("chatgpt-export", chunks, { fileName: "long.json" })).toEqual(whole);
    }
  });

  it("skips a 100 MB line without holding it, and reads the lines around it", () => {
    const before = encode(
      `${JSON.stringify({ timestamp: "2025-01-01T00:00:00Z", model: "gpt-4o", usage: { inputTokens: 1, outputTokens: 2 } })}\n`,
    );
    const after = encode(
      `\n${JSON.stringify({ timestamp: "2025-01-02T00:00:00Z", model: "gpt-4o", usage: { inputTokens: 3, outputTokens: 4 } })}\n`,
    );
    const chunk = new Uint8Array(1 << 20).fill(0x61); // 1 MiB of "a", written 100 times
    const lines: number[] = [];
    const issues: LogIssue[] = [];
    const reader = createLogReader("generic-jsonl", {
      fileName: "huge.jsonl",
      onRecord: (record) => lines.push(record.source.line ?? -1),
      onIssue: (issue) => issues.push(issue),
    });
    reader.write(before);
    let peakArrayBuffers = 0;
    for (let i = 0; i < 100; i += 1) {
      reader.write(chunk);
      peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
    }
    reader.write(after);
    const summary = reader.end();
    expect(lines).toEqual([1, 3]);
    expect(issues).toMatchObject([{ code: "LINE_TOO_LONG", line: 2, byteOffset: before.length }]);
    expect(issues[0]?.reason).toContain(`${(100 * 2 ** 20).toLocaleString("en-US")} bytes`);
    // The reader holds at most the 32 MiB line cap (plus the caller's 1 MiB chunk), not 100 MiB.
    expect(peakArrayBuffers).toBeLessThan(48 * 2 ** 20);
    expect(summary).toMatchObject({
      linesRead: 3,
      recordsSkipped: 1,
      bytesRead: before.length + 100 * 2 ** 20 + after.length,
    });
  });

  it("honours a smaller maxLineBytes", async () => {
    const { issues } = await readLog("openai-api", [fixture("openai-api.jsonl")], {
      fileName: "a.jsonl",
      maxLineBytes: 400,
    });
    // Lines 1 (588 bytes) and 2 (440 bytes) are the only ones above 400 bytes (measured with awk).
    expect(
      issues.filter((issue) => issue.code === "LINE_TOO_LONG").map((issue) => issue.line),
    ).toEqual([1, 2]);
  });

  it.each([
    ["openai-api" as const],
    ["claude-code" as const],
    ["generic-jsonl" as const],
    ["openai-usage-csv" as const],
    ["claude-export" as const],
  ])("%s: binary garbage is one BINARY issue, not thousands of bad lines", async (format) => {
    const garbage = new Uint8Array(300_000).map((_, index) => (index * 2_654_435_761) >>> 24);
    const { records, issues, summary } = await readLog(format, [garbage], {
      fileName: "garbage.bin",
    });
    expect(records).toEqual([]);
    expect(issues.map((issue) => issue.code)).toEqual(["BINARY"]);
    expect(summary.complete).toBe(false);
  });

  it("reads garbage text lines as bad JSON, counting each with its line number", async () => {
    const text = encode('not json\n{"half": \n\u00ff\u00fe odd \uFFFD bytes\n');
    const { issues, summary } = await readLog("claude-code", [text], { fileName: "junk.jsonl" });
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([
      ["BAD_JSON", 1],
      ["BAD_JSON", 2],
      ["BAD_JSON", 3],
    ]);
    expect(summary.recordsSkipped).toBe(3);
    expect(JSON.stringify(issues)).not.toContain("odd");
  });

  it("invalid UTF-8 inside a JSONL string does not crash; the line is still read", async () => {
    const prefix = encode(
      '{"timestamp":"2025-01-01T00:00:00Z","model":"gpt-4o","messages":[{"role":"user","content":"a',
    );
    const suffix = encode('b"}]}\n');
    const line = new Uint8Array([...prefix, 0xc3, 0x28, ...suffix]);
    const { records, issues } = await readLog("generic-jsonl", [line], { fileName: "u.jsonl" });
    expect(issues).toEqual([]);
    expect(records[0]?.kind === "call" && records[0].messages[0]?.text).toBe("a\uFFFD(b");
  });

  it.each([
    ["openai-api" as const, "empty.jsonl", ""],
    ["generic-jsonl" as const, "blank.jsonl", "\n\n  \n"],
    ["openai-usage-csv" as const, "empty.csv", ""],
  ])("%s: an empty file is one EMPTY_FILE issue", async (format, name, text) => {
    const { records, issues } = await readLog(format, [encode(text)], { fileName: name });
    expect(records).toEqual([]);
    expect(issues.map((issue) => issue.code)).toEqual(["EMPTY_FILE"]);
  });

  it("strict mode throws BAD_LOG at the first malformed JSONL line, naming the file and line", async () => {
    let error: unknown;
    try {
      await readLog("openai-api", [fixture("openai-api.jsonl")], {
        fileName: "api.jsonl",
        strict: true,
      });
    } catch (caught) {
      error = caught;
    }
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    expect((error as Error).message).toMatch(
      /^api\.jsonl:6 \(byte \d+\): line 6 is not valid JSON/,
    );
    expect((error as { details: unknown }).details).toMatchObject({
      file: "api.jsonl",
      line: 6,
      issue: "BAD_JSON",
    });
    expect((error as Error).message).not.toContain("chatcmpl-broken");
  });

  it("refuses writes after end() and unknown formats", () => {
    const reader = createLogReader("generic-jsonl", { fileName: "g.jsonl", onRecord: () => {} });
    reader.end();
    expect(() => reader.write(encode("{}"))).toThrow(/after end/);
    expect(reader.end()).toMatchObject({ file: "g.jsonl" });
    expect(() =>
      createLogReader("excel" as LogFormat, { fileName: "x", onRecord: () => {} }),
    ).toThrow(/Unknown log format/);
  });
});

describe("privacy: issues and errors never contain what the user wrote", () => {
  const SENTINEL = "SECRET-7f3a-do-not-echo";

  it.each([
    ["openai-api" as const, `{"object":"chat.completion","model":"gpt-4o","note":"${SENTINEL}",\n`],
    [
      "generic-jsonl" as const,
      `{"timestamp":"${SENTINEL}","model":"gpt-4o","usage":{"inputTokens":1,"outputTokens":1}}\n`,
    ],
    [
      "generic-jsonl" as const,
      `{"timestamp":1,"model":"gpt-4o","messages":[{"role":"${SENTINEL}","content":"x"}]}\n`,
    ],
    [
      "claude-code" as const,
      `{"message":{"model":"claude-x","usage":{"input_tokens":"${SENTINEL}"}},"timestamp":"2025-01-01T00:00:00Z"}\n`,
    ],
    [
      "chatgpt-export" as const,
      `[{"title":"${SENTINEL}","mapping":{"a":{"message":{"content":{"parts":["${SENTINEL}`,
    ],
    ["chatgpt-export" as const, `[{"title":"${SENTINEL}"}, ${SENTINEL}]`],
    ["claude-export" as const, `{"name":"${SENTINEL}","chat_messages":"${SENTINEL}"}`],
    [
      "openai-usage-csv" as const,
      `start_time,model,input_tokens,output_tokens\n1,"${SENTINEL}",${SENTINEL},1\n`,
    ],
    [
      "openai-usage-csv" as const,
      `start_time,model,input_tokens,output_tokens\n1,"${SENTINEL}"x,1,1\n`,
    ],
  ])("%s: %#", async (format, text) => {
    const issues: LogIssue[] = [];
    let message = "";
    for (const strict of [false, true]) {
      try {
        const result = await readLog(format, [encode(text)], { fileName: "f", strict });
        issues.push(...result.issues);
      } catch (error) {
        message += String(
          error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : error,
        );
      }
    }
    expect(issues.length + message.length).toBeGreaterThan(0);
    expect(JSON.stringify(issues)).not.toContain(SENTINEL);
    expect(message).not.toContain(SENTINEL);
  });
});
