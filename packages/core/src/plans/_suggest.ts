import { editDistance } from "../pricing/edit-distance.ts";

/**
 * Up to `limit` candidates closest to `query` (case-insensitive): ids containing it first, then by
 * edit distance, keeping only those within a third of the longer length so unrelated ids are left out.
 */
export function suggestClosest(query: string, candidates: readonly string[], limit = 3): string[] {
  const q = query.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const n = name.toLowerCase();
    // A query that is part of an id ("ultra") is a strong hint; an id inside the query is not.
    if (q.length >= 3 && n.includes(q)) {
      scored.push({ name, score: Math.abs(n.length - q.length) / 100 });
      continue;
    }
    const distance = editDistance(q, n);
    if (distance <= Math.max(2, Math.ceil(Math.max(q.length, n.length) / 3))) {
      scored.push({ name, score: distance });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
