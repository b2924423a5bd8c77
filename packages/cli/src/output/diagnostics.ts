import { printable } from "@tokenmeter/core";
import { colorEnabled, createStyle } from "./style.ts";

const stderrStyle = () => createStyle(colorEnabled(process.stderr, process.env));

/** A warning on stderr (never stdout, which carries only data). */
export function warn(message: string): void {
  process.stderr.write(`${stderrStyle().yellow("warning:")} ${printable(message)}\n`);
}

/** An informational line on stderr. */
export function info(message: string): void {
  process.stderr.write(`${stderrStyle().dim(printable(message))}\n`);
}
