// The models the site offers in its pickers, read from the pricing table at build time, and the
// defaults each page starts with.
import { listModels, type ModelInfo } from "@tokenmeter/core";

/** Models with a price in effect on `isoDay`, in table order. */
export function modelsOn(isoDay: string): ModelInfo[] {
  return listModels({ at: isoDay });
}

/** The first of `preferred` that exist (in that order), topped up from `available` to `count`. */
export function pickDefaults(
  available: readonly ModelInfo[],
  preferred: readonly string[],
  count: number,
): string[] {
  const ids = new Set(available.map((model) => model.id));
  const picked = preferred.filter((id) => ids.has(id));
  for (const model of available) {
    if (picked.length >= count) break;
    if (!picked.includes(model.id) && model.deprecatedOn === undefined) picked.push(model.id);
  }
  return picked.slice(0, Math.max(count, picked.length));
}
