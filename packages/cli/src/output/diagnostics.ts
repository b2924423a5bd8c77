import { printable } from "@tokenmeter/core";
import { colorEnabled, createStyle } from "./style.ts";
import { outputWidth, wrapText } from "./wrap-text.ts";

const stderrStyle = () => createStyle(colorEnabled(process.stderr, process.env));

/**
 * `text` for stderr after `label` (styled by `colour`), word-wrapped with a two-space hanging
 * indent when stderr is a terminal; in a pipe or a log file, one line, which greps best.
 */
export function stderrLines(
  label: string,
  text: string,
  colour: (label: string) => string = (plain) => plain,
): string {
  const width = process.stderr.isTTY === true ? outputWidth(process.stderr, {}) : undefined;
  const prefix = label === "" ? "" : `${label} `;
  const [first = "", ...rest] = wrapText(printable(text), width, prefix, "  ");
  return [`${colour(label)}${first.slice(label.length)}`, ...rest].join("\n");
}

/** A warning on stderr (never stdout, which carries only data). */
export function warn(message: string): void {
  process.stderr.write(`${stderrLines("warning:", message, stderrStyle().yellow)}\n`);
}

/** An informational line on stderr. */
export function info(message: string): void {
  process.stderr.write(`${stderrStyle().dim(stderrLines("", message))}\n`);
}
