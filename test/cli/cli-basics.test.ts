import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./support/run-cli.ts";

const version = (
  JSON.parse(readFileSync(`${REPO_ROOT}packages/cli/package.json`, "utf8")) as { version: string }
).version;

describe("tokenmeter (the command itself)", () => {
  it("prints its version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("prints help with the commands and the exit codes", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["estimate", "count", "prices", "compare"])
      expect(result.stdout).toContain(command);
    expect(result.stdout).toContain("EXIT CODES");
    expect(result.stdout).toMatch(/2 {2}usage error/);
  });

  it.each(["estimate", "count", "prices", "compare"])(
    "%s --help shows options and a real example",
    async (command) => {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("OPTIONS");
      expect(result.stdout).toContain("EXAMPLES");
      expect(result.stdout).toMatch(new RegExp(`\\$ tokenmeter ${command}`));
      // No colour when stdout is not a terminal (and NO_COLOR is set).
      expect(result.stdout).not.toContain("\u001b[");
    },
  );

  it.each([
    [[], /USAGE/],
    [
      ["frobnicate"],
      /Unknown command "frobnicate"\.\nThe commands are estimate, count, prices, compare/,
    ],
    [["estimat", "x.zip"], /Unknown command "estimat"\. Did you mean "estimate"\?/],
    [["cuont"], /Did you mean "count"\?/],
    [["prices", "--sice", "2025-01-01"], /Unknown option "--sice"/],
    [["prices", "--json", "--csv"], /Choose one output format/],
    [["prices", "--at", "2025-02-30"], /--at: not a calendar date/],
    [["prices", "--at", "yesterday"], /--at: expected a date like 2025-03-01/],
    [
      ["estimate"],
      /No file given: name a ChatGPT or Claude\.ai export \.zip, a log file or a directory/,
    ],
    // One message per flag (a malformed date fails the calendar check too, which says less).
    [
      ["estimate", "test/fixtures/cli/api-small.jsonl", "--since", "yesterday"],
      /^error: Invalid option --since: expected a date like 2025-03-01\.\nRun `tokenmeter estimate --help`/,
    ],
    [
      ["estimate", "test/fixtures/cli/api-small.jsonl", "--by", "week"],
      /^error: Invalid option --by: expected one of month, day, model, conversation\.\nRun `tokenmeter estimate --help`/,
    ],
    [
      ["estimate", "test/fixtures/cli/api-small.jsonl", "--model", "gpt-4o-mni"],
      /Unknown model "gpt-4o-mni".*Did you mean "gpt-4o-mini"/,
    ],
    // The CLI's words, not the library's ("listPlans()"): every plan id, with its aliases.
    [
      ["estimate", "test/fixtures/cli/api-small.jsonl", "--plan", "chatgpt-plsu"],
      /^error: Unknown plan "chatgpt-plsu" \(plans table [\d.]+\)\. Did you mean "chatgpt-plus".*\nThe plans: chatgpt-free \(chatgpt\), .*chatgpt-plus \(plus\), .*claude-pro \(claude\)/,
    ],
    [
      ["compare", "--plan", "netflix"],
      /^error: Unknown plan "netflix" \(plans table [\d.]+\)\.\nThe plans: /,
    ],
    [
      ["estimate", "test/fixtures/cli/api-small.jsonl", "--tz", "Mars/Olympus"],
      /Unknown time zone "Mars\/Olympus"/,
    ],
    [
      [
        "estimate",
        "test/fixtures/cli/api-small.jsonl",
        "--since",
        "2025-05-01",
        "--until",
        "2025-04-01",
      ],
      /--since: 2025-05-01 is after --until 2025-04-01/,
    ],
    [["count", "-", "--as", "xml"], /Invalid option --as: expected auto, text or chat/],
    [["compare", "--profile", "extreme"], /--profile: expected one of light, moderate/],
    [["compare", "--messages-per-day", "-3"], /--messages-per-day/],
  ] as const)("usage error (exit 2): %j", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout === "" || args.length === 0).toBe(true);
    expect(result.stderr).toMatch(message);
  });

  it("prints a stack trace only with --debug", async () => {
    const plain = await runCli(["estimate", "no-such-file.jsonl"]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(["estimate", "no-such-file.jsonl", "--debug"]);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
