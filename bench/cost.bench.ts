// Cost-engine benchmark (`npm run bench cost`). Everything is timed in one process against trivial
// baselines measured in the same run, so the ratios hold across machines:
//   - priceUsage calls per second vs hand-inlined arithmetic on the same usage objects
//   - replayConversation on a 200-turn conversation (1 model, and a 3-model room) vs a bare loop
//     that only sums the re-sent history
//   - estimateConversation on the same 200 turns as text (tokenizers warm), and its first call
// Run alone: `node --import tsx --expose-gc bench/cost.bench.ts`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  estimateConversation,
  getTokenizer,
  priceUsage,
  replayConversation,
  type TokenizedConversation,
  type Usage,
  usageFromOpenAI,
} from "../packages/core/src/index.ts";

// Core's tokenizer assets resolve through the `development` export condition when run from
// source; re-run this script with it when the runner did not pass it.
if (!process.execArgv.some((arg) => arg.includes("conditions"))) {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ["--conditions=development", ...process.execArgv, self], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Times several bodies fairly: calibrates each to ~20 ms per batch, then runs the batches
 * interleaved (round-robin, 7 rounds) so JIT warm-up and GC hit every case alike; returns the
 * median ms per iteration of each.
 */
function measureAll(bodies: Record<string, () => number>): Record<string, number> {
  let sink = 0;
  const names = Object.keys(bodies);
  const iterations = new Map<string, number>();
  for (const name of names) {
    const body = bodies[name] as () => number;
    let n = 1;
    for (;;) {
      const start = performance.now();
      for (let i = 0; i < n; i++) sink += body();
      if (performance.now() - start >= 20) break;
      n *= 2;
    }
    iterations.set(name, n);
  }
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < 7; round++) {
    for (const name of names) {
      const body = bodies[name] as () => number;
      const n = iterations.get(name) ?? 1;
      gc();
      const start = performance.now();
      for (let i = 0; i < n; i++) sink += body();
      samples.get(name)?.push((performance.now() - start) / n);
    }
  }
  sinkTotal += sink;
  return Object.fromEntries(
    names.map((name) => {
      const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length / 2)] ?? 0];
    }),
  );
}
let sinkTotal = 0;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same input. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

// --- priceUsage -------------------------------------------------------------------------------
const random = prng(42);
const USAGES: Usage[] = Array.from({ length: 1024 }, () => ({
  inputTokens: Math.floor(random() * 50_000),
  cachedInputTokens: Math.floor(random() * 20_000),
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: Math.floor(random() * 4_000),
  reasoningTokens: Math.floor(random() * 2_000),
}));
const OPENAI_OBJECTS = USAGES.map((u) => ({
  prompt_tokens: u.inputTokens + u.cachedInputTokens,
  completion_tokens: u.outputTokens + u.reasoningTokens,
  prompt_tokens_details: { cached_tokens: u.cachedInputTokens },
  completion_tokens_details: { reasoning_tokens: u.reasoningTokens },
}));

let index = 0;
const priceTimes = measureAll({
  baseline: () => {
    const u = USAGES[index++ & 1023] as Usage;
    // gpt-4o's prices inlined: the least any pricing function must do.
    return (
      (u.inputTokens * 2.5 +
        u.cachedInputTokens * 1.25 +
        (u.outputTokens + u.reasoningTokens) * 10) /
      1_000_000
    );
  },
  "priceUsage(usage, model)": () => priceUsage(USAGES[index++ & 1023] as Usage, "gpt-4o").totalUsd,
  'priceUsage(…, { at: "2025-03-01" })': () =>
    priceUsage(USAGES[index++ & 1023] as Usage, "gpt-4o", { at: "2025-03-01" }).totalUsd,
  "priceUsage(usageFromOpenAI(obj), alias)": () =>
    priceUsage(usageFromOpenAI(OPENAI_OBJECTS[index++ & 1023]), "openai/gpt-4o").totalUsd,
});

process.stdout.write("priceUsage (gpt-4o, bundled table, 1,024 varied usages):\n");
const perSecond = (ms: number) => fmt(1000 / ms);
const priceBase = priceTimes.baseline ?? 1;
for (const [label, ms] of Object.entries(priceTimes)) {
  const name = label === "baseline" ? "baseline (inlined arithmetic)" : label;
  const ratio = label === "baseline" ? "" : `  (${fmt(ms / priceBase, 1)}× the baseline's time)`;
  process.stdout.write(`  ${name.padEnd(40)} ${perSecond(ms).padStart(13)} calls/s${ratio}\n`);
}

// --- replayConversation -------------------------------------------------------------------------
const TURNS = 200;
const conversation: TokenizedConversation = {
  systemTokens: 1_200,
  userTokens: Float64Array.from({ length: TURNS }, () => 20 + Math.floor(random() * 200)),
  replyTokens: [Float64Array.from({ length: TURNS }, () => 100 + Math.floor(random() * 700))],
};
const room: TokenizedConversation = {
  ...conversation,
  replyTokens: [0, 1, 2].map(() =>
    Float64Array.from({ length: TURNS }, () => 100 + Math.floor(random() * 700)),
  ),
};

const models = ["gpt-4o", "claude-sonnet-4-5", "gemini-2.5-pro"];
const replayTimes = measureAll({
  // The bare minimum of the same job: re-send the running history every turn and sum it.
  baseline: () => {
    const users = conversation.userTokens;
    const replies = conversation.replyTokens[0] as ArrayLike<number>;
    let history = conversation.systemTokens + 4;
    let input = 0;
    let output = 0;
    for (let k = 0; k < TURNS; k++) {
      const user = (users[k] as number) + 4;
      input += history + user + 3;
      output += replies[k] as number;
      history += user + (replies[k] as number) + 4;
    }
    return (input * 2.5 + output * 10) / 1_000_000;
  },
  "gpt-4o, perTurn: false": () =>
    replayConversation(conversation, "gpt-4o", { perTurn: false }).totalUsd,
  "gpt-4o, with per-turn breakdown": () => replayConversation(conversation, "gpt-4o").totalUsd,
  "3-model room, perTurn: false": () =>
    replayConversation(room, models, { perTurn: false }).totalUsd,
  "3-model room, with per-turn breakdown": () => replayConversation(room, models).totalUsd,
});

process.stdout.write(`\nreplayConversation (${TURNS} turns, bundled table):\n`);
const replayBase = replayTimes.baseline ?? 1;
for (const [label, ms] of Object.entries(replayTimes)) {
  const name = label === "baseline" ? "baseline (bare running-sum loop, 1 model)" : label;
  const extra =
    label === "baseline"
      ? ""
      : `  (${fmt(1000 / ms)} replays/s; ${fmt(ms / replayBase, 1)}× the baseline)`;
  process.stdout.write(`  ${name.padEnd(42)} ${fmt(ms * 1000, 2).padStart(9)} µs${extra}\n`);
}

// --- estimateConversation ------------------------------------------------------------------------
const WORDS =
  "the of and to in is you that it he was for on are as with his they I at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part over new sound take only little work know place year live me back give most very after thing our just name good sentence man think say great where help through much before line right too mean old any same tell boy follow came want show also around form three small set put end does another well large must big even such because turn here why ask went men read need land different home us move try kind hand picture again change off play spell air away animal house point page letter mother answer found study still learn should America world café naïve 東京 😀".split(
    " ",
  );
const text = (words: number) =>
  Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
const textTurns = Array.from({ length: TURNS }, () => ({
  user: text(20 + Math.floor(random() * 120)),
  assistant: text(80 + Math.floor(random() * 450)),
}));
const system = text(900);

const firstStart = performance.now();
const first = await estimateConversation(textTurns, "gpt-4o", { system });
const firstMs = performance.now() - firstStart;
await getTokenizer("claude-sonnet-4-5");
await getTokenizer("gemini-2.5-pro");

async function timeAsync(run: () => Promise<number>, rounds = 7): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    gc();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}
const estimateOne = await timeAsync(
  async () => (await estimateConversation(textTurns, "gpt-4o", { system })).totalUsd,
);
const estimateRoom = await timeAsync(
  async () => (await estimateConversation(textTurns, models, { system })).totalUsd,
);
const characters = textTurns.reduce(
  (n, t) => n + t.user.length + t.assistant.length,
  system.length,
);

process.stdout.write(
  `\nestimateConversation (${TURNS} turns of text, ${fmt(characters / 1024)} KiB; tokenizers loaded):\n`,
);
process.stdout.write(
  `  first call, gpt-4o (includes loading o200k_base)   ${fmt(firstMs, 1).padStart(8)} ms\n`,
);
process.stdout.write(
  `  gpt-4o                                             ${fmt(estimateOne, 2).padStart(8)} ms  (replay alone: ${fmt(replayTimes["gpt-4o, with per-turn breakdown"] ?? 0, 3)} ms; the rest is counting)\n`,
);
process.stdout.write(
  `  3-model room (each model counts all text)           ${fmt(estimateRoom, 2).padStart(8)} ms\n`,
);
process.stdout.write(
  `  (check: ${fmt(first.totalUsd, 4)} USD for gpt-4o; sink ${fmt(sinkTotal)})\n`,
);
