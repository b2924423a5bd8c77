// CLI benchmark (`npm run bench cli`): `tokenmeter estimate` on a synthetic ChatGPT export, against
// raw tiktoken counting the same visible text on one thread, measured in the same run.
//
//   1. scripts/make-synthetic-export.ts writes a BENCH_EXPORT_MB (default 200) MB conversations.json,
//      zipped like the real download, into a temporary directory (deleted afterwards);
//   2. baseline: every visible message and custom-instructions prompt on the active branches,
//      extracted beforehand (untimed), counted once with tiktoken's `encode_ordinary` in the encoding
//      of the conversation's model — the least any estimator must do;
//   3. the CLI as a user runs it (`node packages/cli/dist/cli.js estimate export.zip --json`, or
//      TOKENMETER_CLI), once counting in the main thread (TOKENMETER_WORKERS=0) and once as shipped
//      (one worker thread for counting); wall time of the whole process and its peak RSS
//      (`process.resourceUsage().maxRSS`, which includes worker threads).
//
// Targets (issue 4): peak RSS under 300 MB; wall time at most 1.3× the baseline.
// Run alone: `node --import tsx bench/cli.bench.ts` (after `npm run build:packages`).
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Unzip, UnzipInflate } from "fflate";
import { get_encoding, type Tiktoken, type TiktokenEncoding } from "tiktoken";
import {
  type ConversationLogRecord,
  createLogReader,
  resolveTokenizer,
} from "../packages/core/src/index.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SIZE_MB = Number(process.env.BENCH_EXPORT_MB ?? "200");
const RSS_TARGET_MB = 300;
const RATIO_TARGET = 1.3;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The built CLI (or TOKENMETER_CLI); from source with tsx when neither exists. */
function cliCommand(): { argv: string[]; label: string } {
  const built = process.env.TOKENMETER_CLI ?? join(ROOT, "packages/cli/dist/cli.js");
  if (existsSync(built)) return { argv: [built], label: built.replace(ROOT, "") };
  return {
    argv: ["--import", "tsx", join(ROOT, "packages/cli/src/cli.ts")],
    label: "packages/cli/src/cli.ts via tsx (not built: startup is slower)",
  };
}

/** Streams the zip's conversations.json through core's reader, keeping each conversation's texts. */
async function visibleTexts(
  zipPath: string,
): Promise<{ encoding: TiktokenEncoding; texts: string[] }[]> {
  const conversations: { encoding: TiktokenEncoding; texts: string[] }[] = [];
  const reader = createLogReader("chatgpt-export", {
    fileName: "conversations.json",
    onRecord(record) {
      const conversation = record as ConversationLogRecord;
      const model = conversation.messages.find(
        (message) => message.apiModel !== undefined,
      )?.apiModel;
      let encoding: TiktokenEncoding = "o200k_base";
      if (model !== undefined && resolveTokenizer(model).tokenizer === "cl100k_base")
        encoding = "cl100k_base";
      const texts = conversation.messages.map((message) => message.text);
      if (conversation.systemPrompt !== undefined) texts.push(conversation.systemPrompt);
      conversations.push({ encoding, texts });
    },
  });
  const unzip = new Unzip((file) => {
    if (!file.name.endsWith("conversations.json")) return;
    file.ondata = (error, data, final) => {
      if (error !== null) throw error;
      reader.write(data);
      if (final) reader.end();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(zipPath, { highWaterMark: 1 << 20 }))
    unzip.push(chunk as Buffer);
  unzip.push(new Uint8Array(0), true);
  return conversations;
}

function baseline(conversations: readonly { encoding: TiktokenEncoding; texts: string[] }[]): {
  ms: number;
  cpuMs: number;
  tokens: number;
  characters: number;
} {
  const encoders = new Map<TiktokenEncoding, Tiktoken>();
  const encoderOf = (encoding: TiktokenEncoding) => {
    let encoder = encoders.get(encoding);
    if (encoder === undefined) {
      encoder = get_encoding(encoding);
      encoders.set(encoding, encoder);
    }
    return encoder;
  };
  // Encoders are built before timing: the CLI's own encoder start-up is part of its time.
  for (const conversation of conversations) encoderOf(conversation.encoding);
  let tokens = 0;
  let characters = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const conversation of conversations) {
    const encoder = encoderOf(conversation.encoding);
    for (const text of conversation.texts) {
      tokens += encoder.encode_ordinary(text).length;
      characters += text.length;
    }
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  for (const encoder of encoders.values()) encoder.free();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, tokens, characters };
}

const RSS_HOOK =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nMAXRSS_KB '+u.maxRSS+' CPU_US '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

/** Runs the CLI once; wall time of the whole process, its peak RSS and its requests counted. */
function runCli(
  zipPath: string,
  workers: string,
): Promise<{ ms: number; cpuMs: number; rssMb: number; requests: number; totalUsd: number }> {
  const { argv } = cliCommand();
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [`--import=${RSS_HOOK}`, ...argv, "estimate", zipPath, "--json"],
      {
        env: { ...process.env, TZ: "UTC", NO_COLOR: "1", TOKENMETER_WORKERS: workers },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`tokenmeter exited ${code}: ${err.slice(0, 2000)}`));
        return;
      }
      const rssKb = Number(/MAXRSS_KB (\d+)/.exec(err)?.[1] ?? Number.NaN);
      const cpuUs = Number(/CPU_US (\d+)/.exec(err)?.[1] ?? Number.NaN);
      const report = JSON.parse(Buffer.concat(out).toString("utf8")) as {
        totals: { requestCount: number; totalUsd: number }[];
      };
      resolve({
        ms,
        cpuMs: cpuUs / 1000,
        rssMb: rssKb / 1024,
        requests: report.totals[0]?.requestCount ?? 0,
        totalUsd: report.totals[0]?.totalUsd ?? 0,
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "tokenmeter-cli-bench-"));
try {
  const zipPath = join(dir, "chatgpt-export.zip");
  const made = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(ROOT, "scripts/make-synthetic-export.ts"),
      "--size-mb",
      String(SIZE_MB),
      "--out",
      zipPath,
      "--seed",
      "1",
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`make-synthetic-export failed: ${made.stderr}`);
  const summary = JSON.parse(made.stderr.trim().split("\n").at(-1) ?? "{}") as {
    conversationsJsonBytes?: number;
    conversations?: number;
    visibleMessages?: number;
  };
  log(
    `Synthetic export: conversations.json ${((summary.conversationsJsonBytes ?? 0) / 1e6).toFixed(1)} MB (zip ${(statSync(zipPath).size / 1e6).toFixed(1)} MB), ${summary.conversations} conversations, ${summary.visibleMessages} visible messages`,
  );
  log(`CLI: ${cliCommand().label}`);

  const conversations = await visibleTexts(zipPath);
  const raw = baseline(conversations);
  conversations.length = 0;
  log(
    `baseline  raw tiktoken encode_ordinary, one thread: ${(raw.ms / 1000).toFixed(2)} s (CPU ${(raw.cpuMs / 1000).toFixed(2)} s) for ${(raw.characters / 1e6).toFixed(1)} M characters, ${(raw.tokens / 1e6).toFixed(1)} M tokens`,
  );

  const single = await runCli(zipPath, "0");
  const shipped = await runCli(zipPath, "1");
  if (single.requests !== shipped.requests || Math.abs(single.totalUsd - shipped.totalUsd) > 1e-9) {
    throw new Error("the two CLI runs disagree: worker threads changed the result");
  }
  const row = (label: string, run: { ms: number; cpuMs: number; rssMb: number }) =>
    `${label}: ${(run.ms / 1000).toFixed(2)} s = ${(run.ms / raw.ms).toFixed(2)}× baseline (target ≤ ${RATIO_TARGET}×); CPU ${(run.cpuMs / 1000).toFixed(2)} s = ${(run.cpuMs / raw.cpuMs).toFixed(2)}× baseline CPU; peak RSS ${run.rssMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB)`;
  log(row("tokenmeter estimate, counting in the main thread", single));
  log(row("tokenmeter estimate, counting in a worker (as shipped)", shipped));
  log(`(${shipped.requests} API calls replayed; the same totals in both runs)`);
  const load = loadavg()[0] ?? 0;
  log(
    `Machine load (1-minute average) ${load.toFixed(1)} on ${availableParallelism()} CPUs${load > availableParallelism() * 0.5 ? ": other work competed for the CPUs, so wall times (and the worker's gain) are pessimistic; the CPU ratios are steadier" : ""}.`,
  );
  const ok = shipped.ms / raw.ms <= RATIO_TARGET && shipped.rssMb < RSS_TARGET_MB;
  log(ok ? "targets met" : "TARGETS MISSED (see above)");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
