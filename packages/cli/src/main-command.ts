import { defineCommand } from "citty";
import { compareCommand } from "./commands/compare-command.ts";
import { countCommand } from "./commands/count-command.ts";
import { estimateCommand } from "./commands/estimate-command.ts";
import { pricesCommand } from "./commands/prices-command.ts";

/** The `tokenmeter` command and its subcommands. */
export function createMainCommand(version: string) {
  return defineCommand({
    meta: {
      name: "tokenmeter",
      version,
      description:
        "What would your AI chat usage cost per token, and is that cheaper than your subscription?",
    },
    subCommands: {
      estimate: estimateCommand,
      count: countCommand,
      prices: pricesCommand,
      compare: compareCommand,
    },
  });
}
