/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` when it is a non-empty string. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** `value` when it is a finite number. */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** `value[key]` when `value` is an object and the entry is an object. */
export function childObject(value: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const child = value[key];
  return isJsonObject(child) ? child : undefined;
}

/**
 * Ids and slugs come from the export, not from the user's typing, but they are still clipped and
 * reduced to a safe alphabet before they appear in an issue or a table key.
 */
export function safeLabel(value: string, maxLength = 80): string {
  const cleaned = value.replace(/[^\w.:/@+-]/g, "?");
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength)}…` : cleaned;
}
