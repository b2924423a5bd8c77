#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { createMainCommand } from "./main-command.ts";
import { readVersion, runMain } from "./run-main.ts";

// `tokenmeter … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const version = readVersion((url) => readFileSync(url, "utf8"));
process.exitCode = await runMain(createMainCommand(version), process.argv.slice(2), version);
