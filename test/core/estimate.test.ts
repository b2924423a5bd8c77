// Core's log estimator: the pipeline `tokenmeter estimate` and the site's import page both feed.
// Costs are checked against prices read from the table by hand; the CLI's end-to-end tests and the
// site's golden test check that both edges print what this computes.
import { readFileSync } from "node:fs";
import {
  type ConversationLogRecord,
  type CountRequest,
  commandLineWording,
  createInlineCounter,
  createLogEstimator,
  defaultPricingTable,
  estimateDocument,
  isTokenmeterError,
  type LogEstimatorOptions,
  type TokenCounter,
} from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { recordTurns } from "../../packages/core/src/estimate/record-turns.ts";

const encoder = new TextEncoder();
const CLAUDE_EXPORT = new Uint8Array(
  readFileSync(new URL("../fixtures/site/claude-export/conversations.json", import.meta.url)),
);

/** Two gpt-4o calls either side of its 2024-10-02 price cut (pricing/models/openai.json). */
const GPT_4O_LINES = `${[
  {
    timestamp: "2024-09-01T12:00:00Z",
    model: "gpt-4o",
    usage: { inputTokens: 1000, outputTokens: 1000 },
  },
  {
    timestamp: "2025-03-01T12:00:00Z",
    model: "gpt-4o",
    usage: { inputTokens: 2000, outputTokens: 500 },
  },
]
  .map((line) => JSON.stringify(line))
  .join("\n")}\n`;

async function estimate(
  files: { name: string; bytes: Uint8Array; chunkBytes?: number }[],
  options: Partial<LogEstimatorOptions> = {},
) {
  const estimator = createLogEstimator({ timeZone: "UTC", ...options });
  try {
    for (const file of files) {
      const sink = estimator.openFile(file.name);
      const step = file.chunkBytes ?? file.bytes.length;
      for (let at = 0; at < file.bytes.length; at += step) {
        sink.write(file.bytes.subarray(at, at + step));
        await estimator.drain();
      }
      sink.end();
    }
    return await estimator.finish();
  } finally {
    await estimator.close();
  }
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("createLogEstimator on exact usage", () => {
  it("prices each request at the prices of its date", async () => {
    const { report, summaries } = await estimate([
      { name: "calls.jsonl", bytes: encoder.encode(GPT_4O_LINES) },
    ]);
    expect(summaries.map((summary) => summary.format)).toEqual(["generic-jsonl"]);
    // 2024-09-01, $5 in / $15 out per MTok: 1,000 × 5 + 1,000 × 15 = 20,000 µ$ = $0.020.
    // 2025-03-01, $2.50 / $10: 2,000 × 2.5 + 500 × 10 = 10,000 µ$ = $0.010.
    expect(report.rows.map((row) => [row.key, row.scenarios[0]?.totalUsd])).toEqual([
      ["2024-09", expect.closeTo(0.02, 12)],
      ["2025-03", expect.closeTo(0.01, 12)],
    ]);
    expect(report.totals[0]?.totalUsd).toBeCloseTo(0.03, 12);
    expect(report.usageExact).toBe(true);
    // No plan chosen and not a Claude log: each month against ChatGPT Plus.
    expect(report.months[0]?.plans.map((plan) => plan.planId)).toEqual(["chatgpt-plus"]);
    expect(report.assumptions[0]?.description).toBe(
      `Prices from tokenmeter's bundled table ${defaultPricingTable.version}, in effect on each request's date.`,
    );
  });

  it("re-prices on another model and compares with the plans asked for", async () => {
    const { report } = await estimate(
      [{ name: "calls.jsonl", bytes: encoder.encode(GPT_4O_LINES) }],
      { models: ["gpt-4o-mini", "gpt-4o-mini"], plans: ["claude-pro"], groupBy: "model" },
    );
    expect(report.scenarios.map((scenario) => scenario.scenarioId)).toEqual([
      "as-used",
      "gpt-4o-mini",
    ]);
    expect(report.months[0]?.plans.map((plan) => plan.planId)).toEqual(["claude-pro"]);
    expect(report.rows.map((row) => row.key)).toEqual(["gpt-4o"]);
  });

  it("gives the same report whatever the chunk size", async () => {
    const bytes = encoder.encode(GPT_4O_LINES);
    const whole = await estimate([{ name: "calls.jsonl", bytes }]);
    const tiny = await estimate([{ name: "calls.jsonl", bytes, chunkBytes: 7 }]);
    expect(tiny.report).toEqual(whole.report);
  });
});

describe("createLogEstimator on a chat export", () => {
  it("replays a Claude.ai export on the assumed model, against Claude Pro, in the wording asked for", async () => {
    const plain = await estimate([{ name: "conversations.json", bytes: CLAUDE_EXPORT }]);
    const cli = await estimate([{ name: "conversations.json", bytes: CLAUDE_EXPORT }], {
      wording: commandLineWording,
    });
    expect(plain.report.usageExact).toBe(false);
    expect(plain.report.months[0]?.plans.map((plan) => plan.planId)).toEqual(["claude-pro"]);
    const assumed = (report: typeof plain.report) =>
      report.assumptions.find((assumption) => assumption.id === "assumed-model")?.description;
    // The fixture's conversations start on 2025-02-10 and 2025-03-01. The bundled table first
    // prices Claude Sonnet 3.5 (October 2024) on 2024-10-22 and Claude Sonnet 3.7 on 2025-02-19,
    // so each is priced on the Sonnet Claude.ai served that day, not on today's.
    expect(assumed(plain.report)).toBe(
      "Claude.ai exports do not record the model: each conversation is priced on the newest Claude Sonnet the table prices on the day it started (claude-3-5-sonnet-20241022 for 1 conversation and claude-3-7-sonnet-20250219 for 1 conversation); choose one model with the assumeModel option.",
    );
    expect(assumed(cli.report)).toMatch(/; choose one model with --assume-model\.$/);
    // Only the words differ, never a number.
    expect(cli.report.totals).toEqual(plain.report.totals);
  });

  it("counts with the counter it is given, made once when first needed and closed by finish()", async () => {
    const made: string[] = [];
    const requests: CountRequest[][] = [];
    // Counts characters: a counter the test can predict.
    const countCharacters = (): TokenCounter => {
      made.push("counter");
      return {
        methodOf: async () => "characters",
        countBatch: async (batch) => {
          requests.push([...batch]);
          return batch.map((request) => Uint32Array.from(request.texts, (text) => text.length));
        },
        close: async () => {
          made.push("closed");
        },
      };
    };
    const line = JSON.stringify({
      timestamp: "2025-03-01T12:00:00Z",
      model: "gpt-4o",
      messages: [
        { role: "user", content: "hello there" },
        { role: "assistant", content: "hi" },
      ],
    });
    const { report } = await estimate([{ name: "chat.jsonl", bytes: encoder.encode(line) }], {
      createCounter: countCharacters,
    });
    expect(made).toEqual(["counter", "closed"]);
    expect(requests.flat().map((request) => request.texts)).toEqual([["hello there", "hi"]]);
    // gpt-4o's chat format (OpenAI Cookbook): 3 tokens per message plus 1 for its role name, and 3
    // to prime the reply. Input: 3 + (11 + 4) = 18; output: the answer's 2.
    // At $2.50 / $10 per MTok: 18 × 2.5 + 2 × 10 = 65 µ$.
    const totals = report.totals[0];
    expect([totals?.inputTokens, totals?.outputTokens]).toEqual([18, 2]);
    expect(totals?.totalUsd).toBeCloseTo(0.000065, 12);
  });

  it("counts nothing and makes no counter for logs that record their usage", async () => {
    let made = 0;
    await estimate([{ name: "calls.jsonl", bytes: encoder.encode(GPT_4O_LINES) }], {
      createCounter: () => {
        made += 1;
        return createInlineCounter(defaultPricingTable);
      },
    });
    expect(made).toBe(0);
  });
});

describe("createLogEstimator on files that are not logs", () => {
  const notes = encoder.encode("Shopping list: eggs, milk\n");

  it("rejects a named file with BAD_LOG UNRECOGNIZED_FILE, without its contents", async () => {
    const error = await rejection(estimate([{ name: "notes.txt", bytes: notes }]));
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    if (!isTokenmeterError(error)) return;
    expect(error.details).toEqual({
      file: "notes.txt",
      reason: "UNRECOGNIZED_FILE",
      kind: "UNKNOWN_FORMAT",
    });
    expect(error.message).toMatch(/^Cannot estimate notes\.txt: it is not a log format/);
    expect(error.message).not.toContain("eggs");
  });

  // Positions worked by hand: `{"a": 1, b}` breaks at the `b`, byte 9 (0-based); after a BOM (3 bytes)
  // and two spaces, `[{"é": 1,]` breaks at the `]`: 3 + 2 + `[{"` 3 + `é` 2 + `": 1,` 5 = byte 15.
  it.each([
    ["[]\n", "EMPTY_LIST", /: it holds an empty list: there are no conversations or requests/],
    ['{"a": 1, b}', "INVALID_JSON", /: it is not valid JSON \(it breaks at byte 9\)/],
    ['\uFEFF  [{"é": 1,]', "INVALID_JSON", /: it is not valid JSON \(it breaks at byte 15\)/],
    ['[{"title": "eggs", "mapping":', "INVALID_JSON", /: it is a JSON document that ends before/],
    ['{"title": "eggs"}', "UNKNOWN_FORMAT", /: it is not a log format tokenmeter knows/],
  ])("says why a JSON document is no log: %j", async (text, kind, message) => {
    const error = await rejection(
      estimate([{ name: "conversations.json", bytes: encoder.encode(text) }]),
    );
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    if (!isTokenmeterError(error)) return;
    expect(error.message).toMatch(message);
    expect(error.details).toEqual({
      file: "conversations.json",
      reason: "UNRECOGNIZED_FILE",
      kind,
    });
    expect(error.message).not.toContain("eggs");
  });

  it("skips and lists a file found in a directory", async () => {
    const estimator = createLogEstimator({ timeZone: "UTC" });
    const skipped = estimator.openFile("dir/notes.json", { explicit: false });
    skipped.write(notes);
    skipped.end();
    estimator.ignoreFile("dir/photo.png");
    const calls = estimator.openFile("dir/calls.jsonl", { explicit: false });
    calls.write(encoder.encode(GPT_4O_LINES));
    calls.end();
    const { report, unreadFiles } = await estimator.finish();
    expect(unreadFiles).toEqual([
      { file: "dir/notes.json", reason: expect.stringMatching(/^it is not a log format/) },
    ]);
    const ignored = report.coverage.notices.find((notice) => notice.reason === "IGNORED_FILE");
    expect(ignored?.firstLocations.map((location) => location.file)).toEqual([
      "dir/notes.json",
      "dir/photo.png",
    ]);
    expect(report.coverage.requestsCounted).toBe(2);
  });

  it("reads only a zip's conversations files and rejects an archive without one", () => {
    const estimator = createLogEstimator({ timeZone: "UTC" });
    const archive = estimator.openArchive("export.zip");
    expect(archive.openEntry("chat.html")).toBeUndefined();
    expect(archive.openEntry("user.json")).toBeUndefined();
    const error = thrown(() => archive.end(2));
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    expect((error as Error).message).toBe(
      "Cannot estimate export.zip: the zip archive has no conversations.json (it holds 2 files); tokenmeter reads ChatGPT and Claude.ai data exports as downloaded.",
    );
  });

  it("fails with NOTHING_COUNTED when every record was unreadable, naming the first place", async () => {
    const error = await rejection(
      estimate([{ name: "bad.jsonl", bytes: encoder.encode("{not json\n{also not\n") }], {
        format: "generic-jsonl",
      }),
    );
    expect(isTokenmeterError(error, "BAD_LOG")).toBe(true);
    if (!isTokenmeterError(error)) return;
    expect(error.details).toEqual({ reason: "NOTHING_COUNTED", recordsSkipped: 2 });
    expect(error.message).toMatch(
      /^Nothing could be counted: 2 records were unreadable \(BAD_JSON first at bad\.jsonl:1 byte 0: Not valid JSON/,
    );
  });
});

describe("createLogEstimator checks its options at once", () => {
  it.each([
    [{ models: ["gpt-4-o"] }, "UNKNOWN_MODEL"],
    [{ assumeModel: "claude-nine" }, "UNKNOWN_MODEL"],
    [{ plans: ["chatgpt-platinum"] }, "UNKNOWN_PLAN"],
    [{ timeZone: "Mars/Olympus_Mons" }, "INVALID_INPUT"],
    [{ since: "June 1st" }, "INVALID_INPUT"],
  ] as const)("%j → %s", (options, code) => {
    const error = thrown(() => createLogEstimator({ timeZone: "UTC", ...options }));
    expect(isTokenmeterError(error, code)).toBe(true);
  });
});

describe("estimateDocument", () => {
  it("lays the report out: heading, rows with totals, months against the plan, coverage", async () => {
    const { report } = await estimate([
      { name: "calls.jsonl", bytes: encoder.encode(GPT_4O_LINES) },
    ]);
    const document = estimateDocument(report, { inputs: "calls.jsonl" });
    expect(document.blocks[0]).toEqual({
      kind: "heading",
      text: `tokenmeter estimate · calls.jsonl · 2024-09-01 to 2025-03-01 · time zone UTC · pricing table ${defaultPricingTable.version}`,
    });
    const rows = document.blocks.find((block) => block.kind === "table");
    expect(rows?.kind === "table" && rows.table.footer).toEqual([
      "Total",
      2,
      3000,
      0,
      1500,
      expect.closeTo(0.03, 12),
    ]);
    // Seven months from 2024-09 to 2025-03, each against ChatGPT Plus (empty months cost the plan too).
    const months = document.blocks.filter((block) => block.kind === "table")[1];
    expect(months?.kind === "table" && months.table.rows.length).toBe(7);
    expect(document.csv.rows).toHaveLength(2);
    expect(document.json).toBe(report);
  });

  it("words the range filter for the audience", async () => {
    const { report } = await estimate(
      [{ name: "calls.jsonl", bytes: encoder.encode(GPT_4O_LINES) }],
      { since: "2025-01-01" },
    );
    const coverageOf = (wording?: typeof commandLineWording) => {
      const document = estimateDocument(report, {
        inputs: "calls.jsonl",
        ...(wording === undefined ? {} : { wording }),
      });
      const list = document.blocks.find(
        (block) => block.kind === "list" && block.title === "Coverage",
      );
      return list?.kind === "list" ? list.items : [];
    };
    expect(coverageOf()).toContain("1 request counted, 1 outside the since/until range.");
    expect(coverageOf(commandLineWording)).toContain(
      "1 request counted, 1 outside --since/--until.",
    );
  });
});

describe("commandLineWording", () => {
  it.each([
    [
      "Prompt caching (provider default): none for x. Caches at breakpoints; set cacheWrites to assume a breakpoint per request.",
      "Prompt caching (provider default): none for x. Caches at breakpoints; pass --cache-writes 5m (or 1h) to assume a breakpoint per request.",
    ],
    [
      "no reasoning tokens are assumed; pass reasoning (an effort or { multiplier }) to assume some.",
      "no reasoning tokens are assumed; pass --reasoning <effort or multiplier> to assume some.",
    ],
    [
      "pass your own table with opts.pricing to add it.",
      "pass your own table with --pricing <file> to add it.",
    ],
    [
      "(Claude Sonnet; change with the assumeModel option).",
      "(Claude Sonnet; change with --assume-model).",
    ],
    [
      "Fix or remove it; the strict option stops at the first one instead.",
      "Fix or remove it; --strict stops at the first one instead.",
    ],
    [
      "too long to tell the format from: pass the format option",
      "too long to tell the format from: pass --format",
    ],
    [
      "Prices from tokenmeter's bundled table, in effect on each request's date.",
      "Prices from tokenmeter's bundled table, in effect on each request's date.",
    ],
  ])("%s", (sentence, worded) => {
    expect(commandLineWording(sentence)).toBe(worded);
  });
});

describe("recordTurns (a conversation as API calls)", () => {
  const record = (
    roles: ("user" | "assistant")[],
    times: (string | undefined)[],
  ): ConversationLogRecord => ({
    kind: "conversation",
    format: "chatgpt-export",
    id: "c",
    modelRecorded: true,
    createdAt: "2025-01-01T00:00:00.000Z",
    messages: roles.map((role, index) => ({
      role,
      text: `m${index}`,
      ...(times[index] === undefined ? {} : { timestamp: times[index] }),
      ...(role === "assistant" ? { model: "gpt-4o", apiModel: "gpt-4o" } : {}),
    })),
    skipped: {
      otherBranches: 0,
      hidden: 0,
      system: 0,
      tool: 0,
      reasoning: 0,
      context: 0,
      empty: 0,
      unsupported: 0,
    },
    source: { file: "f" },
  });

  it("merges runs of one role and dates each call by its answer", () => {
    const turns = recordTurns(
      record(
        ["user", "user", "assistant", "assistant", "user", "assistant", "user"],
        ["t0", "t1", "t2", undefined, "t4", undefined, undefined],
      ),
    );
    expect(turns.map((turn) => [turn.userMessages, turn.replyMessages, turn.timestamp])).toEqual([
      [[0, 1], [2, 3], "t2"],
      [[4], [5], "t4"],
      [[6], [], "t4"],
    ]);
  });

  it("starts with an answer when the export does, dated from the conversation", () => {
    const turns = recordTurns(
      record(["assistant", "user", "assistant"], [undefined, undefined, "t2"]),
    );
    expect(turns.map((turn) => [turn.userMessages, turn.replyMessages, turn.timestamp])).toEqual([
      [[], [0], "2025-01-01T00:00:00.000Z"],
      [[1], [2], "t2"],
    ]);
  });
});
