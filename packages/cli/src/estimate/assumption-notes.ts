/** Collects assumption sentences (deduplicated, with how often each applied) for the report. */
export interface AssumptionNotes {
  add(id: string, description: string): void;
  /** Each distinct note once, with `(applied N times)` when it applied more than once. */
  list(): { id: string; description: string }[];
}

export function createAssumptionNotes(): AssumptionNotes {
  const notes = new Map<string, { id: string; description: string; count: number }>();
  return {
    add(id, description) {
      const key = `${id}\u0000${description}`;
      const known = notes.get(key);
      if (known === undefined) notes.set(key, { id, description, count: 1 });
      else known.count += 1;
    },
    list() {
      return [...notes.values()].map(({ id, description, count }) => ({
        id,
        description: count > 1 ? `${description} (applied ${count} times)` : description,
      }));
    },
  };
}
