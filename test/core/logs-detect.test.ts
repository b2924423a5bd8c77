import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { detectLogFormat, findExportEntries } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES}${name}`));
const encode = (text: string) => new TextEncoder().encode(text);

describe("detectLogFormat", () => {
  it.each([
    ["polylogue--native-conversation-v1.json", "chatgpt-export"],
    ["mitkury--example-conversation.json", "chatgpt-export"],
    ["chatgpt-edge-cases.json", "chatgpt-export"],
    ["claude-export-conversations.json", "claude-export"],
    ["openai-api.jsonl", "openai-api"],
    ["completions_usage_2025-03-01_2025-03-03.csv", "openai-usage-csv"],
    ["claude-code-session.jsonl", "claude-code"],
    ["ccusage--project-alpha--session-alpha--chat.jsonl", "claude-code"],
    ["polylogue--claude-normalization-main.jsonl", "claude-code"],
    ["generic.jsonl", "generic-jsonl"],
  ])("%s → %s", (name, format) => {
    expect(detectLogFormat(name, fixture(name))).toBe(format);
  });

  it("works from the content when the name says nothing", () => {
    expect(detectLogFormat("download", fixture("openai-api.jsonl"))).toBe("openai-api");
    expect(detectLogFormat("data.txt", fixture("chatgpt-edge-cases.json"))).toBe("chatgpt-export");
    expect(detectLogFormat("export", fixture("completions_usage_2025-03-01_2025-03-03.csv"))).toBe(
      "openai-usage-csv",
    );
  });

  it("knows a Claude Code log by its path even when the first line is long", () => {
    const long = encode(`{"type":"user","message":{"content":"${"x".repeat(70_000)}"}}\n`);
    expect(detectLogFormat("/home/me/.claude/projects/app/1234.jsonl", long)).toBe("claude-code");
  });

  it("decides on a first line longer than the sample by its field names", () => {
    const line = encode(
      `{"id":"batch_req_1","custom_id":"t1","response":{"body":{"text":"${"y".repeat(70_000)}"}}}\n`,
    );
    expect(detectLogFormat("out.jsonl", line)).toBe("openai-api");
  });

  it.each([
    ["binary", new Uint8Array([0, 1, 2, 3, 0, 0])],
    ["zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])],
    ["empty", new Uint8Array(0)],
    ["prose", encode("Dear diary, today I asked ChatGPT about input_tokens.")],
    ["unrelated JSON", encode('[{"name":"x"}]')],
    ["unrelated JSONL", encode('{"a":1}\n{"a":2}\n')],
  ])("returns undefined for %s", (_label, bytes) => {
    expect(detectLogFormat("file", bytes)).toBeUndefined();
  });
});

describe("findExportEntries", () => {
  it("finds conversations.json and tells ChatGPT from Claude.ai exports by their sibling files", () => {
    expect(
      findExportEntries(["chat.html", "conversations.json", "user.json", "message_feedback.json"]),
    ).toEqual([{ name: "conversations.json", format: "chatgpt-export" }]);
    expect(findExportEntries(["users.json", "projects.json", "conversations.json"])).toEqual([
      { name: "conversations.json", format: "claude-export" },
    ]);
    expect(
      findExportEntries([
        "export/conversations-001.json",
        "export/conversations-000.json",
        "__MACOSX/conversations.json",
      ]),
    ).toEqual([
      { name: "export/conversations-000.json", format: undefined },
      { name: "export/conversations-001.json", format: undefined },
    ]);
    expect(findExportEntries(["user.json", "chat.html"])).toEqual([]);
  });
});
