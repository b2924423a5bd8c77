#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { createMainCommand } from "./main-command.ts";
import { readVersion, runMain } from "./run-main.ts";

// `tokenmeter … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// Node exits with 13 when the awaited run can never finish (a stream that stopped without
// ending): say so instead of exiting silently.
process.on("exit", (code) => {
  if (code === 13) {
    process.stderr.write(
      "error: tokenmeter stopped before finishing (an input stream never ended). This is a bug in tokenmeter; please report it with the command you ran.\n",
    );
  }
});

const version = readVersion((url) => readFileSync(url, "utf8"));
process.exitCode = await runMain(createMainCommand(version), process.argv.slice(2), version);
