/**
 * Describes a bad value without echoing text: numbers are shown (they are counts, not user
 * content), everything else only by its type.
 */
export function describe(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
