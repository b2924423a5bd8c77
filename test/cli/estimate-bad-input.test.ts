import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EstimateReport } from "@tokenmeter/core";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PRIVATE_MARKER,
  REPO_ROOT,
  removeTempDirs,
  runCli,
  runCliJson,
  tempDir,
} from "./support/run-cli.ts";

let dir = "";
const path = (name: string) => join(dir, name);
const usageLine = (day: string, model = "gpt-4o") =>
  JSON.stringify({
    timestamp: `2025-03-${day}T10:00:00Z`,
    model,
    usage: { inputTokens: 100, outputTokens: 20 },
  });

beforeAll(() => {
  dir = tempDir("tokenmeter-bad-");
  const exportJson = readFileSync(
    `${REPO_ROOT}test/fixtures/cli/chatgpt-export/conversations.json`,
  );
  writeFileSync(path("empty.jsonl"), "");
  writeFileSync(
    path("garbage.jsonl"),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  );
  writeFileSync(
    path("utf16.json"),
    Buffer.from(`\ufeff[{"mapping": "${PRIVATE_MARKER}"}]`, "utf16le"),
  );
  writeFileSync(
    path("no-conversations.zip"),
    zipSync({ "notes.txt": strToU8(PRIVATE_MARKER), "photo.jpg": new Uint8Array([255, 216, 255]) }),
  );
  const zip = zipSync(
    { "conversations.json": new Uint8Array(exportJson), "chat.html": strToU8("<html></html>") },
    { level: 0 },
  );
  writeFileSync(path("cut.zip"), zip.subarray(0, Math.floor(zip.length / 2)));
  // Cut inside the second conversation: the first is read, the rest is reported with its byte position.
  writeFileSync(path("truncated.json"), exportJson.subarray(0, 6000));
  writeFileSync(
    path("some-bad-lines.jsonl"),
    [
      usageLine("01"),
      `{"timestamp": "2025-03-02", "model": "gpt-4o", "usage": ${PRIVATE_MARKER}`,
      usageLine("03"),
      "[1, 2, 3]",
      "",
      usageLine("05"),
    ].join("\n"),
  );
  writeFileSync(
    path("all-bad.jsonl"),
    [`{"timestamp": ${PRIVATE_MARKER}`, `{"model": "gpt-4o", "note": "${PRIVATE_MARKER}"}`].join(
      "\n",
    ),
  );
  // A 100 MB single line (a pasted document), then one ordinary line.
  const huge = JSON.stringify({
    timestamp: "2025-03-01T00:00:00Z",
    model: "gpt-4o",
    messages: [{ role: "user", content: `${PRIVATE_MARKER} ${"lorem ipsum ".repeat(8_400_000)}` }],
  });
  writeFileSync(path("huge-line.jsonl"), `${huge}\n${usageLine("02")}\n`);
  writeFileSync(path("empty-export.zip"), zipSync({ "conversations.json": strToU8("[]") }));
  // Byte 13 (0-based) is the `}` after the trailing comma: `[{"title": 1,` is 13 bytes.
  writeFileSync(path("edited.json"), `[{"title": 1,}, "${PRIVATE_MARKER}"]`);
  mkdirSync(path("mixed"));
  writeFileSync(path("mixed/api.jsonl"), `${usageLine("01")}\n${usageLine("02", "gpt-4o-mini")}\n`);
  writeFileSync(path("mixed/notes.txt"), PRIVATE_MARKER);
  writeFileSync(
    path("mixed/settings.json"),
    JSON.stringify({ theme: "dark", secret: PRIVATE_MARKER }),
  );
  mkdirSync(path("nothing-useful"));
  writeFileSync(path("nothing-useful/settings.json"), JSON.stringify({ theme: PRIVATE_MARKER }));
  writeFileSync(path("nothing-useful/readme.md"), PRIVATE_MARKER);
});

afterAll(removeTempDirs);

describe("tokenmeter estimate on bad input: a clear message, the documented exit code, no user text", () => {
  it.each([
    ["a missing file", ["missing.jsonl"], /File not found: .*missing\.jsonl/],
    ["an empty file", ["empty.jsonl"], /empty\.jsonl: it is empty/],
    [
      "binary garbage",
      ["garbage.jsonl"],
      /garbage\.jsonl: it contains binary data \(NUL bytes\), not text/,
    ],
    ["UTF-16 text", ["utf16.json"], /utf16\.json: it is UTF-16 text: save it as UTF-8/],
    [
      "a zip without conversations.json",
      ["no-conversations.zip"],
      /no-conversations\.zip: the zip archive has no conversations\.json \(it holds 2 files\)/,
    ],
    [
      "a zip cut short",
      ["cut.zip"],
      /cut\.zip ends before the archive is complete .*download was probably cut short/,
    ],
    [
      "a ChatGPT export with no conversations",
      ["empty-export.zip"],
      /empty-export\.zip!conversations\.json: it holds an empty list: there are no conversations/,
    ],
    [
      "a JSON file broken by an edit",
      ["edited.json"],
      /edited\.json: it is not valid JSON \(it breaks at byte 13\)/,
    ],
    [
      "a 100 MB first line without --format",
      ["huge-line.jsonl"],
      /first line is longer than 64 KiB.*pass --format/,
    ],
    [
      "JSONL that is no known log",
      ["all-bad.jsonl"],
      /all-bad\.jsonl: it is not a log format tokenmeter knows/,
    ],
    [
      "JSONL where no line is readable",
      ["all-bad.jsonl", "--format", "generic-jsonl"],
      /Nothing could be counted: 2 records were unreadable \(BAD_JSON first at .*all-bad\.jsonl:1/,
    ],
    [
      "a directory with no log in it",
      ["nothing-useful"],
      /The file found is not a log tokenmeter recognizes/,
    ],
  ] as const)("%s: exit 1", async (_name, files, message) => {
    const result = await runCli([
      "estimate",
      ...files.map((file) => (file.startsWith("-") || file.includes("-jsonl") ? file : path(file))),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The list of formats is advice for a named file of unknown format, not for an empty or
    // broken one (a directory with no log has its own advice).
    if (result.stderr.includes("Cannot estimate")) {
      expect(result.stderr.includes("--format names the format")).toBe(
        /not a log format|first line is longer/.test(result.stderr),
      );
    }
  });

  it("skips and counts malformed JSONL lines, naming the first lines, and --strict fails on them", async () => {
    const { json, result } = await runCliJson<EstimateReport>([
      "estimate",
      path("some-bad-lines.jsonl"),
    ]);
    expect(json.totals[0]?.requestCount).toBe(3);
    expect(json.coverage.recordsSkipped).toBe(2);
    expect(
      json.coverage.skipped.flatMap((skip) =>
        skip.firstLocations.map((location) => [skip.reason, location.line]),
      ),
    ).toEqual([
      ["BAD_JSON", 2],
      ["BAD_RECORD", 4],
    ]);
    expect(json.coverage.totalsAreLowerBounds).toBe(true);
    expect(result.stderr).toContain("some-bad-lines.jsonl line 2");
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
    const strict = await runCli(["estimate", path("some-bad-lines.jsonl"), "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /some-bad-lines\.jsonl:2 \(byte \d+\): line 2 is not valid JSON(?: \(column \d+\))?; .* In strict mode tokenmeter stops at the first unreadable record/,
    );
    // Strict mode does not skip: the message must not say it did.
    expect(strict.stderr).not.toMatch(/: skipped/);
    expect(strict.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("reads what it can of truncated JSON and reports the byte where it ends", async () => {
    const { json, result } = await runCliJson<EstimateReport>(["estimate", path("truncated.json")]);
    expect(json.totals[0]?.requestCount).toBe(2);
    const truncated = json.coverage.skipped.find((skip) => skip.reason === "TRUNCATED");
    const byteOffset = truncated?.firstLocations[0]?.byteOffset;
    expect(byteOffset).toBeGreaterThan(0);
    expect(byteOffset).toBeLessThanOrEqual(6000);
    expect(json.coverage.lowerBoundReasons.join(" ")).toMatch(
      /truncated\.json was not read to the end/,
    );
    expect(result.stderr).toMatch(
      new RegExp(`TRUNCATED\\), first at .*truncated\\.json byte ${byteOffset}`),
    );
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("skips a 100 MB line without holding it, with --format, and counts the rest", async () => {
    const { json, result } = await runCliJson<EstimateReport>([
      "estimate",
      path("huge-line.jsonl"),
      "--format",
      "generic-jsonl",
    ]);
    expect(json.totals[0]?.requestCount).toBe(1);
    expect(json.coverage.skipped).toEqual([
      expect.objectContaining({
        reason: "LINE_TOO_LONG",
        recordCount: 1,
        firstLocations: [{ file: path("huge-line.jsonl"), line: 1, byteOffset: 0 }],
      }),
    ]);
    expect(result.stderr).not.toContain(PRIVATE_MARKER);
  });

  it("reads the logs in a directory of mixed files and lists the files it did not read", async () => {
    const { json, result } = await runCliJson<EstimateReport>(["estimate", path("mixed")]);
    expect(json.totals[0]?.requestCount).toBe(2);
    expect(json.coverage.files.map((file) => file.format)).toEqual(["generic-jsonl"]);
    const ignored = json.coverage.notices.find((notice) => notice.reason === "IGNORED_FILE");
    expect(ignored?.recordCount).toBe(2);
    expect(ignored?.firstLocations.map((location) => location.file).sort()).toEqual([
      path("mixed/notes.txt"),
      path("mixed/settings.json"),
    ]);
    expect(json.coverage.totalsAreLowerBounds).toBe(false);
    expect(result.stdout + result.stderr).not.toContain(PRIVATE_MARKER);
    // For people: whole files are "Files:", not "First at:" (that is for lines and bytes).
    const table = await runCli(["estimate", path("mixed")]);
    expect(table.stdout).toMatch(
      /Note 2 × IGNORED_FILE: Files in the directories given that are not a log tokenmeter recognizes: not read\. Files: .*mixed\/(notes\.txt|settings\.json); .*mixed\/(notes\.txt|settings\.json)\.\n/,
    );
  });

  it("rejects --format values it does not know (exit 2)", async () => {
    const result = await runCli(["estimate", path("mixed"), "--format", "excel"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format: expected one of chatgpt-export, claude-export/);
  });
});
