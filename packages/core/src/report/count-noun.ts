import { formatCount } from "../document/format-number.ts";

const IRREGULAR: Readonly<Record<string, string>> = {
  entry: "entries",
  reply: "replies",
  person: "people",
};

/**
 * A count and its noun, the noun in the plural unless the count is 1, the count with thousands
 * separators: `countNoun(1, "request")` → `"1 request"`, `countNoun(7303, "request")` →
 * `"7,303 requests"`.
 */
export function countNoun(count: number, singular: string, plural?: string): string {
  const noun = count === 1 ? singular : (plural ?? IRREGULAR[singular] ?? `${singular}s`);
  return `${formatCount(count)} ${noun}`;
}

/** Words joined for a sentence: `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
