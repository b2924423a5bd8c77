// The calculator's scenario: a usage profile (a preset, possibly edited), the models that answer,
// and the plans to compare. It lives in the page's URL so it can be shared and the back button
// walks through edits. Only settings are encoded, never anything a person typed as content.
// Only types come from core here: the calculator's first paint must not pull in core (and zod),
// so the presets and option lists arrive as a `ScenarioCatalog` built from core at build time.
import type { CachingMode, PresetName, ReasoningEffort, UsageProfileInput } from "@tokenmeter/core";

/** Core's presets and option lists, as plain data (`USAGE_PRESETS`, `PRESET_NAMES`, …). */
export interface ScenarioCatalog {
  presets: Readonly<Record<PresetName, UsageProfileInput>>;
  presetNames: readonly PresetName[];
  reasoningEfforts: readonly ReasoningEffort[];
  cachingModes: readonly CachingMode[];
}

/** A length as a person gives it: words (converted at 4/3 tokens per word) or tokens. */
export interface Length {
  value: number;
  unit: "words" | "tokens";
}

/** How the chosen models answer: each on its own (compared side by side), or all in one room. */
export type AnswerMode = "each" | "room";

export interface Scenario {
  /** The preset the profile started from. */
  preset: PresetName;
  messagesPerDay: number;
  activeDaysPerMonth: number;
  activeHoursPerDay: number;
  prompt: Length;
  reply: Length;
  turnsPerConversation: number;
  systemPromptTokens: number;
  /** Pasted documents: their length (0 for none) and the share of conversations that have one. */
  attachment: Length;
  attachmentShare: number;
  reasoningShare: number;
  reasoningEffort: ReasoningEffort;
  caching: CachingMode;
  answer: AnswerMode;
  models: string[];
  plans: string[];
}

/** The profile fields of a scenario (everything the preset sets). */
export type ProfileFields = Omit<Scenario, "preset" | "models" | "plans" | "answer">;

export const DEFAULT_PRESET: PresetName = "moderate";
export const DEFAULT_PLANS: readonly string[] = ["chatgpt-plus"];
/** Preferred default models; ids missing from the pricing table are skipped. */
export const PREFERRED_MODELS: readonly string[] = [
  "gpt-5.5",
  "gpt-5.4-mini",
  "claude-sonnet-5",
  "gemini-3.5-flash",
];

function lengthOf(input: { tokens: number } | { words: number }): Length {
  return "tokens" in input
    ? { value: input.tokens, unit: "tokens" }
    : { value: input.words, unit: "words" };
}

/** The profile fields a preset sets, as the calculator's form holds them. */
export function presetFields(catalog: ScenarioCatalog, name: PresetName): ProfileFields {
  const preset: UsageProfileInput = catalog.presets[name];
  return {
    messagesPerDay: preset.messagesPerDay ?? 0,
    activeDaysPerMonth: preset.activeDaysPerMonth,
    activeHoursPerDay: preset.activeHoursPerDay ?? 8,
    prompt: lengthOf(preset.prompt),
    reply: lengthOf(preset.reply),
    turnsPerConversation: preset.turnsPerConversation,
    systemPromptTokens: preset.systemPromptTokens ?? 0,
    attachment: preset.attachment
      ? lengthOf(preset.attachment.length)
      : { value: 0, unit: "words" },
    attachmentShare: preset.attachment?.shareOfConversations ?? 0,
    reasoningShare: preset.reasoning?.shareOfMessages ?? 0,
    reasoningEffort: preset.reasoning?.effort ?? "medium",
    caching: preset.caching ?? "provider-default",
  };
}

/** A scenario that starts from `preset`, answered by `models`, compared with `plans`. */
export function scenarioFromPreset(
  catalog: ScenarioCatalog,
  preset: PresetName,
  models: readonly string[],
  plans: readonly string[],
): Scenario {
  const roomModels = catalog.presets[preset].models;
  return {
    preset,
    ...presetFields(catalog, preset),
    answer: roomModels ? "room" : "each",
    models: roomModels ? [...roomModels] : [...models],
    plans: [...plans],
  };
}

/** The usage profile core validates and projects (`parseUsageProfile` input). */
export function profileOf(scenario: Scenario): UsageProfileInput {
  const length = (l: Length) => (l.unit === "tokens" ? { tokens: l.value } : { words: l.value });
  const profile: UsageProfileInput = {
    name: scenario.preset,
    messagesPerDay: scenario.messagesPerDay,
    activeDaysPerMonth: scenario.activeDaysPerMonth,
    activeHoursPerDay: scenario.activeHoursPerDay,
    prompt: length(scenario.prompt),
    reply: length(scenario.reply),
    turnsPerConversation: scenario.turnsPerConversation,
    systemPromptTokens: scenario.systemPromptTokens,
    reasoning: { shareOfMessages: scenario.reasoningShare, effort: scenario.reasoningEffort },
    caching: scenario.caching,
  };
  if (scenario.attachment.value > 0 && scenario.attachmentShare > 0) {
    profile.attachment = {
      length: length(scenario.attachment),
      shareOfConversations: scenario.attachmentShare,
    };
  }
  if (scenario.answer === "room") profile.models = [...scenario.models];
  return profile;
}

// ---- URL encoding ----------------------------------------------------------------------------

/** Short URL keys of the profile fields, in the order they are written. */
const NUMBER_KEYS = {
  messagesPerDay: "mpd",
  activeDaysPerMonth: "days",
  activeHoursPerDay: "hours",
  turnsPerConversation: "turns",
  systemPromptTokens: "sys",
  attachmentShare: "atts",
  reasoningShare: "rs",
} as const satisfies Partial<Record<keyof ProfileFields, string>>;
const LENGTH_KEYS = {
  prompt: "prompt",
  reply: "reply",
  attachment: "att",
} as const satisfies Partial<Record<keyof ProfileFields, string>>;

/** Bounds the form and the URL accept; core validates the combination (e.g. hours a day). */
export const FIELD_BOUNDS: Record<
  keyof typeof NUMBER_KEYS,
  { min: number; max: number; integer: boolean }
> = {
  messagesPerDay: { min: 0, max: 5000, integer: false },
  activeDaysPerMonth: { min: 0, max: 31, integer: false },
  activeHoursPerDay: { min: 0.5, max: 24, integer: false },
  turnsPerConversation: { min: 1, max: 1000, integer: true },
  systemPromptTokens: { min: 0, max: 200_000, integer: true },
  attachmentShare: { min: 0, max: 1, integer: false },
  reasoningShare: { min: 0, max: 1, integer: false },
};
export const LENGTH_MAX = 1_000_000;

function encodeLength(length: Length): string {
  return `${length.value}${length.unit === "tokens" ? "t" : "w"}`;
}

function decodeLength(text: string): Length | undefined {
  const match = /^(\d+(?:\.\d+)?)([tw])$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value < 0 || value > LENGTH_MAX) return undefined;
  return { value, unit: match[2] === "t" ? "tokens" : "words" };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The scenario as URL search parameters: the preset, then only what differs from it (and from the
 * default models and plans), so a shared link stays short and readable.
 */
export function encodeScenario(
  catalog: ScenarioCatalog,
  scenario: Scenario,
  defaultModels: readonly string[],
): string {
  const params = new URLSearchParams();
  if (scenario.preset !== DEFAULT_PRESET) params.set("preset", scenario.preset);
  const base = scenarioFromPreset(catalog, scenario.preset, defaultModels, DEFAULT_PLANS);
  for (const [field, key] of Object.entries(NUMBER_KEYS) as [keyof typeof NUMBER_KEYS, string][]) {
    if (scenario[field] !== base[field]) params.set(key, String(scenario[field]));
  }
  for (const [field, key] of Object.entries(LENGTH_KEYS) as [keyof typeof LENGTH_KEYS, string][]) {
    const value = scenario[field];
    const baseValue = base[field];
    if (value.value !== baseValue.value || value.unit !== baseValue.unit) {
      params.set(key, encodeLength(value));
    }
  }
  if (scenario.reasoningEffort !== base.reasoningEffort)
    params.set("effort", scenario.reasoningEffort);
  if (scenario.caching !== base.caching) params.set("cache", scenario.caching);
  if (scenario.answer !== base.answer) params.set("answer", scenario.answer);
  if (!sameList(scenario.models, base.models)) params.set("models", scenario.models.join(","));
  if (!sameList(scenario.plans, base.plans)) params.set("plans", scenario.plans.join(","));
  const query = params.toString();
  return query === "" ? "" : `?${query.replace(/%2C/g, ",")}`;
}

export interface DecodedScenario {
  scenario: Scenario;
  /** What in the URL was ignored and why (never more than the parameter and its problem). */
  ignored: string[];
}

/**
 * Reads a scenario from URL search parameters. Anything unreadable, out of range or unknown is
 * ignored (the preset's value is kept) and listed in `ignored`, so a hand-edited link still opens.
 */
export function decodeScenario(
  catalog: ScenarioCatalog,
  search: string,
  known: {
    models: ReadonlySet<string>;
    plans: ReadonlySet<string>;
    defaultModels: readonly string[];
  },
): DecodedScenario {
  const params = new URLSearchParams(search);
  const ignored: string[] = [];
  const presetParam = params.get("preset");
  let preset: PresetName = DEFAULT_PRESET;
  if (presetParam !== null) {
    if ((catalog.presetNames as readonly string[]).includes(presetParam)) {
      preset = presetParam as PresetName;
    } else ignored.push(`preset: unknown preset; using ${DEFAULT_PRESET}`);
  }
  const scenario = scenarioFromPreset(catalog, preset, known.defaultModels, DEFAULT_PLANS);

  for (const [field, key] of Object.entries(NUMBER_KEYS) as [keyof typeof NUMBER_KEYS, string][]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    const bounds = FIELD_BOUNDS[field];
    if (
      raw.trim() === "" ||
      !Number.isFinite(value) ||
      value < bounds.min ||
      value > bounds.max ||
      (bounds.integer && !Number.isInteger(value))
    ) {
      ignored.push(
        `${key}: expected ${bounds.integer ? "a whole number" : "a number"} from ${bounds.min} to ${bounds.max}`,
      );
      continue;
    }
    scenario[field] = value;
  }
  for (const [field, key] of Object.entries(LENGTH_KEYS) as [keyof typeof LENGTH_KEYS, string][]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const length = decodeLength(raw);
    if (length === undefined) {
      ignored.push(`${key}: expected a length like 60w (words) or 300t (tokens)`);
      continue;
    }
    scenario[field] = length;
  }
  const effort = params.get("effort");
  if (effort !== null) {
    if ((catalog.reasoningEfforts as readonly string[]).includes(effort)) {
      scenario.reasoningEffort = effort as ReasoningEffort;
    } else ignored.push(`effort: expected one of ${catalog.reasoningEfforts.join(", ")}`);
  }
  const cache = params.get("cache");
  if (cache !== null) {
    if ((catalog.cachingModes as readonly string[]).includes(cache)) {
      scenario.caching = cache as CachingMode;
    } else ignored.push(`cache: expected one of ${catalog.cachingModes.join(", ")}`);
  }
  const answer = params.get("answer");
  if (answer !== null) {
    if (answer === "each" || answer === "room") scenario.answer = answer;
    else ignored.push("answer: expected each or room");
  }
  const models = params.get("models");
  if (models !== null) {
    const ids = [...new Set(models.split(",").filter((id) => id !== ""))];
    const unknown = ids.filter((id) => !known.models.has(id));
    if (unknown.length > 0) ignored.push(`models: ${unknown.length} unknown model id(s) left out`);
    const kept = ids.filter((id) => known.models.has(id)).slice(0, 20);
    if (kept.length > 0) scenario.models = kept;
  }
  const plans = params.get("plans");
  if (plans !== null) {
    const ids = [...new Set(plans.split(",").filter((id) => id !== ""))];
    const unknown = ids.filter((id) => !known.plans.has(id));
    if (unknown.length > 0) ignored.push(`plans: ${unknown.length} unknown plan id(s) left out`);
    scenario.plans = ids.filter((id) => known.plans.has(id));
  }
  return { scenario, ignored };
}

/** True when the profile fields still equal the preset's. */
export function isUnchangedPreset(catalog: ScenarioCatalog, scenario: Scenario): boolean {
  const base = presetFields(catalog, scenario.preset);
  return (Object.keys(base) as (keyof ProfileFields)[]).every((key) => {
    const a = scenario[key];
    const b = base[key];
    return typeof a === "object" && typeof b === "object"
      ? a.value === b.value && a.unit === b.unit
      : a === b;
  });
}
