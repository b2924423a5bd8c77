import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ConversationLogRecord, readLog } from "@tokenmeter/core";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import {
  createConversationBuilder,
  createIdSource,
  createRandom,
  randomConversationSpec,
  type TurnSpec,
} from "../../scripts/make-synthetic-export.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "tokenmeter-synthetic-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function generate(args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/make-synthetic-export.ts", ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  return { status: run.status, stderr: run.stderr };
}

describe("synthetic ChatGPT export", () => {
  it("reads back exactly the visible conversation each random spec describes", async () => {
    const random = createRandom(42);
    const build = createConversationBuilder(createIdSource(random));
    const specs = Array.from({ length: 60 }, (_, index) =>
      randomConversationSpec(random, 1_672_531_200 + index * 1_500_000),
    );
    const bytes = new TextEncoder().encode(JSON.stringify(specs.map(build)));
    const { records, issues } = await readLog("chatgpt-export", [bytes], {
      fileName: "synthetic.json",
    });
    expect(issues.filter((issue) => issue.severity === "skipped")).toEqual([]);
    const conversations = records as ConversationLogRecord[];
    expect(conversations).toHaveLength(specs.length);
    conversations.forEach((record, index) => {
      const spec = specs[index];
      if (spec === undefined) throw new Error("missing spec");
      expect(record.messages.map((message) => message.text)).toEqual(
        spec.turns.flatMap((turn) => [turn.user, turn.assistant]),
      );
      expect(
        record.messages
          .filter((message) => message.role === "assistant")
          .map((message) => message.model),
      ).toEqual(spec.turns.map((turn) => turn.model));
      const instructions = spec.customInstructions;
      expect(record.systemPrompt).toBe(
        instructions === undefined
          ? undefined
          : `${instructions.profile}\n\n${instructions.instructions}`,
      );
      const turns = spec.turns;
      const sum = (count: (turn: TurnSpec) => number) =>
        turns.reduce((total, turn) => total + count(turn), 0);
      expect(record.skipped).toEqual({
        otherBranches: sum(
          (turn) => (turn.regenerated?.length ?? 0) + (turn.editedFrom === undefined ? 0 : 2),
        ),
        hidden: 1,
        system: 0,
        tool: sum((turn) => (turn.tool === undefined ? 0 : 2)),
        reasoning: sum((turn) => (turn.thoughts === undefined ? 0 : 2)),
        context: 0,
        empty: 0,
        unsupported: 0,
      });
    });
  });

  it("writes the same bytes for the same seed, as .json or as a zip with conversations.json", () => {
    const a = join(work, "a.json");
    const b = join(work, "b.json");
    const c = join(work, "c.json");
    const zip = join(work, "d.zip");
    expect(generate(["--size-mb", "0.5", "--out", a, "--seed", "3"]).status).toBe(0);
    expect(generate(["--size-mb", "0.5", "--out", b, "--seed", "3"]).status).toBe(0);
    expect(generate(["--size-mb", "0.5", "--out", c, "--seed", "4"]).status).toBe(0);
    const zipped = generate(["--size-mb", "0.5", "--out", zip, "--seed", "3"]);
    expect(zipped.status).toBe(0);
    const first = readFileSync(a);
    expect(first.length).toBeGreaterThanOrEqual(500_000);
    expect(readFileSync(b).equals(first)).toBe(true);
    expect(readFileSync(c).equals(first)).toBe(false);
    const entries = unzipSync(new Uint8Array(readFileSync(zip)));
    expect(Object.keys(entries)).toEqual(["conversations.json"]);
    expect(Buffer.from(entries["conversations.json"] ?? []).equals(first)).toBe(true);
    const summary = JSON.parse(zipped.stderr.trim());
    expect(summary).toMatchObject({ conversationsJsonBytes: first.length });
  });

  it("explains its arguments when they are wrong", () => {
    const run = generate(["--size-mb", "ten", "--out", "x.txt"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("usage: tsx scripts/make-synthetic-export.ts");
  });
});
