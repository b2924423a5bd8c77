import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type ConversationLogRecord,
  detectLogFormat,
  findExportEntries,
  type LogFormat,
  readLog,
} from "@tokenmeter/core";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  conversationSpecsSchema,
  createConversationBuilder,
  createIdSource,
  createRandom,
} from "../../scripts/make-synthetic-export.ts";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(`${EXAMPLES}${name}`));

describe("examples/ (the README demo)", () => {
  const entries = unzipSync(read("chatgpt-export.zip"));
  const conversationsJson = entries["conversations.json"] ?? new Uint8Array();

  it("the zip is a ChatGPT export whose conversations.json is rebuilt byte for byte from its specs", () => {
    expect(findExportEntries(Object.keys(entries))).toEqual([
      { name: "conversations.json", format: "chatgpt-export" },
    ]);
    expect(detectLogFormat("conversations.json", conversationsJson)).toBe("chatgpt-export");
    const specs = conversationSpecsSchema.parse(
      JSON.parse(new TextDecoder().decode(read("chatgpt-export-specs.json"))),
    );
    const build = createConversationBuilder(createIdSource(createRandom(1)));
    const rebuilt = `${JSON.stringify(
      specs.map((spec) => build(spec as Parameters<typeof build>[0])),
      null,
      2,
    )}\n`;
    expect(new TextDecoder().decode(conversationsJson)).toBe(rebuilt);
  });

  it("the ChatGPT export reads cleanly: 10 conversations over 6 months and 6 model slugs, all mapped", async () => {
    const { records, issues, summary } = await readLog("chatgpt-export", [conversationsJson], {
      fileName: "chatgpt-export.zip!conversations.json",
    });
    expect(issues).toEqual([]);
    const conversations = records as ConversationLogRecord[];
    expect(conversations).toHaveLength(10);
    expect(new Set(conversations.map((record) => record.createdAt?.slice(0, 7)))).toEqual(
      new Set(["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]),
    );
    const slugs = new Set(
      conversations.flatMap((record) => record.messages.map((message) => message.model)),
    );
    slugs.delete(undefined);
    expect([...slugs].sort()).toEqual([
      "gpt-4o",
      "gpt-4o-mini",
      "gpt-5",
      "gpt-5-instant",
      "gpt-5-thinking",
      "o3",
    ]);
    expect(summary.unmappedModels).toEqual({});
    expect(conversations.filter((record) => record.systemPrompt !== undefined)).toHaveLength(5);
    expect(summary.skippedMessages).toEqual({
      otherBranches: 4,
      hidden: 10,
      reasoning: 12,
      tool: 2,
    });
  });

  it.each([
    ["openai-api.jsonl", "openai-api", { usage: 9, conversation: 0, call: 0 }, ["REQUEST_FAILED"]],
    [
      "completions_usage_2025-09-01_2025-11-30.csv",
      "openai-usage-csv",
      { usage: 7, conversation: 0, call: 0 },
      [],
    ],
    [
      "claude-code/-home-demo-todo-app/5d2f0c1e-7a44-4b9e-9a51-2c0d6b7e8f10.jsonl",
      "claude-code",
      { usage: 4, conversation: 0, call: 0 },
      ["SYNTHETIC_MODEL"],
    ],
    ["generic.jsonl", "generic-jsonl", { usage: 2, conversation: 0, call: 1 }, []],
  ] as [string, LogFormat, object, string[]][])(
    "%s is detected as %s and reads cleanly",
    async (name, format, counts, codes) => {
      const bytes = read(name);
      expect(detectLogFormat(`examples/${name}`, bytes)).toBe(format);
      const { issues, summary } = await readLog(format, [bytes], { fileName: name });
      expect(summary.records).toEqual(counts);
      expect(summary.recordsSkipped).toBe(0);
      expect(issues.map((issue) => issue.code)).toEqual(codes);
    },
  );
});
