/**
 * Core's assumption sentences name its API options (`cacheWrites`, `reasoning`); on the command
 * line the same choices are flags. This rewrites those option names, and nothing else.
 */
const OPTION_TO_FLAG: ReadonlyArray<readonly [RegExp, string]> = [
  [/set cacheWrites to assume/g, "pass --cache-writes 5m (or 1h) to assume"],
  [/pass reasoning \(an effort or \{ multiplier \}\)/g, "pass --reasoning <effort or multiplier>"],
  [/with opts\.pricing/g, "with --pricing <file>"],
];

export function cliWording(sentence: string): string {
  let out = sentence;
  for (const [pattern, flag] of OPTION_TO_FLAG) out = out.replace(pattern, flag);
  return out;
}
