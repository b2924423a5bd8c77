/**
 * A value a caller passed (a model id, a date, a tier name), made safe to quote in an error
 * message: control and bidirectional-override characters and lone surrogates become `?`, so a
 * message cannot rewrite a terminal line or reorder itself, and long values are cut. Only for
 * identifiers and options: message text from logs is never quoted at all.
 */
export function shownValue(value: string, maxChars = 80): string {
  const printable = value.replace(UNPRINTABLE, "?");
  return printable.length > maxChars ? `${printable.slice(0, maxChars - 3)}...` : printable;
}

/** C0/C1 controls, bidi marks, embeddings, overrides and isolates, and unpaired surrogates. */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we replace
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** How a value that should have been a string is described: its type, never its content. */
export function typeOfValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
