import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { genericLogLineSchema, readLog } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const name = "generic.jsonl";
const bytes = new Uint8Array(readFileSync(`${FIXTURES}${name}`));

describe("generic JSONL", () => {
  it("reads usage lines and message lines", async () => {
    const { records } = await readLog("generic-jsonl", [bytes], { fileName: name });
    expect(records).toEqual([
      {
        kind: "usage",
        format: "generic-jsonl",
        timestamp: "2025-03-01T12:00:00.000Z",
        model: "gpt-4o",
        usage: {
          inputTokens: 1200,
          cachedInputTokens: 800,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 300,
          reasoningTokens: 0,
        },
        requestCount: 1,
        conversationId: "chat-7",
        source: { file: name, line: 1, byteOffset: 0 },
      },
      {
        kind: "call",
        format: "generic-jsonl",
        timestamp: "2025-03-01T12:00:00.000Z", // 1740830400 seconds
        model: "claude-sonnet-4-5",
        messages: [
          { role: "system", text: "Be brief." },
          { role: "user", text: "Hi!" },
          { role: "assistant", text: "Hello! How can I help?" },
        ],
        id: "call-2",
        source: expect.objectContaining({ line: 2 }),
      },
      {
        kind: "usage",
        format: "generic-jsonl",
        timestamp: "2025-03-03T11:06:40.000Z", // 1741000000000 milliseconds
        model: "gpt-4o-mini",
        usage: {
          inputTokens: 50_000,
          cachedInputTokens: 0,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 9000,
          reasoningTokens: 0,
        },
        requestCount: 25,
        serviceTier: "batch",
        source: expect.objectContaining({ line: 6 }),
      },
    ]);
  });

  it("names the field of each invalid line and never its content", async () => {
    const { issues } = await readLog("generic-jsonl", [bytes], { fileName: name });
    expect(issues.map((issue) => [issue.line, issue.code, issue.reason])).toEqual([
      [
        3,
        "BAD_RECORD",
        'not a valid generic log line: field "model": expected the model id as a string',
      ],
      [
        4,
        "BAD_RECORD",
        'not a valid generic log line: field "usage": needs either "usage" (token counts) or "messages" (the text of the call)',
      ],
      [
        5,
        "BAD_RECORD",
        'field "timestamp": expected an ISO 8601 date-time (2025-03-01T12:00:00Z) or a Unix time in seconds',
      ],
      [
        7,
        "BAD_RECORD",
        'not a valid generic log line: field "usage.inputTokens": expected a whole, non-negative number of tokens',
      ],
    ]);
    expect(JSON.stringify(issues)).not.toContain("yesterday");
  });

  it("documents its schema with zod (valid examples parse, defaults fill in)", () => {
    expect(
      genericLogLineSchema.parse({
        timestamp: "2025-03-01T12:00:00Z",
        model: "gpt-4o",
        usage: { inputTokens: 1, outputTokens: 2 },
      }).usage,
    ).toEqual({
      inputTokens: 1,
      cachedInputTokens: 0,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 2,
      reasoningTokens: 0,
    });
    expect(genericLogLineSchema.safeParse({ timestamp: 1, model: "m", messages: [] }).success).toBe(
      false,
    );
  });
});
