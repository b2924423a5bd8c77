// DeepSeek V4's peak hours through the built CLI. deepseek-v4-flash (table 2026.11.27.3): off-peak
// $0.22 in / $0.66 out, peak (UTC 01:00–04:00 and 06:00–10:00, `until` exclusive) $0.44 / $1.32 per
// million tokens. Each line below is 1,000,000 input + 1,000,000 output tokens: $1.76 at peak,
// $0.88 off-peak.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, runCli, runCliJson, tempDir } from "./support/run-cli.ts";

afterAll(removeTempDirs);

const line = (timestamp: string) =>
  JSON.stringify({
    timestamp,
    model: "deepseek-v4-flash",
    usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 },
  });

function logFile(lines: string[]): string {
  const file = join(tempDir("tokenmeter-peak-"), "calls.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

interface Totals {
  totalUsd: number;
  inputUsd: number;
  outputUsd: number;
  requestCount: number;
}
interface EstimateJson {
  rows: { key: string; scenarios: Totals[] }[];
  totals: Totals[];
  assumptions: { id: string; description: string }[];
}

describe("tokenmeter estimate: each request at the prices of its UTC time", () => {
  it("a peak and an off-peak request cost $1.76 and $0.88", async () => {
    const file = logFile([line("2026-09-01T02:00:00Z"), line("2026-09-02T12:00:00Z")]);
    const { json } = await runCliJson<EstimateJson>(["estimate", file, "--by", "day"]);
    const byDay = Object.fromEntries(json.rows.map((r) => [r.key, r.scenarios[0]?.totalUsd]));
    expect(byDay["2026-09-01"]).toBeCloseTo(1.76, 9); // 0.44 + 1.32
    expect(byDay["2026-09-02"]).toBeCloseTo(0.88, 9); // 0.22 + 0.66
    expect(json.totals[0]?.totalUsd).toBeCloseTo(2.64, 9);
    expect(json.assumptions.map((a) => a.description).join("\n")).not.toContain("peak-hour");
  });

  it("04:00:00 exactly is off-peak, 03:59:59 is peak", async () => {
    const file = logFile([line("2026-09-01T03:59:59Z"), line("2026-09-02T04:00:00Z")]);
    const { json } = await runCliJson<EstimateJson>(["estimate", file, "--by", "day"]);
    const byDay = Object.fromEntries(json.rows.map((r) => [r.key, r.scenarios[0]?.totalUsd]));
    expect(byDay["2026-09-01"]).toBeCloseTo(1.76, 9);
    expect(byDay["2026-09-02"]).toBeCloseTo(0.88, 9);
  });

  it("a line dated without a time is priced at peak ($1.76), and the report says so", async () => {
    const file = logFile([line("2026-09-01")]);
    const { json } = await runCliJson<EstimateJson>(["estimate", file]);
    expect(json.totals[0]?.totalUsd).toBeCloseTo(1.76, 9);
    const notes = json.assumptions.filter((a) => a.description.includes("peak-hour prices"));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.description).toContain("this usage has no time of day");
    expect(notes[0]?.description).toContain("an upper bound");
    // Named once, not "deepseek-v4-flash: deepseek-v4-flash has …".
    expect(notes[0]?.description).toMatch(/^deepseek-v4-flash has peak-hour prices/);

    const { stdout } = await runCli(["estimate", file]);
    expect(stdout).toContain(
      "has no time of day (a date without a time, a usage bucket or a monthly projection): priced at the peak prices",
    );
  });
});

describe("other logs re-priced on deepseek-v4-flash (-m)", () => {
  it("a usage-CSV row summing a day is priced at peak, with the note", async () => {
    const dir = tempDir("tokenmeter-peak-csv-");
    const file = join(dir, "completions_usage_2026-09-01_2026-09-02.csv");
    writeFileSync(
      file,
      "start_time,end_time,model,input_tokens,output_tokens,num_model_requests\n" +
        "1788220800,1788307200,gpt-4o-2024-08-06,1000000,1000000,10\n",
    );
    const { json } = await runCliJson<EstimateJson>([
      "estimate",
      file,
      "--model",
      "deepseek-v4-flash",
    ]);
    expect(json.totals[1]?.totalUsd).toBeCloseTo(1.76, 9); // 1M × 0.44 + 1M × 1.32
    expect(json.assumptions.some((a) => a.description.includes("a usage bucket"))).toBe(true);
  });

  it("ChatGPT conversations: each turn at the prices of its own time (peak = 2 × off-peak)", async () => {
    const at = (iso: string) => Date.parse(iso) / 1000;
    const conversation = (id: string, time: string) => ({
      id,
      conversation_id: id,
      title: id,
      create_time: at(time),
      update_time: at(time) + 10,
      current_node: "a1",
      mapping: {
        root: { id: "root", message: null, parent: null, children: ["u1"] },
        u1: {
          id: "u1",
          parent: "root",
          children: ["a1"],
          message: {
            id: "u1",
            author: { role: "user" },
            create_time: at(time),
            content: { content_type: "text", parts: ["Explain photosynthesis. ".repeat(40)] },
            metadata: {},
          },
        },
        a1: {
          id: "a1",
          parent: "u1",
          children: [],
          message: {
            id: "a1",
            author: { role: "assistant" },
            create_time: at(time) + 10,
            content: { content_type: "text", parts: ["Light becomes sugar. ".repeat(40)] },
            metadata: { model_slug: "gpt-4o" },
          },
        },
      },
    });
    const file = join(tempDir("tokenmeter-peak-chat-"), "conversations.json");
    writeFileSync(
      file,
      JSON.stringify([
        conversation("peak", "2026-09-01T02:00:00Z"),
        conversation("off", "2026-09-02T12:00:00Z"),
      ]),
    );
    const { json } = await runCliJson<EstimateJson>([
      "estimate",
      file,
      "--model",
      "deepseek-v4-flash",
      "--by",
      "conversation",
      "--reasoning",
      "none",
      "--caching",
      "none",
    ]);
    const onFlash = Object.fromEntries(json.rows.map((r) => [r.key, r.scenarios[1]?.totalUsd]));
    // Same text, so the same tokens: every peak price is twice the off-peak one.
    expect(onFlash.peak).toBeGreaterThan(0);
    expect(onFlash.peak).toBeCloseTo(2 * (onFlash.off ?? 0), 12);
    expect(json.assumptions.map((a) => a.description).join("\n")).not.toContain("peak-hour");
  });
});

describe("tokenmeter prices deepseek-v4-flash", () => {
  it("prints the peak hours under the off-peak prices", async () => {
    const { code, stdout } = await runCli(["prices", "deepseek-v4-flash", "--at", "2026-09-01"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Peak hours (UTC 01:00–04:00 and 06:00–10:00, except all day on Saturdays and Sundays in UTC+08:00): $0.44 in / $0.014 cached / $1.32 out per 1M tokens.",
    );
    expect(stdout).toContain("The prices above are off-peak");
  });

  it("the list of models says which rows are off-peak prices", async () => {
    const { code, stdout } = await runCli([
      "prices",
      "--provider",
      "deepseek",
      "--at",
      "2026-09-01",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "deepseek-v4-flash, deepseek-v4-pro: off-peak prices shown; peak hours cost more",
    );
    const openai = await runCli(["prices", "--provider", "openai", "--at", "2026-09-01"]);
    expect(openai.stdout).not.toContain("peak hours");
  });

  it("--json includes peakHours on the record", async () => {
    const { json } = await runCliJson<{
      models: { prices: { inputUsdPerMTok: number; peakHours: unknown }[] }[];
    }>(["prices", "deepseek-v4-flash", "--at", "2026-08-20"]);
    const record = json.models[0]?.prices[0];
    expect(record?.inputUsdPerMTok).toBe(0.22);
    expect(record?.peakHours).toEqual({
      inputUsdPerMTok: 0.44,
      cachedInputUsdPerMTok: 0.014,
      outputUsdPerMTok: 1.32,
      windowsUtc: [
        { from: "01:00", until: "04:00" },
        { from: "06:00", until: "10:00" },
      ],
    });
  });

  it("a model without peak hours has peakHours: null in JSON", async () => {
    const { json } = await runCliJson<{ models: { prices: { peakHours: unknown }[] }[] }>([
      "prices",
      "gpt-4o",
    ]);
    expect(json.models[0]?.prices[0]?.peakHours).toBeNull();
  });
});
