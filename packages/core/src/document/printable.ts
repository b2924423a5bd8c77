// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
const CONTROL_PATTERN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces control characters (escape sequences, newlines, bidi overrides and isolates) with a
 * space, so a title or model id read from a log cannot rewrite a terminal screen or reorder the
 * text around it on a page.
 *
 * @example
 * printable("a\u001b[31mred\nnext"); // "a [31mred next"
 */
export function printable(text: string): string {
  return text.replace(CONTROL_PATTERN, " ");
}
