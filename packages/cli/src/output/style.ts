/** Terminal styling that can be switched off as a whole (NO_COLOR, pipes, files). */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/**
 * Colour is used only on a terminal, never when `NO_COLOR` is set to anything non-empty
 * (https://no-color.org) or `TERM=dumb`; `FORCE_COLOR` (non-empty, not `0`) turns it on anyway.
 */
export function colorEnabled(
  stream: { isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") {
    return true;
  }
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

function wrap(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

/** ANSI styling when `enabled`, identity functions otherwise. */
export function createStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    green: wrap(enabled, 32, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI_PATTERN = /\u001b\[[0-9;]*m/g;
/** Width of `text` in terminal cells: ANSI escapes take none, wide East Asian characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI_PATTERN, "")) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x300) width += 1;
    else if (code >= 0x300 && code <= 0x36f) width += 0;
    else if (code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) width += 0;
    else if (
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd)
    ) {
      width += 2;
    } else width += 1;
  }
  return width;
}

/** Cuts `text` to at most `maxWidth` cells, ending with `…` when cut. */
export function truncateToWidth(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  let out = "";
  let width = 0;
  for (const char of text) {
    const charWidth = displayWidth(char);
    if (width + charWidth > maxWidth - 1) break;
    out += char;
    width += charWidth;
  }
  return `${out}…`;
}

/** `text` without ANSI colour escapes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, "");
}
