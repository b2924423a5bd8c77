/**
 * A small seeded pseudo-random generator (mulberry32) and the helpers the projection needs. Only
 * integer and IEEE arithmetic (no Math.random, no transcendental functions), so every JavaScript
 * engine produces the same sequence and the CLI and the site print the same range.
 */

/** 32-bit FNV-1a hash of a string: a stable seed from a description of the input. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: returns a function giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An approximately standard-normal number: the sum of 12 uniforms minus 6 (Irwin–Hall), which has
 * mean 0 and standard deviation 1 exactly, and support ±6.
 */
export function standardNormal(next: () => number): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += next();
  return sum - 6;
}

/**
 * A multiplicative factor with mean 1 and standard deviation `cv` (a coefficient of variation),
 * floored at 0.05 so a month never has negative or zero usage.
 */
export function variationFactor(next: () => number, cv: number): number {
  return Math.max(0.05, 1 + cv * standardNormal(next));
}

/** The `q`-quantile (0–1) of ascending-sorted values, by linear interpolation between ranks. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? Number.NaN;
  const b = sorted[upper] ?? a;
  return a + (b - a) * (position - lower);
}
