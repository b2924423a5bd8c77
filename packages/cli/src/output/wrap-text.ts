import { displayWidth } from "./style.ts";

/** Narrower than this, wrapping does more harm than good: lines are left as they are. */
const MIN_WRAP_COLUMNS = 40;

/**
 * The width prose is wrapped to on stdout: the terminal's when stdout is one, else `COLUMNS` when
 * it is a positive number (e.g. `COLUMNS=100 tokenmeter … > report.txt`), else none (`undefined`:
 * pipes and files keep one sentence per line, which suits grep).
 */
export function outputWidth(
  stream: { isTTY?: boolean | undefined; columns?: number | undefined },
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const columns =
    stream.isTTY === true && stream.columns !== undefined && stream.columns > 0
      ? stream.columns
      : env.COLUMNS !== undefined && /^\d+$/.test(env.COLUMNS)
        ? Number(env.COLUMNS)
        : undefined;
  return columns === undefined || columns < MIN_WRAP_COLUMNS ? undefined : columns;
}

/**
 * Word-wraps `text` to `width` terminal cells: the first line starts with `firstPrefix`, the
 * others with `restPrefix` (a hanging indent). Breaks only at spaces; a word longer than a line
 * (a long path) keeps its own line rather than being cut. Without a width, one line.
 */
export function wrapText(
  text: string,
  width: number | undefined,
  firstPrefix = "",
  restPrefix = firstPrefix,
): string[] {
  if (width === undefined) return [`${firstPrefix}${text}`];
  const lines: string[] = [];
  let line = firstPrefix;
  let lineHasWord = false;
  for (const word of text.split(" ")) {
    if (word === "") continue;
    const candidate = lineHasWord ? `${line} ${word}` : `${line}${word}`;
    if (!lineHasWord || displayWidth(candidate) <= width) {
      line = candidate;
      lineHasWord = true;
      continue;
    }
    lines.push(line);
    line = `${restPrefix}${word}`;
  }
  lines.push(line);
  return lines;
}
