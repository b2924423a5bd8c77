/**
 * Rewrites a report sentence before it is stored. Core's sentences name its own API options
 * (`cacheWrites`, `reasoning`, `opts.pricing`, the estimator's `assumeModel`, `strict`, `format`);
 * an edge that offers the same choices under other names rewrites them.
 */
export type Wording = (sentence: string) => string;

/** Core's option names and the `tokenmeter` flags that make the same choice. */
const OPTION_TO_FLAG: ReadonlyArray<readonly [RegExp, string]> = [
  [/set cacheWrites to assume/g, "pass --cache-writes 5m (or 1h) to assume"],
  [/pass reasoning \(an effort or \{ multiplier \}\)/g, "pass --reasoning <effort or multiplier>"],
  [/with opts\.pricing/g, "with --pricing <file>"],
  [/the assumeModel option/g, "--assume-model"],
  [/the strict option/g, "--strict"],
  [/the format option/g, "--format"],
  [/the since\/until range/g, "--since/--until"],
];

/**
 * The wording of `tokenmeter estimate` (and `compare`): core's option names in a sentence become
 * the command's flags, and nothing else changes. The site's import page uses it too, since it shows
 * the report the command prints.
 *
 * @example
 * commandLineWording("…; set cacheWrites to assume a breakpoint per request.");
 * // "…; pass --cache-writes 5m (or 1h) to assume a breakpoint per request."
 */
export const commandLineWording: Wording = (sentence) => {
  let out = sentence;
  for (const [pattern, flag] of OPTION_TO_FLAG) out = out.replace(pattern, flag);
  return out;
};
