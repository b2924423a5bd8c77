// Plans benchmark (`npm run bench plans`). The site recomputes the projection and the comparison on
// every keystroke, so a full recompute must stay well under one 16 ms frame. Everything is timed in
// one process against a baseline measured in the same run, so the ratios hold across machines:
//   - baseline: one replayConversation of the moderate preset's 8-turn conversation on gpt-5.5
//   - projectMonthly of the moderate preset on 50 models
//   - one break-even solve (bisection on a projection's monthly cost)
//   - the site's default scenario, recomputed in full: moderate preset on the calculator's four
//     default models (site/lib/scenario.ts PREFERRED_MODELS), projected and compared with Plus
// Run alone: `node --import tsx --expose-gc bench/plans.bench.ts`.
import {
  comparePlans,
  listModels,
  monthlyCostAt,
  projectMonthly,
  replayConversation,
  solveBreakEven,
  type TokenizedConversation,
  usagePreset,
} from "../packages/core/src/index.ts";

const AT = "2026-11-27";
const FRAME_MS = 16;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

let sink = 0;

/**
 * Times several bodies fairly: calibrates each to ~20 ms per batch, then runs the batches
 * interleaved (round-robin, 9 rounds) so JIT warm-up and GC hit every case alike; returns the
 * median ms per iteration of each.
 */
function measureAll(bodies: Record<string, () => number>): Record<string, number> {
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
  for (let round = 0; round < 9; round++) {
    for (const name of names) {
      const body = bodies[name] as () => number;
      const n = iterations.get(name) ?? 1;
      gc();
      const start = performance.now();
      for (let i = 0; i < n; i++) sink += body();
      samples.get(name)?.push((performance.now() - start) / n);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length / 2)] ?? 0];
    }),
  );
}

const fmt = (n: number, digits = 2) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const moderate = usagePreset("moderate");
// The moderate conversation as the projection replays it: 60 words → 80 tokens, 250 words → 333.
const conversation: TokenizedConversation = {
  systemTokens: 300,
  userTokens: new Float64Array(8).fill(80),
  replyTokens: [new Float64Array(8).fill(333)],
};

// 50 models priced on the date, taken across providers in table order (chat models first: the
// embedding-free table lists only text models).
const fifty = listModels({ at: AT })
  .map((m) => m.id)
  .slice(0, 50);
if (fifty.length < 50) throw new Error(`only ${fifty.length} models priced on ${AT}`);
const SITE_DEFAULT_MODELS = ["gpt-5.5", "gpt-5.4-mini", "claude-sonnet-5", "gemini-3.5-flash"];

const [one] = projectMonthly(moderate, ["gpt-5.5"], { at: AT });
if (one === undefined) throw new Error("no projection");
const plusUsd = 20;

const times = measureAll({
  baseline: () =>
    replayConversation(conversation, "gpt-5.5", { at: AT, reasoning: "none" }).totalUsd,
  "projectMonthly, 50 models": () =>
    projectMonthly(moderate, fifty, { at: AT }).reduce((s, p) => s + p.expected.totalUsd, 0),
  "one break-even solve": () => solveBreakEven((m) => monthlyCostAt(one, m), plusUsd, 5760) ?? 0,
  "site default: project 4 models + compare with Plus": () => {
    const projections = projectMonthly(moderate, SITE_DEFAULT_MODELS, { at: AT });
    return comparePlans(projections, ["chatgpt-plus"]).reduce((s, c) => s + c.apiUsd, 0);
  },
});

const base = times.baseline ?? 1;
process.stdout.write(
  `plans (moderate preset, 8-turn conversations, 256 sampled months, bundled tables, ${AT}):\n`,
);
for (const [label, ms] of Object.entries(times)) {
  const name = label === "baseline" ? "baseline: one replayConversation (8 turns, gpt-5.5)" : label;
  const times_ = ms / base;
  const ratio = label === "baseline" ? "" : `  (${fmt(times_, times_ < 10 ? 1 : 0)}× the baseline)`;
  const frame =
    label === "site default: project 4 models + compare with Plus"
      ? `  ${fmt((ms / FRAME_MS) * 100, 0)}% of a ${FRAME_MS} ms frame`
      : "";
  process.stdout.write(`  ${name.padEnd(52)} ${fmt(ms, 3).padStart(9)} ms${ratio}${frame}\n`);
}
const full =
  times["site default: project 4 models + compare with Plus"] ?? Number.POSITIVE_INFINITY;
process.stdout.write(
  `  ${full < FRAME_MS / 2 ? "OK" : "TOO SLOW"}: a full recompute must stay well under ${FRAME_MS} ms (target < ${FRAME_MS / 2} ms)\n`,
);
process.stdout.write(
  `  (check: moderate on gpt-5.5 ${fmt(one.expected.totalUsd, 4)} USD/month; sink ${fmt(sink, 0)})\n`,
);
if (!(full < FRAME_MS)) process.exitCode = 1;
