import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type ConversationLogRecord,
  type EstimateReport,
  estimateReportSchema,
  getTokenizer,
  readLog,
  replayConversation,
} from "@tokenmeter/core";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PRIVATE_MARKER,
  REPO_ROOT,
  removeTempDirs,
  runCli,
  runCliJson,
  sameToMicroDollar,
  tempDir,
} from "./support/run-cli.ts";

const EXPORT_DIR = `${REPO_ROOT}test/fixtures/cli/chatgpt-export`;
let zipPath = "";
let conversations: ConversationLogRecord[] = [];

beforeAll(async () => {
  // The export exactly as ChatGPT ships it: a zip with conversations.json beside chat.html and user.json.
  const dir = tempDir("tokenmeter-export-");
  zipPath = join(dir, "chatgpt-export.zip");
  const file = (name: string) => new Uint8Array(readFileSync(join(EXPORT_DIR, name)));
  writeFileSync(
    zipPath,
    zipSync({
      "conversations.json": file("conversations.json"),
      "chat.html": file("chat.html"),
      "user.json": file("user.json"),
    }),
  );
  // The records as core's reader sees them (active branch, custom instructions as system prompt).
  const { records } = await readLog(
    "chatgpt-export",
    [readFileSync(join(EXPORT_DIR, "conversations.json"))],
    { fileName: "conversations.json" },
  );
  conversations = records as ConversationLogRecord[];
});

/**
 * The replay core does for one conversation on one model: one call per user message, each message
 * counted once with the model's tokenizer (the two fixture conversations alternate strictly).
 */
async function replay(
  conversation: ConversationLogRecord,
  model: string,
  at: string,
  reasoning?: "high",
) {
  const tokenizer = await getTokenizer(model);
  const count = (index: number) => tokenizer.count(conversation.messages[index]?.text ?? "");
  const turns = conversation.messages.length / 2;
  const view = {
    systemTokens:
      conversation.systemPrompt === undefined ? 0 : tokenizer.count(conversation.systemPrompt),
    userTokens: Array.from({ length: turns }, (_, k) => count(2 * k)),
    replyTokens: [Array.from({ length: turns }, (_, k) => count(2 * k + 1))],
  };
  const result = replayConversation(view, model, {
    at,
    perTurn: true,
    ...(reasoning === undefined ? {} : { reasoning }),
  });
  const cost = result.models[0];
  if (cost?.turns === undefined) throw new Error("no turns");
  return cost.turns;
}

afterAll(removeTempDirs);

describe("tokenmeter estimate on a ChatGPT export (.zip as downloaded)", () => {
  it("replays the active branch of each conversation on the model that answered, month by month", async () => {
    const { json, result } = await runCliJson<EstimateReport>(["estimate", zipPath]);
    expect(estimateReportSchema.parse(json)).toEqual(json);
    const [tripPlanning, mathHelp] = conversations;
    if (tripPlanning === undefined || mathHelp === undefined) throw new Error("fixture not read");
    expect(tripPlanning.systemPrompt).toContain("I like trains.");
    const a = await replay(tripPlanning, "gpt-4o", "2025-01-31");
    const b = await replay(mathHelp, "o3-mini", "2025-02-10", "high");

    // UTC: conversation A's first answer is on 31 January, its second on 1 February.
    expect(
      json.rows.map((row) => [
        row.key,
        row.scenarios[0]?.requestCount,
        row.scenarios[0]?.unpricedRequestCount,
      ]),
    ).toEqual([
      ["2025-01", 1, 0],
      ["2025-02", 3, 1],
    ]);
    expect(
      sameToMicroDollar(
        json.rows[0]?.scenarios[0]?.totalUsd ?? Number.NaN,
        a[0]?.totalUsd ?? Number.NaN,
      ),
    ).toBe(true);
    expect(
      sameToMicroDollar(
        json.rows[1]?.scenarios[0]?.totalUsd ?? Number.NaN,
        (a[1]?.totalUsd ?? Number.NaN) + (b[0]?.totalUsd ?? Number.NaN),
      ),
    ).toBe(true);
    expect(json.usageExact).toBe(false);
    // The second answer of "Math help" came from a model name tokenmeter does not know: reported, never $0 silently.
    expect(json.coverage.unpricedModels).toEqual([
      {
        model: "gpt-7-turbo-x",
        reason: "UNKNOWN_MODEL",
        scenarioId: "as-used",
        requestCount: 1,
        suggestions: [],
      },
    ]);
    expect(json.coverage.files).toEqual([
      {
        file: `${zipPath}!conversations.json`,
        format: "chatgpt-export",
        recordKind: "conversation",
        recordsRead: 2,
        recordsSkipped: 0,
      },
    ]);
    expect(json.coverage.totalsAreLowerBounds).toBe(true);
    expect(json.assumptions.map((assumption) => assumption.id)).toEqual(
      expect.arrayContaining(["history-resent", "model-map", "left-out"]),
    );
    expect(
      json.assumptions.find((assumption) => assumption.id === "left-out")?.description,
    ).toContain("1 on other branches");
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("puts turns in months of --tz", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      zipPath,
      "--tz",
      "America/New_York",
    ]);
    // 23:30Z on 31 January and 00:11Z on 1 February are both 31 January in New York.
    expect(json.timeZone).toBe("America/New_York");
    expect(json.rows.map((row) => [row.key, row.scenarios[0]?.requestCount])).toEqual([
      ["2025-01", 2],
      ["2025-02", 2],
    ]);
  });

  it("re-prices the same chats on other models with --model (each replayed with that model's tokenizer)", async () => {
    const { json } = await runCliJson<EstimateReport>([
      "estimate",
      zipPath,
      "--model",
      "gpt-4o-mini",
      "--by",
      "conversation",
    ]);
    const [tripPlanning, mathHelp] = conversations;
    if (tripPlanning === undefined || mathHelp === undefined) throw new Error("fixture not read");
    const a = await replay(tripPlanning, "gpt-4o-mini", "2025-01-31");
    const b = await replay(mathHelp, "gpt-4o-mini", "2025-02-10");
    const sum = (turns: readonly { totalUsd: number }[]) =>
      turns.reduce((total, turn) => total + turn.totalUsd, 0);
    expect(json.totals[1]).toMatchObject({
      scenarioId: "gpt-4o-mini",
      requestCount: 4,
      unpricedRequestCount: 0,
    });
    expect(sameToMicroDollar(json.totals[1]?.totalUsd ?? Number.NaN, sum(a) + sum(b))).toBe(true);
    const rowA = json.rows.find((row) => row.key === "conv-a");
    expect(rowA?.title).toBe(`Trip planning ${PRIVATE_MARKER}`);
    expect(rowA?.scenarios[1]?.inputTokens).toBe(
      a.reduce((total, turn) => total + turn.usage.inputTokens, 0),
    );
    expect(rowA?.scenarios[1]?.outputTokens).toBe(
      a.reduce((total, turn) => total + turn.usage.outputTokens, 0),
    );
  });

  it("compares each month with several plans: API $x vs Plus $20.00", async () => {
    const args = ["estimate", zipPath, "--plan", "plus", "--plan", "chatgpt-pro-200"];
    const { json } = await runCliJson<EstimateReport>(args);
    // The months' API costs (each checked to the micro-dollar by the tests above).
    const apiUsd = json.months.map((month) => month.scenarios[0]?.totalUsd);
    expect(apiUsd.map((usd) => usd?.toFixed(7))).toEqual(["0.0004175", "0.0017466"]);
    const result = await runCli(args);
    expect(result.code).toBe(0);
    // One number of decimals for the whole column: two significant digits of the smallest
    // amount, 0.0004175 (−log10 = 3.38 → 4, + 1 = 5 decimals): $0.00042 and $0.00175. The last
    // column compares the first plan: 20 − 0.0004175 = 19.9995825 → "$20.00 less".
    expect(result.stdout).toMatch(
      /\n2025-01\* +1 +\$0\.00042 +\$20\.00 +\$200\.00 +\$20\.00 less\n2025-02\* +2 +\$0\.00175 +\$20\.00 +\$200\.00 +\$20\.00 less\n/,
    );
    expect(result.stdout).toMatch(
      /Month +Active days +API \(as used\) +ChatGPT Plus +ChatGPT Pro \(\$200 tier\) +API vs ChatGPT Plus\n/,
    );
    // One sentence per plan over the same months: 0.0004175 + 0.0017466 = 0.0021641 → $0.00216.
    expect(result.stdout).toContain(
      "Over 2 months, ChatGPT Plus comes to $40.00; the API would have cost $0.00216 ($40.00 less; cheaper in 2 of 2 months).\nOver 2 months, ChatGPT Pro ($200 tier) comes to $400.00; the API would have cost $0.00216 ($400.00 less; cheaper in 2 of 2 months).",
    );
    expect(result.stdout).toContain("Totals are lower bounds");
    expect(result.stdout).not.toContain("(s)");
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("reads the same export unzipped (conversations.json) with identical totals", async () => {
    const zipped = await runCliJson<EstimateReport>(["estimate", zipPath]);
    const plain = await runCliJson<EstimateReport>([
      "estimate",
      join(EXPORT_DIR, "conversations.json"),
    ]);
    expect(plain.json.totals).toEqual(zipped.json.totals);
  });

  it("gives identical reports whether tokens are counted in the main thread or in worker threads", async () => {
    const args = [
      "estimate",
      zipPath,
      `${REPO_ROOT}test/fixtures/cli/generic-small.jsonl`,
      "--model",
      "gpt-4o-mini",
      "--json",
    ];
    const inline = await runCli(args, { env: { TOKENMETER_WORKERS: "0" } });
    const oneWorker = await runCli(args, { env: { TOKENMETER_WORKERS: "1" } });
    const twoWorkers = await runCli(args, { env: { TOKENMETER_WORKERS: "2" } });
    expect(inline.code).toBe(0);
    expect(oneWorker.stdout).toBe(inline.stdout);
    expect(twoWorkers.stdout).toBe(inline.stdout);
  });

  it("streams a multi-megabyte export zip (stored or deflated) with the same totals as the file itself", async () => {
    // 400 copies of the two fixture conversations (~3 MB), each copy with its own ids.
    const [tripPlanning, mathHelp] = JSON.parse(
      readFileSync(join(EXPORT_DIR, "conversations.json"), "utf8"),
    ) as Record<string, unknown>[];
    const copies = Array.from({ length: 400 }, (_, index) => [
      { ...tripPlanning, id: `conv-a-${index}`, conversation_id: `conv-a-${index}` },
      { ...mathHelp, id: `conv-b-${index}`, conversation_id: `conv-b-${index}` },
    ]).flat();
    const dir = tempDir("tokenmeter-big-export-");
    const json = new TextEncoder().encode(JSON.stringify(copies));
    writeFileSync(join(dir, "conversations.json"), json);
    writeFileSync(
      join(dir, "stored.zip"),
      zipSync({ "conversations.json": json, "chat.html": new Uint8Array(0) }, { level: 0 }),
    );
    writeFileSync(
      join(dir, "deflated.zip"),
      zipSync({ "conversations.json": json, "chat.html": new Uint8Array(0) }, { level: 6 }),
    );
    const plain = await runCliJson<EstimateReport>(["estimate", join(dir, "conversations.json")], {
      env: { TOKENMETER_WORKERS: "0" },
    });
    expect(plain.json.totals[0]?.requestCount).toBe(400 * 4);
    for (const zip of ["stored.zip", "deflated.zip"]) {
      for (const workers of ["0", "1"]) {
        const zipped = await runCliJson<EstimateReport>(["estimate", join(dir, zip)], {
          env: { TOKENMETER_WORKERS: workers },
        });
        expect(zipped.json.totals).toEqual(plain.json.totals);
        expect(zipped.json.coverage.recordsRead).toBe(800);
      }
    }
  });
});
