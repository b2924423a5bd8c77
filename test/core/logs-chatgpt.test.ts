import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type ConversationLogRecord,
  createLogReader,
  isTokenmeterError,
  type LogRecord,
  readLog,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES}${name}`));
const encode = (text: string) => new TextEncoder().encode(text);

function conversations(records: LogRecord[]): ConversationLogRecord[] {
  return records.filter(
    (record): record is ConversationLogRecord => record.kind === "conversation",
  );
}

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

describe("ChatGPT export: copied fixtures", () => {
  it("reads polylogue's conversation object: active branch, visible text, custom instructions, images", async () => {
    const name = "polylogue--native-conversation-v1.json";
    const { records, issues, summary } = await readLog("chatgpt-export", [fixture(name)], {
      fileName: name,
    });
    expect(issues).toEqual([]);
    // Expected by reading the fixture: current_node answer-active ← recap-active ← tool-result ←
    // tool-call ← thought-active ← user ← context ← root; answer-inactive is the other branch.
    expect(records).toEqual([
      {
        kind: "conversation",
        format: "chatgpt-export",
        id: "chatgpt-fixture-conversation",
        title: "Privacy-safe ChatGPT native fixture",
        createdAt: "2026-07-16T01:15:00.000Z", // 1784164500
        updatedAt: "2026-07-16T02:42:20.000Z", // 1784169740
        systemPrompt: "Privacy-safe fixture profile.\n\nPreserve structured provider evidence.",
        modelRecorded: true,
        defaultModel: "gpt-5-6-pro",
        messages: [
          {
            role: "user",
            text: "Analyze the attached fixture and create an artifact.",
            timestamp: "2026-07-16T01:15:40.000Z",
            unpriced: [
              { kind: "image", contentType: "image_asset_pointer" },
              { kind: "file", contentType: "text/plain" },
            ],
          },
          {
            role: "assistant",
            text: "Final answer. [Download artifact](sandbox:/mnt/data/fixture-result.zip)",
            timestamp: "2026-07-16T02:42:13.000Z",
            model: "gpt-5-6-pro",
            apiModel: "gpt-5.6-pro",
            unpriced: [{ kind: "image", contentType: "image_asset_pointer" }],
          },
        ],
        // thought-active + recap-active are reasoning; tool-call (recipient browser.search) and
        // tool-result (role tool) are tool traffic; answer-inactive is on another branch.
        skipped: { ...NO_SKIPS, otherBranches: 1, tool: 2, reasoning: 2 },
        source: { file: name, byteOffset: 0, path: "$[0]" },
      },
    ]);
    expect(summary.unpricedItems).toEqual({ image: 2, audio: 0, video: 0, file: 1, other: 0 });
  });

  it("reads mitkury's export: the edited prompt msg-5 is not on the active branch", async () => {
    const name = "mitkury--example-conversation.json";
    const { records, issues } = await readLog("chatgpt-export", [fixture(name)], {
      fileName: name,
    });
    expect(issues).toEqual([]);
    const [conversation] = conversations(records);
    expect(
      conversation?.messages.map((message) => [message.role, message.text.slice(0, 24)]),
    ).toEqual([
      ["user", "Hello! Can you help me w"],
      ["assistant", "Of course! I'd be happy "],
      ["user", "How do I write a functio"],
      ["assistant", "Here's how to write a fu"],
    ]);
    // 2024-01-01 is after DevDay (2023-11-06): ChatGPT's "gpt-4" was GPT-4 Turbo then.
    expect(conversation?.messages[1]).toMatchObject({ model: "gpt-4", apiModel: "gpt-4-turbo" });
    expect(conversation?.skipped).toEqual({ ...NO_SKIPS, otherBranches: 1, system: 1 });
    expect(conversation?.source).toEqual({ file: name, byteOffset: 4, path: "$[0]" });
  });
});

describe("ChatGPT export: edge cases", () => {
  const name = "chatgpt-edge-cases.json";

  it("keeps the active branch, visible messages, custom instructions and each answer's model", async () => {
    const { records } = await readLog("chatgpt-export", [fixture(name)], { fileName: name });
    const [a, b, c] = conversations(records);
    expect(a).toEqual({
      kind: "conversation",
      format: "chatgpt-export",
      id: "conv-a",
      title: "Sourdough schedule",
      createdAt: "2025-01-01T12:00:00.000Z",
      updatedAt: "2025-01-01T14:00:00.500Z",
      systemPrompt:
        "The user provided the following information about themselves.\nUser profile:\n```I bake bread on weekends.```\n\n" +
        "The user provided the additional info about how they would like you to respond:\n```Answer briefly, in metric units.```",
      modelRecorded: true,
      defaultModel: "gpt-4o",
      messages: [
        {
          role: "user",
          text: "How long should my starter rise?",
          timestamp: "2025-01-01T12:00:00.000Z",
        },
        {
          role: "assistant",
          text: "Until it doubles: usually 4–8 h at 24 °C.",
          timestamp: "2025-01-01T12:00:30.000Z",
          model: "gpt-4o",
          apiModel: "gpt-4o",
        },
        {
          role: "user",
          text: "Why is the crumb so dense?",
          timestamp: "2025-01-01T13:00:00.000Z",
          // The JPEG is both a part and an attachment: counted once. The PDF is an attachment.
          unpriced: [
            { kind: "image", contentType: "image_asset_pointer" },
            { kind: "file", contentType: "application/pdf" },
          ],
        },
        {
          role: "assistant",
          text: "It looks underproofed. Use 375 g water for 500 g flour and proof longer.",
          timestamp: "2025-01-01T13:00:20.000Z",
          model: "o3-mini-high",
          apiModel: "o3-mini",
          reasoningEffort: "high",
        },
        { role: "user", text: "And the oven temperature?", timestamp: "2025-01-01T14:00:00.000Z" },
        {
          role: "assistant",
          text: "Preheat to 250 °C, bake 20 min covered, then 25 min at 230 °C.",
          timestamp: "2025-01-01T14:00:00.500Z",
          // resolved_model_slug (what the router settled on) wins over model_slug.
          model: "gpt-5-thinking",
          apiModel: "gpt-5",
        },
      ],
      // a-asst1-old, a-user3-old, a-asst3-old | a-sys | a-call, a-out | a-thoughts, a-recap | a-mem
      skipped: { ...NO_SKIPS, otherBranches: 3, hidden: 1, tool: 2, reasoning: 2, context: 1 },
      source: { file: name, byteOffset: 3, path: "$[0]" },
    });
    expect(b).toMatchObject({
      id: "conv-b",
      systemPrompt: "I live in Porto.\n\nKeep answers under 100 words.",
      skipped: { ...NO_SKIPS, hidden: 1, empty: 1 },
    });
    expect(b?.messages.map((message) => [message.role, message.model, message.apiModel])).toEqual([
      ["user", undefined, undefined],
      ["assistant", "text-davinci-002-render-sha", "gpt-3.5-turbo"],
      ["user", undefined, undefined],
      // 2023-10-01, before DevDay: the original GPT-4.
      ["assistant", "gpt-4", "gpt-4"],
    ]);
    expect(c?.messages).toEqual([
      {
        role: "user",
        text: "What is <|endoftext|> in a prompt?",
        timestamp: "2025-10-09T08:53:20.000Z",
        unpriced: [{ kind: "audio", contentType: "audio_asset_pointer" }],
      },
      {
        role: "assistant",
        text: "It is a special token that marks the end of a text.",
        timestamp: "2025-10-09T08:53:25.000Z",
        model: "auto",
        unpriced: [{ kind: "audio", contentType: "audio_asset_pointer" }],
      },
      { role: "user", text: "Ünïcödé ✓ 東京 🚀", timestamp: "2025-10-09T08:58:20.000Z" },
      {
        role: "assistant",
        text: "Noted.",
        timestamp: "2025-10-09T09:00:00.000Z",
        model: "gpt-9-omega",
      },
    ]);
    // c-sys (a system message on a dead-end branch) is the only node off the latest branch.
    expect(c?.skipped).toEqual({ ...NO_SKIPS, otherBranches: 1 });
  });

  it("reports the unknown slug, the router default, the missing current_node and the bad element", async () => {
    const { issues, summary } = await readLog("chatgpt-export", [fixture(name)], {
      fileName: name,
    });
    expect(issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ["NO_CURRENT_NODE", "notice", "$[2]"],
      ["UNKNOWN_MODEL_SLUG", "notice", "$[2]"],
      ["BAD_RECORD", "skipped", "$[3]"],
    ]);
    expect(issues[1]?.reason).toContain('"gpt-9-omega"');
    expect(summary).toMatchObject({
      records: { usage: 0, conversation: 3, call: 0 },
      recordsSkipped: 1,
      unmappedModels: { auto: 1, "gpt-9-omega": 1 },
      unpricedItems: { image: 1, audio: 2, video: 0, file: 1, other: 0 },
      skippedMessages: { otherBranches: 4, hidden: 2, tool: 2, reasoning: 2, context: 1, empty: 1 },
      complete: true,
    });
  });

  it("locates every conversation by its byte offset in the file", async () => {
    const bytes = fixture(name);
    const { records, issues } = await readLog("chatgpt-export", [bytes], { fileName: name });
    const offsets = [
      ...conversations(records).map((record) => record.source.byteOffset),
      issues.find((issue) => issue.code === "BAD_RECORD")?.byteOffset,
    ];
    // Independent check: the object that starts at each reported byte offset, cut out and parsed
    // on its own, equals the matching element of JSON.parse(whole file).
    const elements: unknown[] = JSON.parse(new TextDecoder().decode(bytes));
    expect(offsets).toHaveLength(elements.length);
    offsets.forEach((offset, index) => {
      const rest = new TextDecoder().decode(bytes.subarray(offset));
      expect(rest[0]).toBe("{");
      expect(JSON.parse(rest.slice(0, findObjectEnd(rest) + 1))).toEqual(elements[index]);
    });
  });

  it("follows current_node even when it points at an older branch", async () => {
    const elements = JSON.parse(new TextDecoder().decode(fixture(name)));
    elements[0].current_node = "a-asst3-old";
    const { records } = await readLog("chatgpt-export", [encode(JSON.stringify(elements))], {
      fileName: "x.json",
    });
    const [a] = conversations(records);
    expect(a?.messages.slice(-2).map((message) => message.text)).toEqual([
      "And the oven tempreature?",
      "250 °C.",
    ]);
    // Now a-asst1-old, a-user3 and a-asst3 are the messages off the active branch.
    expect(a?.skipped.otherBranches).toBe(3);
  });

  it("survives a parent cycle and a mapping with no messages", async () => {
    const cyclic = [
      {
        id: "loop",
        current_node: "x",
        mapping: {
          x: {
            id: "x",
            parent: "y",
            children: [],
            message: {
              author: { role: "user" },
              content: { content_type: "text", parts: ["one"] },
            },
          },
          y: {
            id: "y",
            parent: "x",
            children: ["x"],
            message: {
              author: { role: "assistant" },
              content: { content_type: "text", parts: ["two"] },
              metadata: { model_slug: "gpt-4o" },
            },
          },
        },
      },
      {
        id: "empty",
        current_node: "r",
        mapping: { r: { id: "r", parent: null, children: [], message: null } },
      },
    ];
    const { records, issues } = await readLog("chatgpt-export", [encode(JSON.stringify(cyclic))], {
      fileName: "cyclic.json",
    });
    expect(issues).toEqual([]);
    expect(
      conversations(records).map((record) => record.messages.map((message) => message.text)),
    ).toEqual([["two", "one"], []]);
  });
});

/** Index of the `}` that closes the object starting at text[0] (strings and escapes respected). */
function findObjectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth += 1;
    else if (char === "}" || char === "]") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

describe("ChatGPT export: bad input", () => {
  const name = "chatgpt-edge-cases.json";
  const full = fixture(name);
  const secret = ["starter", "Lisbon", "crumb", "Sourdough", "Porto", "endoftext"];

  function expectNoPrivateText(text: string): void {
    for (const word of secret) expect(text).not.toContain(word);
  }

  it("reports a truncated file with the byte where it ends, after reading what is complete", async () => {
    const cut = 15_589 + 200; // inside conversation #3 (which starts at byte 15589)
    const { records, issues, summary } = await readLog("chatgpt-export", [full.subarray(0, cut)], {
      fileName: name,
    });
    expect(conversations(records).map((record) => record.id)).toEqual(["conv-a", "conv-b"]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "TRUNCATED",
      severity: "skipped",
      byteOffset: cut,
      path: "$[2]",
    });
    expect(issues[0]?.reason).toContain(`byte ${cut}`);
    expect(issues[0]?.reason).toContain("conversation #3, which starts at byte 15589");
    expect(summary.complete).toBe(false);
    expectNoPrivateText(JSON.stringify(issues));
  });

  it("stops at a syntax error and names its byte, keeping the conversations before it", async () => {
    const broken = full.slice();
    const at = 12_000; // inside conversation #2 (15589 > 12000 > 10982)
    // Three bytes that are invalid JSON wherever they land: inside a string a raw control
    // character is an error, outside one "\u0001" is not a token.
    broken[at] = 0x01;
    broken[at + 1] = 0x01;
    broken[at + 2] = 0x01;
    const { records, issues, summary } = await readLog("chatgpt-export", [broken], {
      fileName: name,
    });
    expect(summary.complete).toBe(false);
    const bad = issues.find((issue) => issue.code === "BAD_JSON");
    expect(bad?.byteOffset).toBeGreaterThanOrEqual(at);
    expect(bad?.byteOffset).toBeLessThanOrEqual(at + 2);
    expect(conversations(records).map((record) => record.id)).toEqual(["conv-a"]);
    expectNoPrivateText(JSON.stringify(issues));
  });

  it.each([
    ["empty", "", "EMPTY_FILE"],
    ["whitespace", " \n\t\n", "EMPTY_FILE"],
    ["plain text", "hello, these are my notes", "BAD_JSON"],
    ["a number", "42", "BAD_JSON"],
  ])("rejects %s with %s", async (_label, text, code) => {
    const { records, issues } = await readLog("chatgpt-export", [encode(text)], {
      fileName: "c.json",
    });
    expect(records).toEqual([]);
    expect(issues.map((issue) => issue.code)).toEqual([code]);
    expect(issues[0]?.reason).not.toContain("notes");
  });

  it("rejects binary data and says what the file seems to be", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    const garbage = new Uint8Array(20_000).map((_, index) => (index * 7919) % 256);
    const zipped = await readLog("chatgpt-export", [zip], { fileName: "export.zip" });
    expect(zipped.issues.map((issue) => issue.code)).toEqual(["BINARY"]);
    expect(zipped.issues[0]?.reason).toContain("zip archive");
    const binary = await readLog("chatgpt-export", [garbage], { fileName: "garbage.bin" });
    expect(binary.issues.map((issue) => issue.code)).toEqual(["BINARY"]);
    expect(binary.summary).toMatchObject({ bytesRead: 20_000, complete: false });
  });

  it("reads a file with a UTF-8 BOM, and reports bytes after the document without losing records", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...full, ...encode("\n  trailing junk")]);
    const { records, issues } = await readLog("chatgpt-export", [withBom], { fileName: name });
    expect(conversations(records)).toHaveLength(3);
    expect(conversations(records)[0]?.source.byteOffset).toBe(6); // 3 BOM bytes + "[\n "
    expect(issues.map((issue) => issue.code)).toEqual([
      "NO_CURRENT_NODE",
      "UNKNOWN_MODEL_SLUG",
      "BAD_RECORD",
      "BAD_JSON",
    ]);
    expect(issues[3]?.reason).toContain("after the end of the JSON document");
  });

  it("throws BAD_LOG in strict mode at the first unreadable record, without private text", async () => {
    const records: LogRecord[] = [];
    const reader = createLogReader("chatgpt-export", {
      fileName: name,
      strict: true,
      onRecord: (record) => records.push(record),
    });
    let error: unknown;
    try {
      reader.write(full);
      reader.end();
    } catch (caught) {
      error = caught;
    }
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    if (!isTokenmeterError(error)) return;
    expect(error.details).toMatchObject({ file: name, path: "$[3]", issue: "BAD_RECORD" });
    expect(error.message).toContain(`${name} $[3] at byte 19287`);
    expectNoPrivateText(error.message);
    // Notices (unknown slug, missing current_node) do not stop a strict read.
    expect(conversations(records).map((record) => record.id)).toEqual([
      "conv-a",
      "conv-b",
      "conv-c",
    ]);
  });

  it("throws in strict mode on a truncated file", async () => {
    await expect(
      readLog("chatgpt-export", [full.subarray(0, 5000)], { fileName: name, strict: true }),
    ).rejects.toMatchObject({ code: "BAD_LOG", details: { issue: "TRUNCATED", byteOffset: 5000 } });
  });

  it("passes an exception thrown by onRecord through unchanged", () => {
    const failure = new Error("consumer failed");
    const reader = createLogReader("chatgpt-export", {
      fileName: name,
      onRecord: () => {
        throw failure;
      },
    });
    expect(() => {
      reader.write(full);
      reader.end();
    }).toThrow(failure);
  });
});
