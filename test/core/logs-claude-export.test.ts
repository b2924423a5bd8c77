import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readLog } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const name = "claude-export-conversations.json";
const bytes = new Uint8Array(readFileSync(`${FIXTURES}${name}`));
const NO_SKIPS = {
  otherBranches: 0,
  hidden: 0,
  system: 0,
  tool: 0,
  reasoning: 0,
  context: 0,
  empty: 0,
  unsupported: 0,
};

describe("Claude.ai export", () => {
  it("reads visible text, attachment text, and says no model was recorded", async () => {
    const { records, issues, summary } = await readLog("claude-export", [bytes], {
      fileName: name,
    });
    expect(issues).toEqual([]);
    expect(records[0]).toEqual({
      kind: "conversation",
      format: "claude-export",
      id: "11111111-aaaa-4aaa-8aaa-000000000001",
      title: "Garden plan",
      createdAt: "2025-02-10T09:00:00.000Z",
      updatedAt: "2025-02-10T09:05:00.000Z",
      modelRecorded: false,
      messages: [
        {
          role: "user",
          // The text Claude extracted from bed-notes.txt was part of the prompt.
          text: "Which vegetables suit a shady bed?\n\nBed: 2 m x 1 m, 3 h of sun.",
          timestamp: "2025-02-10T09:00:00.000Z",
          unpriced: [
            { kind: "file", contentType: "application/pdf" },
            { kind: "image", contentType: "image" },
          ],
        },
        {
          role: "assistant",
          text: "Leafy greens: lettuce, spinach, chard.\n\nHerbs like mint and parsley too.",
          timestamp: "2025-02-10T09:00:20.000Z",
        },
      ],
      skipped: { ...NO_SKIPS, tool: 2, reasoning: 1, empty: 1 },
      source: { file: name, byteOffset: 4, path: "$[0]" },
    });
    expect(summary).toMatchObject({
      records: { conversation: 3 },
      unpricedItems: { file: 1, image: 1 },
    });
  });

  it("keeps only the branch that ends at current_leaf_message_uuid", async () => {
    const { records } = await readLog("claude-export", [bytes], { fileName: name });
    const second = records[1];
    expect(
      second?.kind === "conversation" && second.messages.map((message) => message.text),
    ).toEqual([
      "Translate 'good morning' to German.",
      "Guten Morgen.",
      "And to Portuguese?",
      "Bom dia.",
    ]);
    expect(second?.kind === "conversation" && second.skipped.otherBranches).toBe(2);
  });

  it("rejects a ChatGPT conversation with a pointer to the right format", async () => {
    const chatgpt = new Uint8Array(readFileSync(`${FIXTURES}mitkury--example-conversation.json`));
    const { records, issues } = await readLog("claude-export", [chatgpt], { fileName: "c.json" });
    expect(records).toEqual([]);
    expect(issues[0]?.reason).toContain("--format chatgpt-export");
  });
});
