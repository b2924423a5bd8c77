import { type ArgsDef, type CommandDef, defineCommand, type ParsedArgs } from "citty";
import { rejectUnknownFlags } from "./args/argv.ts";

/** One usage example shown under `--help`: a command line and what it does. */
export interface Example {
  command: string;
  description: string;
}

const examplesByCommand = new WeakMap<object, readonly Example[]>();
const usageByCommand = new WeakMap<object, string>();

/** Examples registered for a command (shown by `--help`). */
export function examplesOf(command: object): readonly Example[] {
  return examplesByCommand.get(command) ?? [];
}

/** The usage line a command gives itself, when its arguments say it better than citty's definition. */
export function usageOf(command: object): string | undefined {
  return usageByCommand.get(command);
}

/**
 * A citty command that rejects unknown flags before running and carries `--help` examples.
 */
export function defineTokenmeterCommand<const T extends ArgsDef>(def: {
  name: string;
  description: string;
  args: T;
  examples: readonly Example[];
  /** The `USAGE` line of `--help`; default: built from `args`. */
  usage?: string;
  run: (context: { args: ParsedArgs<T>; rawArgs: string[] }) => Promise<void> | void;
}): CommandDef<T> {
  const command = defineCommand<T>({
    meta: { name: def.name, description: def.description },
    args: def.args,
    async run(context) {
      rejectUnknownFlags(context.rawArgs, def.args, def.name);
      await def.run({ args: context.args, rawArgs: context.rawArgs });
    },
  });
  examplesByCommand.set(command, def.examples);
  if (def.usage !== undefined) usageByCommand.set(command, def.usage);
  return command;
}
