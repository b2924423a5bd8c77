import type { ArgDef, ArgsDef, CommandDef, CommandMeta, SubCommandsDef } from "citty";
import { examplesOf, usageOf } from "./command.ts";
import { colorEnabled, createStyle, displayWidth } from "./output/style.ts";
import { outputWidth, wrapText } from "./output/wrap-text.ts";

type AnyCommand = CommandDef<ArgsDef>;

async function resolve<T>(
  value: T | Promise<T> | (() => T) | (() => Promise<T>) | undefined,
): Promise<T | undefined> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function optionLabel(name: string, def: ArgDef): string {
  const aliases =
    "alias" in def && def.alias !== undefined
      ? Array.isArray(def.alias)
        ? def.alias
        : [def.alias]
      : [];
  // Short aliases first, then the option's own name, then long aliases (`-m, --model, --models`).
  const flags = [
    ...aliases.filter((alias) => alias.length === 1).map((alias) => `-${alias}`),
    `--${kebab(name)}`,
    ...aliases.filter((alias) => alias.length > 1).map((alias) => `--${alias}`),
  ];
  const hint =
    def.type === "boolean"
      ? ""
      : def.type === "enum" && "options" in def && def.options !== undefined
        ? ` <${def.options.join("|")}>`
        : ` <${def.valueHint ?? kebab(name)}>`;
  return `${flags.join(", ")}${hint}`;
}

/**
 * Two aligned columns; on a terminal (or with `COLUMNS`) the right one is word-wrapped under
 * itself, so a long description does not fold back into the left column.
 */
function columns(
  rows: readonly (readonly [string, string])[],
  indent: string,
  lineWidth: number | undefined,
): string[] {
  const width = Math.max(0, ...rows.map(([left]) => displayWidth(left)));
  const hanging = " ".repeat(displayWidth(indent) + width + 3);
  return rows.flatMap(([left, right]) =>
    wrapText(
      right,
      lineWidth,
      `${indent}${left}${" ".repeat(width - displayWidth(left))}   `,
      hanging,
    ).map((line) => line.trimEnd()),
  );
}

/**
 * `--help` text for `command` (a subcommand of `main`, or `main` itself): description, usage,
 * arguments, options, examples and, for the main command, the subcommands and exit codes.
 */
export async function renderHelp(main: AnyCommand, command: AnyCommand): Promise<string> {
  const style = createStyle(colorEnabled(process.stdout, process.env));
  const lineWidth = outputWidth(process.stdout, process.env);
  const mainMeta = (await resolve(main.meta)) ?? ({} as CommandMeta);
  const meta = (await resolve(command.meta)) ?? ({} as CommandMeta);
  const args = (await resolve(command.args)) ?? {};
  const isMain = command === main;
  const name = isMain
    ? (mainMeta.name ?? "tokenmeter")
    : `${mainMeta.name ?? "tokenmeter"} ${meta.name ?? ""}`;
  const lines: string[] = [
    ...wrapText(
      `${meta.description ?? ""}${mainMeta.version === undefined ? "" : style.dim(` (tokenmeter ${mainMeta.version})`)}`,
      lineWidth,
    ),
    "",
  ];

  const positional = Object.entries(args).filter(([, def]) => def.type === "positional");
  const optional = Object.entries(args).filter(([, def]) => def.type !== "positional");
  const usage =
    usageOf(command) ??
    [
      name,
      ...positional.map(([argName, def]) =>
        def.required === false ? `[${argName}${argName.endsWith("s") ? "…" : ""}]` : `<${argName}>`,
      ),
      ...(optional.length > 0 ? ["[options]"] : []),
      ...(isMain ? ["<command>"] : []),
    ].join(" ");
  lines.push(`${style.bold("USAGE")}  ${usage}`, "");

  if (isMain) {
    const subCommands = ((await resolve(main.subCommands)) ?? {}) as SubCommandsDef;
    const rows: [string, string][] = [];
    for (const [subName, sub] of Object.entries(subCommands)) {
      const resolved = (await resolve(sub)) as AnyCommand | undefined;
      const subMeta = await resolve(resolved?.meta);
      if (subMeta?.hidden === true) continue;
      rows.push([style.cyan(subName), subMeta?.description ?? ""]);
    }
    lines.push(style.bold("COMMANDS"), ...columns(rows, "  ", lineWidth), "");
    lines.push(
      `Run ${style.cyan("tokenmeter <command> --help")} for a command's options and examples.`,
      "",
    );
    lines.push(
      style.bold("OPTIONS"),
      ...columns(
        [
          ["--help, -h", "Show help"],
          ["--version, -v", "Show the version"],
        ],
        "  ",
        lineWidth,
      ),
      "",
    );
  } else {
    if (positional.length > 0) {
      lines.push(
        style.bold("ARGUMENTS"),
        ...columns(
          positional.map(([argName, def]) => [style.cyan(argName), def.description ?? ""]),
          "  ",
          lineWidth,
        ),
        "",
      );
    }
    if (optional.length > 0) {
      const rows = optional.map(([argName, def]): [string, string] => {
        const extra =
          def.default === undefined || def.type === "boolean"
            ? ""
            : style.dim(` (default: ${String(def.default)})`);
        return [style.cyan(optionLabel(argName, def)), `${def.description ?? ""}${extra}`];
      });
      rows.push([style.cyan("--help, -h"), "Show this help"]);
      lines.push(style.bold("OPTIONS"), ...columns(rows, "  ", lineWidth), "");
    }
  }

  const examples = examplesOf(command);
  if (examples.length > 0) {
    lines.push(style.bold("EXAMPLES"));
    for (const example of examples)
      lines.push(
        ...wrapText(example.description, lineWidth, "  # ", "  # ").map((line) => style.dim(line)),
        `  $ ${example.command}`,
        "",
      );
  }
  if (isMain) {
    lines.push(
      style.bold("EXIT CODES"),
      ...[
        ["0", "success"],
        [
          "1",
          "bad input: a file is missing, unreadable or not a usage log; a pricing file is invalid",
        ],
        ["2", "usage error: unknown command or option, missing or invalid value"],
      ].flatMap(([code, meaning]) => wrapText(meaning ?? "", lineWidth, `  ${code}  `, "     ")),
      "",
      ...wrapText(
        "Data goes to stdout; progress and diagnostics to stderr. NO_COLOR=1 turns colour off; on a terminal, text is wrapped to its width (COLUMNS=<n> sets a width elsewhere).",
        lineWidth,
      ),
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
