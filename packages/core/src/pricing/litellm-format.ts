import { z } from "zod";
import { TokenmeterError } from "../errors.ts";
import type {
  LongContextPrices,
  ModelEntry,
  PriceRecord,
  PricingTable,
  ProviderFile,
  ServiceTierPrices,
  TokenizerId,
  TokenPrices,
} from "./schema.ts";
import { validatePricingTable } from "./validate-table.ts";

/** Where LiteLLM's price map lives; cited as the source of converted records without their own. */
export const LITELLM_PRICES_URL =
  "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";

/** Options of {@link convertLiteLLMPricing}. */
export interface LiteLLMConversionOptions {
  /**
   * The date (`YYYY-MM-DD`) the file was downloaded or last checked. Required: LiteLLM keeps no
   * dates, and core never reads the clock. It becomes every record's `checked` date and the
   * table's `publishedOn`/`version`.
   */
  checked: string;
  /**
   * The date from which the file's prices are assumed to be in effect (default: `checked`).
   * Usage before it raises `NO_PRICE_AT_DATE`; set it earlier to price older logs at today's
   * LiteLLM prices, knowingly.
   */
  effectiveFrom?: string;
  /** Shown in error messages and record notes. */
  fileName?: string;
  /**
   * Tokenizer for models whose family cannot be recognized from the id (Llama, Qwen…). Default:
   * such models are skipped, since counting them with a wrong tokenizer would look exact.
   */
  defaultTokenizer?: TokenizerId;
}

/** A LiteLLM entry that was not converted, and why. */
export interface LiteLLMSkipped {
  /** The LiteLLM key, e.g. `dashscope/qwen-flash`. */
  key: string;
  reason: string;
}

/** The result of {@link convertLiteLLMPricing}. */
export interface LiteLLMConversion {
  table: PricingTable;
  /** Entries left out: non-chat modes, no token prices, tiers our format cannot hold… */
  skipped: LiteLLMSkipped[];
  /** Parts of converted entries that were dropped (e.g. a service tier priced only for input). */
  warnings: string[];
}

/** Modes that are chat models; `responses` covers models only served by the Responses API. */
const CHAT_MODES: ReadonlySet<string> = new Set(["chat", "responses"]);
const NOT_MODELS: ReadonlySet<string> = new Set(["sample_spec", "fallback_generalizations"]);
const SLUG = /^[a-z0-9][a-z0-9._:/@-]*$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const COST = z
  .number({ error: "expected a cost in USD per token (a number)" })
  .finite()
  .nonnegative({ error: "a cost cannot be negative" });

/** Token-cost fields tokenmeter reads. Costs in other units (per image, per second…) are ignored. */
const BASE_FIELDS = {
  input_cost_per_token: "inputUsdPerMTok",
  cache_read_input_token_cost: "cachedInputUsdPerMTok",
  cache_creation_input_token_cost: "cacheWrite5mUsdPerMTok",
  cache_creation_input_token_cost_above_1hr: "cacheWrite1hUsdPerMTok",
  output_cost_per_token: "outputUsdPerMTok",
  output_cost_per_reasoning_token: "reasoningUsdPerMTok",
} as const satisfies Record<string, keyof TokenPrices>;
const COST_FIELD =
  /^(.*?(?:cost_per_token(?:_cache_hit)?|token_cost|cost_per_reasoning_token)(?:_above_1hr)?)(?:_above_(\d+)k_tokens)?(?:_(batches|flex|priority))?$/;

const TIER_NAMES = { batches: "batch", flex: "flex", priority: "priority" } as const;

type EntryPrices = Partial<Record<keyof TokenPrices, number>>;

interface ParsedEntry {
  base: EntryPrices;
  /** Threshold (tokens) → long-context prices. */
  long: Map<number, EntryPrices>;
  tiers: Map<"batch" | "flex" | "priority", { base: EntryPrices; long: Map<number, EntryPrices> }>;
}

/**
 * Converts LiteLLM's `model_prices_and_context_window.json` into a tokenmeter {@link PricingTable}.
 *
 * - Costs per token become USD per million tokens (× 1,000,000, rounded to 12 significant digits to
 *   drop binary noise such as 2.4999999999999996).
 * - `cache_read_input_token_cost` (or DeepSeek's `input_cost_per_token_cache_hit`) → cache reads;
 *   `cache_creation_input_token_cost` → 5-minute writes; `…_above_1hr` → 1-hour writes;
 *   `output_cost_per_reasoning_token` → reasoning.
 * - `*_above_Nk_tokens` → the long-context tier (N × 1,000 tokens, whole-request rule). An entry with
 *   several thresholds is skipped: the tokenmeter format holds one tier.
 * - `*_batches` / `*_flex` / `*_priority` → service tiers with explicit prices (a tier needs both an
 *   input and an output price; otherwise it is dropped with a warning).
 * - `max_input_tokens` (else `max_tokens`) → context window (LiteLLM states the input limit, not
 *   the combined window); `max_output_tokens` → max output (capped at the window);
 *   `supports_reasoning` → reasoning; `deprecation_date` → `deprecatedOn`.
 * - Only `chat` and `responses` modes are kept; `sample_spec`, other modes, entries without both an
 *   input and an output token price, `tiered_pricing` ranges and ids that are not lowercase slugs are
 *   skipped and listed in `skipped` with the reason.
 * - LiteLLM keeps no dates: every record starts on `effectiveFrom` (default `checked`) and its note says so.
 *
 * @throws TokenmeterError `INVALID_PRICING` when the file is not a LiteLLM map or a cost field is not
 *   a non-negative number (naming the file and the JSON path); `INVALID_INPUT` for a bad date option.
 * @example
 * const { table, skipped } = convertLiteLLMPricing(json, { checked: "2026-11-27" });
 */
export function convertLiteLLMPricing(
  json: unknown,
  opts: LiteLLMConversionOptions,
): LiteLLMConversion {
  const file = opts.fileName ?? "LiteLLM price map";
  checkDay(opts.checked, "checked");
  const effectiveFrom = opts.effectiveFrom ?? opts.checked;
  checkDay(effectiveFrom, "effectiveFrom");
  if (effectiveFrom > opts.checked) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `effectiveFrom ${effectiveFrom} is after checked ${opts.checked}: prices cannot be checked before they take effect.`,
      { details: { field: "effectiveFrom" } },
    );
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new TokenmeterError(
      "INVALID_PRICING",
      `Invalid pricing file "${file}": expected LiteLLM's JSON object of model id → prices, got ${Array.isArray(json) ? "an array" : json === null ? "null" : `a ${typeof json}`}.`,
      { details: { file, path: "" } },
    );
  }

  const skipped: LiteLLMSkipped[] = [];
  const warnings: string[] = [];
  const providers = new Map<string, ModelEntry[]>();
  const note =
    `Converted from LiteLLM ${opts.fileName === undefined ? "model_prices_and_context_window.json" : `"${opts.fileName}"`}, ` +
    `checked ${opts.checked}. LiteLLM keeps no price dates: assumed in effect from ${effectiveFrom}.`;

  for (const [key, value] of Object.entries(json)) {
    if (NOT_MODELS.has(key)) continue;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      skipped.push({ key, reason: "not a model entry (not an object)" });
      continue;
    }
    const entry = value as Record<string, unknown>;
    const mode = entry.mode;
    if (typeof mode !== "string" || !CHAT_MODES.has(mode)) {
      skipped.push({
        key,
        reason: `mode ${typeof mode === "string" ? `"${mode}"` : "missing"}: only chat models are priced`,
      });
      continue;
    }
    if ("tiered_pricing" in entry) {
      skipped.push({
        key,
        reason: "uses tiered_pricing ranges, which the tokenmeter format cannot hold",
      });
      continue;
    }
    const parsed = parseEntryPrices(key, entry, file);
    if (parsed.base.inputUsdPerMTok === undefined || parsed.base.outputUsdPerMTok === undefined) {
      skipped.push({ key, reason: "no input_cost_per_token and output_cost_per_token" });
      continue;
    }
    const thresholds = new Set<number>(parsed.long.keys());
    for (const tier of parsed.tiers.values()) for (const t of tier.long.keys()) thresholds.add(t);
    if (thresholds.size > 1) {
      skipped.push({
        key,
        reason: `several long-context thresholds (${[...thresholds].map((t) => `${t / 1000}k`).join(", ")}); the tokenmeter format holds one`,
      });
      continue;
    }
    const id = key.toLowerCase();
    if (!SLUG.test(id)) {
      skipped.push({
        key,
        reason: "the id is not a lowercase slug (letters, digits and . _ : / @ -)",
      });
      continue;
    }
    const tokenizer = tokenizerFor(id) ?? opts.defaultTokenizer;
    if (tokenizer === undefined) {
      skipped.push({
        key,
        reason: "unknown tokenizer family (pass defaultTokenizer to include such models)",
      });
      continue;
    }
    const contextWindowTokens =
      positiveInt(entry.max_input_tokens) ?? positiveInt(entry.max_tokens);
    if (contextWindowTokens === undefined) {
      skipped.push({ key, reason: "no max_input_tokens or max_tokens (context window)" });
      continue;
    }
    const maxOutputTokens = Math.min(
      positiveInt(entry.max_output_tokens) ?? positiveInt(entry.max_tokens) ?? contextWindowTokens,
      contextWindowTokens,
    );

    const source =
      typeof entry.source === "string" && URL.canParse(entry.source)
        ? entry.source
        : LITELLM_PRICES_URL;
    const record = buildRecord(key, parsed, warnings, {
      contextWindowTokens,
      effectiveFrom,
      checked: opts.checked,
      source,
      note,
    });
    const model: ModelEntry = {
      id,
      displayName: key,
      aliases: [],
      tokenizer,
      contextWindowTokens,
      maxOutputTokens,
      reasoning: entry.supports_reasoning === true,
      prices: [record],
    };
    const deprecation = entry.deprecation_date;
    if (typeof deprecation === "string" && ISO_DAY.test(deprecation)) {
      model.deprecatedOn = deprecation;
    }
    const provider = providerSlug(entry.litellm_provider);
    let list = providers.get(provider);
    if (list === undefined) {
      list = [];
      providers.set(provider, list);
    }
    list.push(model);
  }

  const table: PricingTable = {
    version: opts.checked.replaceAll("-", "."),
    publishedOn: opts.checked,
    providers: [...providers].map(
      ([provider, models]): ProviderFile => ({
        provider,
        displayName: provider,
        pricingUrl: LITELLM_PRICES_URL,
        models,
      }),
    ),
  };
  // Upstream data can break our table rules (a threshold above the context window, a cache price
  // above input…). Drop such models with the rule they break rather than reject the whole file.
  dropInvalidModels(table, skipped);
  if (table.providers.length === 0) {
    throw new TokenmeterError(
      "INVALID_PRICING",
      `Invalid pricing file "${file}": no chat model with token prices could be converted (${skipped.length} entries skipped${skipped[0] === undefined ? "" : `, e.g. "${skipped[0].key}": ${skipped[0].reason}`}).`,
      { details: { file, path: "", skipped: skipped.length } },
    );
  }
  return { table, skipped, warnings };
}

function parseEntryPrices(key: string, entry: Record<string, unknown>, file: string): ParsedEntry {
  const parsed: ParsedEntry = { base: {}, long: new Map(), tiers: new Map() };
  for (const [field, raw] of Object.entries(entry)) {
    const match = COST_FIELD.exec(field);
    if (match === null) continue;
    const [, stem = "", above, tierSuffix] = match;
    const target = stem in BASE_FIELDS ? BASE_FIELDS[stem as keyof typeof BASE_FIELDS] : undefined;
    const cacheHit = stem === "input_cost_per_token_cache_hit";
    if (target === undefined && !cacheHit) continue;
    const checked = COST.safeParse(raw);
    if (!checked.success) {
      const path = jsonKeyPath(key, field);
      throw new TokenmeterError(
        "INVALID_PRICING",
        `Invalid pricing file "${file}": ${jsonKeyPath(key, field)}: ${checked.error.issues[0]?.message ?? "expected a non-negative number"}, got ${typeof raw === "number" ? String(raw) : typeof raw}.`,
        { details: { file, path } },
      );
    }
    const usdPerMTok = Number((checked.data * 1_000_000).toPrecision(12));
    let bucket = parsed.base;
    if (tierSuffix !== undefined) {
      const tierName = TIER_NAMES[tierSuffix as keyof typeof TIER_NAMES];
      let tier = parsed.tiers.get(tierName);
      if (tier === undefined) {
        tier = { base: {}, long: new Map() };
        parsed.tiers.set(tierName, tier);
      }
      bucket = tier.base;
      if (above !== undefined) bucket = longBucket(tier.long, Number(above) * 1000);
    } else if (above !== undefined) {
      bucket = longBucket(parsed.long, Number(above) * 1000);
    }
    if (cacheHit) {
      // DeepSeek's name for the cache-read price; the standard field wins when both exist.
      bucket.cachedInputUsdPerMTok ??= usdPerMTok;
    } else if (target !== undefined) {
      bucket[target] = usdPerMTok;
    }
  }
  return parsed;
}

function longBucket(map: Map<number, EntryPrices>, threshold: number): EntryPrices {
  let bucket = map.get(threshold);
  if (bucket === undefined) {
    bucket = {};
    map.set(threshold, bucket);
  }
  return bucket;
}

function buildRecord(
  key: string,
  parsed: ParsedEntry,
  warnings: string[],
  meta: {
    contextWindowTokens: number;
    effectiveFrom: string;
    checked: string;
    source: string;
    note: string;
  },
): PriceRecord {
  const base = parsed.base as EntryPrices & { inputUsdPerMTok: number; outputUsdPerMTok: number };
  const record: PriceRecord = {
    ...tokenPrices(base),
    effectiveFrom: meta.effectiveFrom,
    source: meta.source,
    checked: meta.checked,
    note: meta.note,
  };
  const longContext = longTier(
    key,
    "standard",
    parsed.long,
    base,
    meta.contextWindowTokens,
    warnings,
  );
  if (longContext !== undefined) record.longContext = longContext;

  const serviceTiers: NonNullable<PriceRecord["serviceTiers"]> = {};
  for (const [name, tier] of parsed.tiers) {
    if (tier.base.inputUsdPerMTok === undefined || tier.base.outputUsdPerMTok === undefined) {
      warnings.push(
        `${key}: the ${name} tier has no ${tier.base.inputUsdPerMTok === undefined ? "input" : "output"} price; tier dropped.`,
      );
      continue;
    }
    const prices: ServiceTierPrices = tokenPrices(
      tier.base as EntryPrices & { inputUsdPerMTok: number; outputUsdPerMTok: number },
    );
    const tierLong = longTier(key, name, tier.long, tier.base, meta.contextWindowTokens, warnings);
    if (tierLong !== undefined) prices.longContext = tierLong;
    serviceTiers[name] = prices;
  }
  if (Object.keys(serviceTiers).length > 0) record.serviceTiers = serviceTiers;
  return record;
}

function longTier(
  key: string,
  tierName: string,
  long: Map<number, EntryPrices>,
  base: EntryPrices,
  contextWindowTokens: number,
  warnings: string[],
): LongContextPrices | undefined {
  const [entry] = long;
  if (entry === undefined) return undefined;
  const [aboveInputTokens, prices] = entry;
  if (aboveInputTokens >= contextWindowTokens) {
    warnings.push(
      `${key}: the ${tierName} long-context tier above ${aboveInputTokens} tokens can never apply (max input ${contextWindowTokens}); tier dropped.`,
    );
    return undefined;
  }
  // LiteLLM lists only the kinds whose price changes; an unlisted input or output price is unchanged.
  const input = prices.inputUsdPerMTok ?? base.inputUsdPerMTok;
  const output = prices.outputUsdPerMTok ?? base.outputUsdPerMTok;
  if (input === undefined || output === undefined) {
    warnings.push(
      `${key}: the ${tierName} long-context tier above ${aboveInputTokens} tokens has no input or output price; tier dropped.`,
    );
    return undefined;
  }
  return {
    ...tokenPrices({ ...prices, inputUsdPerMTok: input, outputUsdPerMTok: output }),
    aboveInputTokens,
  };
}

function tokenPrices(
  prices: EntryPrices & { inputUsdPerMTok: number; outputUsdPerMTok: number },
): TokenPrices {
  const out: TokenPrices = {
    inputUsdPerMTok: prices.inputUsdPerMTok,
    outputUsdPerMTok: prices.outputUsdPerMTok,
  };
  if (prices.cachedInputUsdPerMTok !== undefined)
    out.cachedInputUsdPerMTok = prices.cachedInputUsdPerMTok;
  if (prices.cacheWrite5mUsdPerMTok !== undefined)
    out.cacheWrite5mUsdPerMTok = prices.cacheWrite5mUsdPerMTok;
  if (prices.cacheWrite1hUsdPerMTok !== undefined)
    out.cacheWrite1hUsdPerMTok = prices.cacheWrite1hUsdPerMTok;
  if (prices.reasoningUsdPerMTok !== undefined)
    out.reasoningUsdPerMTok = prices.reasoningUsdPerMTok;
  return out;
}

function dropInvalidModels(table: PricingTable, skipped: LiteLLMSkipped[]): void {
  for (let pass = 0; pass < 3; pass++) {
    const issues = validatePricingTable(table).filter((issue) => issue.path[0] === "providers");
    if (issues.length === 0) break;
    const drop = new Map<string, string>();
    for (const issue of issues) {
      const [, p, , m] = issue.path;
      if (typeof p !== "number" || typeof m !== "number") continue;
      const model = table.providers[p]?.models[m];
      if (model !== undefined && !drop.has(model.id)) drop.set(model.id, issue.message);
    }
    if (drop.size === 0) break;
    for (const provider of table.providers) {
      provider.models = provider.models.filter((model) => {
        const reason = drop.get(model.id);
        if (reason !== undefined) skipped.push({ key: model.displayName, reason });
        return reason === undefined;
      });
    }
    table.providers = table.providers.filter((provider) => provider.models.length > 0);
  }
}

/** Tokenizer family from the model id; `undefined` when not recognizable. */
function tokenizerFor(id: string): TokenizerId | undefined {
  const name = id.slice(id.lastIndexOf("/") + 1);
  if (/claude/.test(id)) return "claude";
  if (/gemini|gemma/.test(id)) return "gemini";
  if (/grok/.test(id)) return "grok";
  if (/deepseek/.test(id)) return "deepseek";
  if (/mistral|mixtral|codestral|magistral|devstral|ministral|pixtral/.test(id)) return "mistral";
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4|chatgpt|codex)/.test(name))
    return "o200k_base";
  if (/^(gpt-4|gpt-3\.5|gpt-35)/.test(name)) return "cl100k_base";
  return undefined;
}

function providerSlug(value: unknown): string {
  const raw = typeof value === "string" ? value.toLowerCase() : "";
  const cleaned = raw.replace(/[^a-z0-9._:/@-]+/g, "-").replace(/^[^a-z0-9]+/, "");
  return cleaned === "" ? "unknown" : cleaned;
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 1) return undefined;
  return Math.floor(n);
}

function checkDay(value: string, field: string): void {
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TokenmeterError(
      "INVALID_INPUT",
      `${field} must be a date like 2026-11-27 (LiteLLM files carry no dates, so tokenmeter needs the day you checked the file), got ${typeof value === "string" ? `"${value.slice(0, 40)}"` : typeof value}.`,
      { details: { field } },
    );
  }
}

/** `["gpt-4o"].input_cost_per_token`: LiteLLM keys contain dots and slashes, so bracket them. */
function jsonKeyPath(key: string, field: string): string {
  return `[${JSON.stringify(key)}].${field}`;
}
