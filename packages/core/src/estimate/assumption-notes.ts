import type { Wording } from "./command-line-wording.ts";

/** Collects assumption sentences (deduplicated, with how often each applied) for the report. */
export interface AssumptionNotes {
  /** Records that `description` applied once more; `unit` names what is counted (`conversation`, `request`). */
  add(id: string, description: string, unit?: string): void;
  /** Each distinct note once, with `(N requests)` (its unit) when it applied more than once. */
  list(): { id: string; description: string }[];
}

/** Notes whose sentences are passed through `wording` as they are added. */
export function createAssumptionNotes(wording: Wording): AssumptionNotes {
  const notes = new Map<string, { id: string; description: string; count: number; unit: string }>();
  return {
    add(id, rawDescription, unit = "time") {
      const description = wording(rawDescription);
      const key = `${id}\u0000${description}`;
      const known = notes.get(key);
      if (known === undefined) notes.set(key, { id, description, count: 1, unit });
      else known.count += 1;
    },
    list() {
      return [...notes.values()].map(({ id, description, count, unit }) => ({
        id,
        description: count > 1 ? `${description} (${count} ${unit}s)` : description,
      }));
    },
  };
}
