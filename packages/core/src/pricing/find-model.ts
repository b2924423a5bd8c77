import { TokenmeterError } from "../errors.ts";
import { toPriceDate } from "./calendar-date.ts";
import { defaultPricingTable } from "./default-table.ts";
import { editDistance } from "./edit-distance.ts";
import type { ModelEntry, PricingTable } from "./schema.ts";
import { shownValue, typeOfValue } from "./shown-value.ts";

/** A model of the pricing table together with the provider it belongs to. */
export type ModelInfo = ModelEntry & {
  /** Provider id, e.g. `openai` (the `provider` of its `pricing/models/<provider>.json`). */
  provider: string;
  /** Provider name for people, e.g. `OpenAI`. */
  providerDisplayName: string;
};

/**
 * Routing prefixes people put in front of model ids, and the providers they may point to.
 * `undefined` means "any provider" (aggregators such as OpenRouter). A table's own provider ids
 * are always accepted as prefixes of their own models.
 */
const ROUTE_PREFIXES: ReadonlyMap<string, readonly string[] | undefined> = new Map([
  ["models", ["google"]],
  ["gemini", ["google"]],
  ["google", ["google"]],
  ["vertex_ai", ["google", "anthropic", "mistral"]],
  ["x-ai", ["xai"]],
  ["xai", ["xai"]],
  ["mistralai", ["mistral"]],
  ["openrouter", undefined],
]);

interface ModelIndex {
  /** Every id and alias, lower-cased, to its model. */
  byKey: Map<string, ModelInfo>;
  /** Models in table order (providers in table order, models in file order). */
  models: ModelInfo[];
  providers: Map<string, ModelInfo[]>;
  /** Memoized lookups of raw inputs (hits only), since logs repeat the same few ids. */
  resolved: Map<string, ModelInfo>;
}

const indexes = new WeakMap<PricingTable, ModelIndex>();
const RESOLVED_CACHE_LIMIT = 10_000;

function indexOf(table: PricingTable): ModelIndex {
  const cached = indexes.get(table);
  if (cached !== undefined) return cached;
  const index: ModelIndex = {
    byKey: new Map(),
    models: [],
    providers: new Map(),
    resolved: new Map(),
  };
  for (const provider of table.providers) {
    const list: ModelInfo[] = [];
    for (const model of provider.models) {
      const info: ModelInfo = {
        ...model,
        provider: provider.provider,
        providerDisplayName: provider.displayName,
      };
      list.push(info);
      index.models.push(info);
      // First writer wins, matching validatePricingTable, which reports any later duplicate.
      for (const key of [model.id, ...model.aliases]) {
        const lower = key.toLowerCase();
        if (!index.byKey.has(lower)) index.byKey.set(lower, info);
      }
    }
    index.providers.set(provider.provider.toLowerCase(), list);
  }
  indexes.set(table, index);
  return index;
}

function lookup(index: ModelIndex, key: string): ModelInfo | undefined {
  const direct = index.byKey.get(key);
  if (direct !== undefined) return direct;
  // Strip routing prefixes one segment at a time: `openrouter/openai/gpt-4o` → `openai/gpt-4o` → `gpt-4o`.
  const slash = key.indexOf("/");
  if (slash <= 0) return undefined;
  const prefix = key.slice(0, slash);
  const rest = key.slice(slash + 1);
  const allowed = index.providers.has(prefix) ? [prefix] : ROUTE_PREFIXES.get(prefix);
  if (allowed === undefined && !ROUTE_PREFIXES.has(prefix)) return undefined;
  const found = lookup(index, rest);
  if (found === undefined) return undefined;
  return allowed === undefined || allowed.includes(found.provider) ? found : undefined;
}

/** Ids compare case-insensitively and without surrounding whitespace. */
function normalize(idOrAlias: string): string {
  return idOrAlias.trim().toLowerCase();
}

/**
 * Resolves a model id, alias, dated snapshot or provider-prefixed id to its model (case-insensitive).
 *
 * Accepts `gpt-4o`, `GPT-4o`, `gpt-4o-2024-08-06`, `openai/gpt-4o`, `models/gemini-2.5-pro`,
 * `openrouter/anthropic/claude-sonnet-4-5` and any alias the table lists.
 *
 * @param opts.pricing the table to search (default: the bundled {@link defaultPricingTable}).
 * @throws TokenmeterError `UNKNOWN_MODEL` when nothing matches; its message names up to three
 *   closest known ids and `details.suggestions` holds them.
 * @example
 * findModel("openai/gpt-4o").id // "gpt-4o"
 * findModel("claude-3.5-sonnet").provider // "anthropic"
 */
export function findModel(idOrAlias: string, opts?: { pricing?: PricingTable }): ModelInfo {
  if (typeof idOrAlias !== "string") {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `A model id must be a string such as "gpt-4o", got ${typeOfValue(idOrAlias)}.`,
      { details: { field: "model" } },
    );
  }
  const table = opts?.pricing ?? defaultPricingTable;
  const index = indexOf(table);
  const memo = index.resolved.get(idOrAlias);
  if (memo !== undefined) return memo;
  const found = lookup(index, normalize(idOrAlias));
  if (found === undefined) throw unknownModel(index, idOrAlias, table.version);
  if (index.resolved.size >= RESOLVED_CACHE_LIMIT) index.resolved.clear();
  index.resolved.set(idOrAlias, found);
  return found;
}

/**
 * Lists the models of a table, in table order.
 *
 * @param opts.provider only this provider's models (case-insensitive id such as `openai`).
 * @param opts.at only models with a price record in effect on this date (`YYYY-MM-DD`, an ISO
 *   timestamp, or a `Date`; compared as a UTC calendar date).
 * @param opts.pricing the table (default: the bundled {@link defaultPricingTable}).
 * @throws TokenmeterError `INVALID_INPUT` for an unknown provider or an unreadable date.
 * @example
 * listModels({ provider: "anthropic", at: "2024-07-01" }).map((m) => m.id)
 */
export function listModels(opts?: {
  provider?: string;
  at?: string | Date;
  pricing?: PricingTable;
}): ModelInfo[] {
  const table = opts?.pricing ?? defaultPricingTable;
  const index = indexOf(table);
  let models = index.models;
  if (opts?.provider !== undefined) {
    const provider = opts.provider as unknown;
    const list =
      typeof provider === "string" ? index.providers.get(provider.trim().toLowerCase()) : undefined;
    if (list === undefined) {
      const known = [...index.providers.keys()];
      const shown = typeof provider === "string" ? shownValue(provider) : typeOfValue(provider);
      throw new TokenmeterError(
        "INVALID_INPUT",
        `Unknown provider "${shown}". Known providers: ${known.join(", ")}.`,
        { details: { provider: shown, known } },
      );
    }
    models = list;
  }
  if (opts?.at !== undefined) {
    const day = toPriceDate(opts.at);
    models = models.filter((model) =>
      model.prices.some(
        (record) =>
          record.effectiveFrom <= day &&
          (record.effectiveUntil === undefined || day < record.effectiveUntil),
      ),
    );
  }
  return [...models];
}

function unknownModel(index: ModelIndex, idOrAlias: string, version: string): TokenmeterError {
  const shown = shownValue(idOrAlias);
  const suggestions = closestIds(index, normalize(idOrAlias), 3);
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`
      : " Run `tokenmeter models` or listModels() to see the known ids.";
  return new TokenmeterError(
    "UNKNOWN_MODEL",
    `Unknown model "${shown}" (pricing table ${version}).${hint} A model that is not in the table is never priced; pass your own table with opts.pricing to add it.`,
    { details: { model: shown, suggestions, pricingVersion: version } },
  );
}

/**
 * The `limit` canonical ids nearest to `query` by edit distance over ids and aliases (the query with
 * any routing prefix removed), keeping only plausible matches.
 */
function closestIds(index: ModelIndex, query: string, limit: number): string[] {
  const bare = query.slice(query.lastIndexOf("/") + 1).slice(0, 64);
  if (bare === "") return [];
  const best = new Map<string, number>();
  for (const [key, info] of index.byKey) {
    if (key.includes("/")) continue;
    let distance = editDistance(bare, key);
    // A known id that the query extends or abbreviates (`gpt-4o-foo`, `sonnet-4-5`) is a strong hint.
    if (key.startsWith(bare) || bare.startsWith(key) || key.includes(bare)) {
      distance = Math.min(distance, 1 + Math.abs(key.length - bare.length) / 4);
    }
    const previous = best.get(info.id);
    if (previous === undefined || distance < previous) best.set(info.id, distance);
  }
  const maxDistance = Math.max(2, Math.ceil(bare.length * 0.4));
  return [...best]
    .filter(([, distance]) => distance <= maxDistance)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}
