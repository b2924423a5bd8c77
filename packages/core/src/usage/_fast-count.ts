/**
 * Fast reads of token counts for the normalizers' common case: logs hold millions of usage objects
 * and a zod parse of each costs ~10 µs. Any doubt returns `INVALID` and the caller falls back to the
 * zod schema, which produces the error message.
 */
export const INVALID = -1;

/** The count at `key`: 0 when null or absent, `INVALID` when not a safe non-negative integer. */
export function countAt(object: object, key: string): number {
  const value = (object as Record<string, unknown>)[key];
  if (value === undefined || value === null) return 0;
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : INVALID;
}

/** The nested object at `key`: `undefined` when null or absent, `null` when not a plain object. */
export function objectAt(object: object, key: string): object | undefined | null {
  const value = (object as Record<string, unknown>)[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "object" && !Array.isArray(value) ? value : null;
}
