// Token-counting benchmark (`npm run bench tokens`). One run, one 10 MB text built from the same
// mixed corpus the cross-check test uses, timed against baselines measured in the same process:
//   - countTokens vs raw tiktoken `encode_ordinary().length` (target ≤ 1.10×)
//   - vs gpt-tokenizer and js-tiktoken (plain-text mode)
//   - cold start of each tokenizer in a fresh child process (import + load + first count)
//   - Claude estimator throughput
// Run alone: `node --import tsx --expose-gc bench/tokens.bench.ts`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { countTokens as gptTokenizerCount } from "gpt-tokenizer/encoding/o200k_base";
import { Tiktoken as JsTiktoken } from "js-tiktoken/lite";
import jsO200k from "js-tiktoken/ranks/o200k_base";
import { Tiktoken } from "tiktoken/lite";
import { buildCorpus } from "../test/fixtures/tokens/corpus.ts";

const self = fileURLToPath(import.meta.url);
const coreTokens = new URL("../packages/core/src/tokens/index.ts", import.meta.url).href;

/** Child mode: `--cold <model>` prints one JSON line with the cold-start timings of that model. */
async function coldStart(model: string): Promise<void> {
  const t0 = performance.now();
  const core = (await import(coreTokens)) as typeof import("../packages/core/src/tokens/index.ts");
  const t1 = performance.now();
  const tokenizer = await core.getTokenizer(model);
  const t2 = performance.now();
  const tokens = tokenizer.count("The first count after loading: héllo, 世界! 👋");
  const t3 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, firstCountMs: t3 - t2, tokens, rssMB: process.memoryUsage().rss / 2 ** 20 })}\n`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function timeOnce(run: () => number): { ms: number; tokens: number } {
  gc();
  const start = performance.now();
  const tokens = run();
  return { ms: performance.now() - start, tokens };
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** 10 MiB of the mixed corpus (repeated as needed), cut at a line break so no pair or token is split. */
function tenMegabytes(): string {
  const targetBytes = 10 * 1024 * 1024;
  const docs = buildCorpus();
  const pieces: string[] = [];
  let usedBytes = 0;
  for (let i = 0; usedBytes < targetBytes; i += 1) {
    const text = `${docs[i % docs.length]?.text ?? ""}\n`;
    const bytes = Buffer.byteLength(text);
    if (usedBytes + bytes <= targetBytes) {
      pieces.push(text);
      usedBytes += bytes;
      continue;
    }
    // Largest prefix that fits (binary search on UTF-8 length), then back to a line break.
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (Buffer.byteLength(text.slice(0, mid)) <= targetBytes - usedBytes) low = mid;
      else high = mid - 1;
    }
    pieces.push(text.slice(0, text.lastIndexOf("\n", low) + 1));
    break;
  }
  return pieces.join("");
}

async function main(): Promise<void> {
  const { countTokens, getTokenizer } = (await import(
    coreTokens
  )) as typeof import("../packages/core/src/tokens/index.ts");
  const text = tenMegabytes();
  const megabytes = Buffer.byteLength(text) / 2 ** 20;
  process.stdout.write(
    `text: ${megabytes.toFixed(2)} MiB (mixed corpus: prose, code, JSON, CJK, RTL, emoji, whitespace runs), one string\n\n`,
  );

  // Baseline: a raw tiktoken lite encoder, built the documented way, outside tokenmeter.
  const ranks = (await import("tiktoken/encoders/o200k_base")).default as unknown as {
    bpe_ranks: string;
    special_tokens: Record<string, number>;
    pat_str: string;
  };
  const raw = new Tiktoken(ranks.bpe_ranks, ranks.special_tokens, ranks.pat_str);
  await getTokenizer("gpt-4o");
  const rawRun = () => raw.encode_ordinary(text).length;
  let oursTokens = 0;
  const oursRun = async () => {
    gc();
    const start = performance.now();
    oursTokens = (await countTokens(text, "gpt-4o")).tokens;
    return performance.now() - start;
  };

  // Interleaved so machine noise hits both equally; the first round warms up and is dropped.
  const rawMs: number[] = [];
  const oursMs: number[] = [];
  let rawTokens = 0;
  for (let round = 0; round < 6; round += 1) {
    const r = timeOnce(rawRun);
    rawTokens = r.tokens;
    const o = await oursRun();
    if (round > 0) {
      rawMs.push(r.ms);
      oursMs.push(o);
    }
  }
  if (oursTokens !== rawTokens) throw new Error(`count mismatch: ${oursTokens} vs ${rawTokens}`);

  const gptMs: number[] = [];
  let gptTokens = 0;
  for (let round = 0; round < 3; round += 1) {
    const r = timeOnce(() => gptTokenizerCount(text, { disallowedSpecial: new Set() }));
    gptMs.push(r.ms);
    gptTokens = r.tokens;
  }
  const js = new JsTiktoken(jsO200k);
  const jsMs: number[] = [];
  let jsTokens = 0;
  for (let round = 0; round < 2; round += 1) {
    const r = timeOnce(() => js.encode(text, [], []).length);
    jsMs.push(r.ms);
    jsTokens = r.tokens;
  }

  const base = median(rawMs);
  const row = (name: string, ms: number, tokens: number, note = "") =>
    `| ${name} | ${fmtMs(ms)} | ${(megabytes / (ms / 1000)).toFixed(2)} | ${(tokens / 1e6).toFixed(3)} | ${(ms / base).toFixed(3)}× | ${note} |\n`;
  process.stdout.write(
    "### o200k_base, 10 MB (median; raw and countTokens: 5 interleaved rounds after a warm-up)\n\n" +
      "| counter | time | MiB/s | M tokens | vs raw tiktoken | note |\n|---|---|---|---|---|---|\n" +
      row("raw tiktoken encode_ordinary().length", base, rawTokens, "baseline") +
      row(
        "tokenmeter countTokens(text, 'gpt-4o')",
        median(oursMs),
        oursTokens,
        median(oursMs) / base <= 1.1 ? "target ≤ 1.10×: met" : "target ≤ 1.10×: MISSED",
      ) +
      row(
        "gpt-tokenizer 4 countTokens (plain text)",
        median(gptMs),
        gptTokens,
        `first run ${fmtMs(gptMs[0] ?? 0)}`,
      ) +
      row("js-tiktoken 1 encode(text, [], [])", median(jsMs), jsTokens, "2 runs") +
      "\n",
  );
  if (gptTokens !== rawTokens || jsTokens !== rawTokens) {
    process.stdout.write(
      `note: token counts differ (gpt-tokenizer ${gptTokens}, js-tiktoken ${jsTokens}, tiktoken ${rawTokens})\n\n`,
    );
  }

  // Claude estimator throughput on the same text (its BPE is pure JS; the vocabulary is ~2.3 MB).
  const claude = await getTokenizer("claude-sonnet-4-5");
  const claudeMs: number[] = [];
  let claudeTokens = 0;
  for (let round = 0; round < 3; round += 1) {
    const r = timeOnce(() => claude.count(text));
    claudeMs.push(r.ms);
    claudeTokens = r.tokens;
  }
  const gemini = await getTokenizer("gemini-2.5-pro");
  const geminiRun = timeOnce(() => gemini.count(text));
  process.stdout.write(
    "### Estimators on the same 10 MB\n\n| estimator | time | MiB/s | M tokens (estimated) | vs raw tiktoken |\n|---|---|---|---|---|\n" +
      `| Claude (ai-tokenizer claude BPE × 1.1), median of 3 | ${fmtMs(median(claudeMs))} | ${(megabytes / (median(claudeMs) / 1000)).toFixed(2)} | ${(claudeTokens / 1e6).toFixed(3)} | ${(median(claudeMs) / base).toFixed(3)}× |\n` +
      `| Gemini (o200k_base × 1.08), 1 run | ${fmtMs(geminiRun.ms)} | ${(megabytes / (geminiRun.ms / 1000)).toFixed(2)} | ${(geminiRun.tokens / 1e6).toFixed(3)} | ${(geminiRun.ms / base).toFixed(3)}× |\n\n`,
  );

  // Cold start: each tokenizer in a fresh process (module import, asset load, first count).
  process.stdout.write(
    "### Cold start (fresh `node --import tsx` process each, median of 3)\n\n| tokenizer (model) | import core tokens | load tokenizer | first count | RSS after |\n|---|---|---|---|---|\n",
  );
  for (const model of ["gpt-4o", "gpt-4", "claude-sonnet-4-5", "gemini-2.5-pro"]) {
    const runs: { importMs: number; loadMs: number; firstCountMs: number; rssMB: number }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const child = spawnSync(process.execPath, ["--import", "tsx", self, "--cold", model], {
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`cold start of ${model} failed: ${child.stderr}`);
      runs.push(JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}"));
    }
    process.stdout.write(
      `| ${model} | ${fmtMs(median(runs.map((r) => r.importMs)))} | ${fmtMs(median(runs.map((r) => r.loadMs)))} | ${fmtMs(median(runs.map((r) => r.firstCountMs)))} | ${median(runs.map((r) => r.rssMB)).toFixed(0)} MB |\n`,
    );
  }
  raw.free();
}

const coldIndex = process.argv.indexOf("--cold");
if (coldIndex >= 0) {
  await coldStart(process.argv[coldIndex + 1] ?? "gpt-4o");
} else {
  await main();
}
