/**
 * JSON paths for error messages (`providers[0].models[3].prices[1]`) and the value a path points at.
 * Shared by the pricing, plans and usage validators so every message names a field the same way.
 */

/** `providers[0].models[3].prices[1]` from a path array. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out;
}

/** A zod issue path (whose keys may be symbols) as {@link formatJsonPath} takes it. */
export function issuePath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((part) => (typeof part === "symbol" ? String(part) : part));
}

/** The value at `path` inside `root`, or `undefined` when the path leaves the data. */
export function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
