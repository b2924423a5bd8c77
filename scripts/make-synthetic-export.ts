// Makes a synthetic ChatGPT data export (conversations.json, optionally zipped like the real
// download) of a given size, with the structure of real exports: a `mapping` tree per conversation,
// hidden system messages, custom instructions, regenerated answers and edited prompts (inactive
// branches), reasoning traces, tool calls, images, code blocks and the model slugs of each era.
// Deterministic for a seed; streams its output, so 200 MB never sits in memory.
//
//   npx tsx scripts/make-synthetic-export.ts --size-mb 200 --out .bench-tmp/export.zip --seed 1
//
// With --specs, writes the hand-written conversations of a JSON file instead of random ones, as a
// complete export zip (conversations.json, user.json, chat.html…). The README demo is made so:
//
//   npx tsx scripts/make-synthetic-export.ts --specs examples/chatgpt-export-specs.json \
//     --out examples/chatgpt-export.zip --seed 1
//
// Prints a JSON summary (conversations, visible messages and characters) to stderr.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Zip, ZipDeflate, zipSync } from "fflate";
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Building conversations from a compact description (shared with examples/make-examples.ts).

/** One exchange: a user message and the answer on the active branch. */
export interface TurnSpec {
  user: string;
  /** Extra non-text content in the user message. */
  userImage?: boolean;
  userFile?: { name: string; mimeType: string };
  assistant: string;
  /** The answer's `metadata.model_slug`; omitted → the answer records none. */
  model?: string;
  /** Earlier answers to the same prompt that the user regenerated (inactive branches). */
  regenerated?: string[];
  /** An earlier version of this prompt the user edited, with the answer it got (inactive). */
  editedFrom?: { user: string; assistant: string };
  /** A reasoning trace before the answer (content_type thoughts + reasoning_recap). */
  thoughts?: string;
  /** A code-interpreter call before the answer: the code and its output. */
  tool?: { code: string; output: string };
  /** Seconds after the previous turn (default 60). */
  delaySeconds?: number;
}

/** One conversation. */
export interface ConversationSpec {
  title: string;
  /** Unix time in seconds of the first message. */
  createTime: number;
  defaultModel: string;
  /** ChatGPT custom instructions: "about me" and "how to respond". */
  customInstructions?: { profile?: string; instructions?: string };
  /** A custom GPT's id (its answers use the `gpt-4-gizmo` slug). */
  gizmoId?: string;
  turns: TurnSpec[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const turnSpecSchema = z
  .object({
    user: z.string(),
    userImage: z.boolean().optional(),
    userFile: z.object({ name: z.string(), mimeType: z.string() }).strict().optional(),
    assistant: z.string(),
    model: z.string().optional(),
    regenerated: z.array(z.string()).optional(),
    editedFrom: z.object({ user: z.string(), assistant: z.string() }).strict().optional(),
    thoughts: z.string().optional(),
    tool: z.object({ code: z.string(), output: z.string() }).strict().optional(),
    delaySeconds: z.number().nonnegative().optional(),
  })
  .strict();

/** Validates a file of {@link ConversationSpec}s (the `--specs` input). */
export const conversationSpecsSchema = z.array(
  z
    .object({
      title: z.string(),
      createTime: z.number(),
      defaultModel: z.string(),
      customInstructions: z
        .object({ profile: z.string().optional(), instructions: z.string().optional() })
        .strict()
        .optional(),
      gizmoId: z.string().optional(),
      turns: z.array(turnSpecSchema),
    })
    .strict(),
);

/** Builds export-shaped conversation objects; ids come from `nextId` so output is reproducible. */
export function createConversationBuilder(nextId: () => string) {
  function message(
    id: string,
    role: "system" | "user" | "assistant" | "tool",
    createTime: number | null,
    content: Json,
    metadata: { [key: string]: Json } = {},
    recipient = "all",
    name: string | null = null,
  ): Json {
    return {
      id,
      author: { role, name, metadata: {} },
      create_time: createTime,
      update_time: null,
      content,
      status: "finished_successfully",
      end_turn: role === "assistant" && recipient === "all" ? true : null,
      weight: 1,
      metadata,
      recipient,
      channel: null,
    };
  }

  return function build(spec: ConversationSpec): Json {
    const mapping: {
      [id: string]: { id: string; message: Json; parent: string | null; children: string[] };
    } = {};
    const conversationId = nextId();
    const add = (parent: string | null, make: (id: string) => Json): string => {
      const id = nextId();
      mapping[id] = { id, message: make(id), parent, children: [] };
      if (parent !== null) mapping[parent]?.children.push(id);
      return id;
    };
    let time = spec.createTime;
    const root = add(null, () => null);
    let last = add(root, (id) =>
      message(
        id,
        "system",
        null,
        { content_type: "text", parts: [""] },
        {
          is_visually_hidden_from_conversation: true,
        },
      ),
    );
    const instructions = spec.customInstructions;
    if (instructions !== undefined) {
      last = add(last, (id) =>
        message(
          id,
          "user",
          null,
          {
            content_type: "user_editable_context",
            ...(instructions.profile === undefined ? {} : { user_profile: instructions.profile }),
            ...(instructions.instructions === undefined
              ? {}
              : { user_instructions: instructions.instructions }),
          },
          { is_visually_hidden_from_conversation: true, user_context_message_data: null },
        ),
      );
    }
    const answerMetadata = (
      model: string | undefined,
      parentId: string,
    ): { [key: string]: Json } => ({
      ...(model === undefined ? {} : { model_slug: model, default_model_slug: spec.defaultModel }),
      finish_details: { type: "stop", stop_tokens: [200002] },
      is_complete: true,
      parent_id: parentId,
      timestamp_: "absolute",
      ...(spec.gizmoId === undefined ? {} : { gizmo_id: spec.gizmoId }),
    });
    const userContent = (turn: TurnSpec): Json =>
      turn.userImage === true
        ? {
            content_type: "multimodal_text",
            parts: [
              {
                content_type: "image_asset_pointer",
                asset_pointer: `file-service://file-${nextId().slice(0, 22)}`,
                size_bytes: 182_044,
                width: 1024,
                height: 768,
                fovea: null,
                metadata: null,
              },
              turn.user,
            ],
          }
        : { content_type: "text", parts: [turn.user] };

    for (const turn of spec.turns) {
      time += turn.delaySeconds ?? 60;
      if (turn.editedFrom !== undefined) {
        const edited = turn.editedFrom;
        const oldUser = add(last, (id) =>
          message(id, "user", time - 30, { content_type: "text", parts: [edited.user] }),
        );
        add(oldUser, (id) =>
          message(
            id,
            "assistant",
            time - 20,
            { content_type: "text", parts: [edited.assistant] },
            answerMetadata(turn.model, oldUser),
          ),
        );
      }
      const attachments: Json[] =
        turn.userFile === undefined
          ? []
          : [
              {
                id: `file-${nextId().slice(0, 22)}`,
                name: turn.userFile.name,
                mime_type: turn.userFile.mimeType,
                size: 48_213,
              },
            ];
      const userId = add(last, (id) =>
        message(id, "user", time, userContent(turn), {
          ...(attachments.length > 0 ? { attachments } : {}),
          request_id: nextId(),
          message_source: null,
          timestamp_: "absolute",
        }),
      );
      for (const [index, text] of (turn.regenerated ?? []).entries()) {
        add(userId, (id) =>
          message(
            id,
            "assistant",
            time + 5 + index,
            { content_type: "text", parts: [text] },
            answerMetadata(turn.model, userId),
          ),
        );
      }
      let parent = userId;
      if (turn.thoughts !== undefined) {
        const thoughts = turn.thoughts;
        parent = add(parent, (id) =>
          message(
            id,
            "assistant",
            time + 2,
            {
              content_type: "thoughts",
              thoughts: [{ summary: "Thinking", content: thoughts }],
              source_analysis_msg_id: nextId(),
            },
            { ...answerMetadata(turn.model, parent), is_visually_hidden_from_conversation: false },
          ),
        );
        parent = add(parent, (id) =>
          message(
            id,
            "assistant",
            time + 9,
            { content_type: "reasoning_recap", content: "Thought for 7 seconds" },
            answerMetadata(turn.model, parent),
          ),
        );
      }
      if (turn.tool !== undefined) {
        const tool = turn.tool;
        parent = add(parent, (id) =>
          message(
            id,
            "assistant",
            time + 10,
            {
              content_type: "code",
              language: "unknown",
              response_format_name: null,
              text: tool.code,
            },
            answerMetadata(turn.model, parent),
            "python",
          ),
        );
        parent = add(parent, (id) =>
          message(
            id,
            "tool",
            time + 12,
            { content_type: "execution_output", text: tool.output },
            { is_complete: true, aggregate_result: null },
            "all",
            "python",
          ),
        );
      }
      time += 15;
      last = add(parent, (id) =>
        message(
          id,
          "assistant",
          time,
          { content_type: "text", parts: [turn.assistant] },
          answerMetadata(turn.model, parent),
        ),
      );
    }
    return {
      title: spec.title,
      create_time: spec.createTime,
      update_time: time,
      mapping,
      moderation_results: [],
      current_node: last,
      plugin_ids: null,
      conversation_id: conversationId,
      conversation_template_id: spec.gizmoId === undefined ? null : `g-${spec.gizmoId}`,
      gizmo_id: spec.gizmoId ?? null,
      gizmo_type: spec.gizmoId === undefined ? null : "gpt",
      is_archived: false,
      is_starred: null,
      safe_urls: [],
      blocked_urls: [],
      default_model_slug: spec.defaultModel,
      conversation_origin: null,
      voice: null,
      async_status: null,
      disabled_tool_ids: [],
      is_do_not_remember: false,
      memory_scope: "global_enabled",
      id: conversationId,
    };
  };
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same export everywhere. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUID-shaped ids from the PRNG. */
export function createIdSource(random: () => number): () => string {
  const hex = (length: number) => {
    let out = "";
    for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

// ---------------------------------------------------------------------------------------------
// Random content.

const WORDS = (
  "the a of to and in is it that for you with on as this be are was can have not or by from at " +
  "function value data model token price cost request response cache server client query index " +
  "error result system user answer question example simple method class object string number " +
  "array list table file path build test release version update change issue reason because " +
  "however therefore instead usually often quickly carefully important different similar common " +
  "performance memory network database schema migration deploy container kubernetes python rust " +
  "typescript react component state effect hook render layout style color font design pattern " +
  "recipe garden travel budget schedule meeting email letter summary draft outline chapter story " +
  "history science physics biology chemistry math proof theorem lemma estimate average median"
).split(" ");

const CODE_SNIPPETS = [
  "```python\ndef moving_average(values, window):\n    total = sum(values[:window])\n    out = [total / window]\n    for i in range(window, len(values)):\n        total += values[i] - values[i - window]\n        out.append(total / window)\n    return out\n```",
  "```ts\nexport async function fetchJson<T>(url: string): Promise<T> {\n  const response = await fetch(url);\n  if (!response.ok) throw new Error(`HTTP ` + response.status);\n  return (await response.json()) as T;\n}\n```",
  "```sql\nSELECT customer_id, COUNT(*) AS orders, SUM(total) AS revenue\nFROM orders\nWHERE created_at >= DATE '2024-01-01'\nGROUP BY customer_id\nORDER BY revenue DESC\nLIMIT 20;\n```",
  '```bash\nfor f in *.log; do\n  gzip -9 "$f" && echo "compressed $f"\ndone\n```',
  "```rust\nfn gcd(mut a: u64, mut b: u64) -> u64 {\n    while b != 0 {\n        let t = b;\n        b = a % b;\n        a = t;\n    }\n    a\n}\n```",
];

const ODD_TEXT = [
  "Übersetzung: naïve café — 東京の天気は晴れです。",
  "Emoji check 🚀✨👍🏽 and RTL: مرحبا بالعالم",
  "Special tokens pasted from a prompt: <|endoftext|> <|im_start|>user",
  "Tabs\tand   runs of    spaces\n\n\nand blank lines.",
];

interface Era {
  until: number;
  slugs: readonly string[];
  reasoning: readonly string[];
  defaultModel?: string;
}

/** Model slugs by period (Unix seconds), as real exports show them. */
const ERAS: readonly Era[] = [
  { until: 1678752000, slugs: ["text-davinci-002-render-sha"], reasoning: [] },
  {
    until: 1699228800,
    slugs: [
      "text-davinci-002-render-sha",
      "gpt-4",
      "gpt-4-browsing",
      "gpt-4-code-interpreter",
      "gpt-4-plugins",
    ],
    reasoning: [],
  },
  {
    until: 1715558400,
    slugs: ["text-davinci-002-render-sha", "gpt-4", "gpt-4-gizmo", "gpt-4-dalle"],
    reasoning: [],
  },
  { until: 1726099200, slugs: ["gpt-4o", "gpt-4o", "gpt-4o-mini", "gpt-4"], reasoning: [] },
  {
    until: 1738281600,
    slugs: ["gpt-4o", "gpt-4o", "gpt-4o-mini", "o1-preview", "o1-mini", "o1"],
    reasoning: ["o1-preview", "o1-mini", "o1"],
  },
  {
    until: 1754524800,
    slugs: [
      "gpt-4o",
      "gpt-4o",
      "o3-mini",
      "o3-mini-high",
      "o3",
      "o4-mini",
      "o4-mini-high",
      "gpt-4-5",
      "gpt-4-1",
      "research",
    ],
    reasoning: ["o3-mini", "o3-mini-high", "o3", "o4-mini", "o4-mini-high", "research"],
  },
  {
    until: Number.POSITIVE_INFINITY,
    slugs: ["gpt-5", "gpt-5-instant", "gpt-5-thinking", "gpt-5-thinking", "gpt-5-t-mini", "gpt-4o"],
    reasoning: ["gpt-5-thinking", "gpt-5-t-mini"],
    defaultModel: "auto",
  },
];

function createContent(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (): string => {
    const length = 6 + Math.floor(random() * 18);
    const words: string[] = [];
    for (let i = 0; i < length; i += 1) words.push(pick(WORDS));
    const first = words[0] ?? "so";
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(" ")}${random() < 0.15 ? "?" : "."}`;
  };
  const paragraph = (sentences: number): string => {
    const out: string[] = [];
    for (let i = 0; i < sentences; i += 1) out.push(sentence());
    return out.join(" ");
  };
  const userText = (): string => {
    const parts = [paragraph(1 + Math.floor(random() * 4))];
    if (random() < 0.12) parts.push(pick(CODE_SNIPPETS));
    if (random() < 0.03) parts.push(pick(ODD_TEXT));
    return parts.join("\n\n");
  };
  const answerText = (): string => {
    const parts: string[] = [];
    const paragraphs = 1 + Math.floor(random() * 5);
    for (let i = 0; i < paragraphs; i += 1) {
      parts.push(paragraph(2 + Math.floor(random() * 5)));
      if (random() < 0.25) parts.push(pick(CODE_SNIPPETS));
      if (random() < 0.2) {
        parts.push(["- ", "- ", "- "].map((bullet) => `${bullet}${sentence()}`).join("\n"));
      }
    }
    if (random() < 0.02) parts.push(pick(ODD_TEXT));
    return parts.join("\n\n");
  };
  return { pick, sentence, paragraph, userText, answerText };
}

/** A random conversation spec in the style of its era. */
export function randomConversationSpec(random: () => number, createTime: number): ConversationSpec {
  const content = createContent(random);
  const era = ERAS.find((candidate) => createTime < candidate.until) ?? ERAS[ERAS.length - 1];
  if (era === undefined) throw new Error("no era");
  const roll = random();
  // Mostly short chats, some long working sessions, a few very long ones.
  const turnCount =
    roll < 0.6
      ? 1 + Math.floor(random() * 6)
      : roll < 0.95
        ? 6 + Math.floor(random() * 30)
        : 40 + Math.floor(random() * 160);
  const mainModel = content.pick(era.slugs);
  const gizmo = mainModel === "gpt-4-gizmo";
  const turns: TurnSpec[] = [];
  for (let i = 0; i < turnCount; i += 1) {
    const model = random() < 0.85 ? mainModel : content.pick(era.slugs);
    const turn: TurnSpec = {
      user: content.userText(),
      assistant: content.answerText(),
      model,
      delaySeconds: 20 + Math.floor(random() * 600),
    };
    if (random() < 0.05) turn.userImage = true;
    if (random() < 0.03) turn.userFile = { name: "report.pdf", mimeType: "application/pdf" };
    if (random() < 0.08) {
      turn.regenerated = [content.answerText()];
      if (random() < 0.3) turn.regenerated.push(content.answerText());
    }
    if (i > 0 && random() < 0.04)
      turn.editedFrom = { user: content.userText(), assistant: content.answerText() };
    if (era.reasoning.includes(model))
      turn.thoughts = content.paragraph(3 + Math.floor(random() * 6));
    if (random() < 0.06)
      turn.tool = {
        code: "import pandas as pd\ndf = pd.read_csv('data.csv')\ndf.describe()",
        output: "count  120.0\nmean    42.1\nstd      9.7",
      };
    turns.push(turn);
  }
  const spec: ConversationSpec = {
    title: content.sentence().slice(0, 48),
    createTime,
    defaultModel: era.defaultModel ?? mainModel,
    turns,
  };
  if (random() < 0.4) {
    spec.customInstructions = {
      profile: `The user provided the following information about themselves. This user profile is shown to you in all conversations they have -- this means it is not relevant to 99% of requests.\nUser profile:\n\`\`\`${content.paragraph(2)}\n\`\`\``,
      instructions: `The user provided the additional info about how they would like you to respond:\n\`\`\`${content.paragraph(2)}\n\`\`\``,
    };
  }
  if (gizmo) spec.gizmoId = `g-${Math.floor(random() * 1e9).toString(36)}`;
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Command line.

interface Options {
  sizeMb: number;
  out: string;
  seed: number;
  specs: string | undefined;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const sizeMb = Number(value("--size-mb") ?? "10");
  const seed = Number(value("--seed") ?? "1");
  const out = value("--out");
  const specs = value("--specs");
  if (out === undefined || !(sizeMb > 0) || !Number.isInteger(seed) || !/\.(zip|json)$/.test(out)) {
    process.stderr.write(
      "usage: tsx scripts/make-synthetic-export.ts --size-mb N --out file.zip|file.json [--seed S]\n" +
        "       tsx scripts/make-synthetic-export.ts --specs conversations.json --out file.zip|file.json [--seed S]\n" +
        "  --size-mb  size of conversations.json in MB (10^6 bytes), default 10\n" +
        "  --out      a .json file, or a .zip holding conversations.json like the real download\n" +
        "  --seed     integer seed; the same seed gives the same bytes (default 1)\n" +
        "  --specs    hand-written conversations (see ConversationSpec) instead of random ones\n",
    );
    process.exit(2);
  }
  return { sizeMb, out, seed, specs };
}

/** Writes hand-written conversations as a complete, small export (zip) or its conversations.json. */
function writeFromSpecs(options: Options, specsFile: string): void {
  const parsed = conversationSpecsSchema.safeParse(JSON.parse(readFileSync(specsFile, "utf8")));
  if (!parsed.success) {
    process.stderr.write(`${specsFile}: ${z.prettifyError(parsed.error)}\n`);
    process.exit(1);
  }
  const specs: ConversationSpec[] = parsed.data.map((spec) => ({ ...spec }) as ConversationSpec);
  const build = createConversationBuilder(createIdSource(createRandom(options.seed)));
  const json = `${JSON.stringify(specs.map(build), null, 2)}\n`;
  const encoder = new TextEncoder();
  if (options.out.endsWith(".json")) {
    writeFileSync(options.out, json);
  } else {
    const mtime = new Date("2025-11-30T00:00:00Z");
    const file = (text: string): [Uint8Array, { mtime: Date }] => [encoder.encode(text), { mtime }];
    const user = {
      id: "user-demo0000000000000000",
      email: "demo@example.com",
      chatgpt_plus_user: true,
      phone_number: null,
    };
    writeFileSync(
      options.out,
      zipSync({
        "conversations.json": file(json),
        "user.json": file(`${JSON.stringify(user, null, 2)}\n`),
        "message_feedback.json": file("[]\n"),
        "shared_conversations.json": file("[]\n"),
        "chat.html": file(
          '<!DOCTYPE html><html><head><meta charset="UTF-8"><title>ChatGPT Data Export</title></head><body><p>Demo export made by tokenmeter (invented conversations).</p></body></html>\n',
        ),
      }),
    );
  }
  let visibleChars = 0;
  for (const spec of specs)
    for (const turn of spec.turns) visibleChars += turn.user.length + turn.assistant.length;
  process.stderr.write(
    `${JSON.stringify({ out: options.out, seed: options.seed, conversationsJsonBytes: encoder.encode(json).length, conversations: specs.length, visibleMessages: specs.reduce((n, spec) => n + 2 * spec.turns.length, 0), visibleChars })}\n`,
  );
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (options.specs !== undefined) {
    writeFromSpecs(options, options.specs);
    return;
  }
  const random = createRandom(options.seed);
  const build = createConversationBuilder(createIdSource(random));
  const encoder = new TextEncoder();
  const fd = openSync(options.out, "w");
  const targetBytes = options.sizeMb * 1_000_000;
  let zip: Zip | undefined;
  let entry: ZipDeflate | undefined;
  if (options.out.endsWith(".zip")) {
    zip = new Zip((error, data) => {
      if (error !== null) throw error;
      writeSync(fd, data);
    });
    entry = new ZipDeflate("conversations.json", { level: 1 });
    // A fixed date keeps the archive byte-identical for a seed.
    entry.mtime = new Date("2025-11-01T00:00:00Z");
    zip.add(entry);
  }
  const emit = (text: string, final = false): number => {
    const bytes = encoder.encode(text);
    if (entry !== undefined) entry.push(bytes, final);
    else writeSync(fd, bytes);
    return bytes.length;
  };

  // Conversations spread from 2023-01 to 2025-11.
  const start = 1672531200;
  const end = 1761955200;
  let written = emit("[");
  let conversations = 0;
  let visibleMessages = 0;
  let visibleChars = 0;
  while (written < targetBytes) {
    const createTime = start + Math.floor(random() * (end - start));
    const spec = randomConversationSpec(random, createTime);
    for (const turn of spec.turns) {
      visibleMessages += 2;
      visibleChars += turn.user.length + turn.assistant.length;
    }
    const json = JSON.stringify(build(spec));
    written += emit(conversations === 0 ? json : `,${json}`);
    conversations += 1;
  }
  written += emit("]", entry !== undefined);
  if (zip !== undefined) zip.end();
  closeSync(fd);
  process.stderr.write(
    `${JSON.stringify({ out: options.out, seed: options.seed, conversationsJsonBytes: written, conversations, visibleMessages, visibleChars })}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main();
