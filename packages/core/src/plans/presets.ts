import { TokenmeterError } from "../errors.ts";
import { shownValue, typeOfValue } from "../pricing/shown-value.ts";
import { parseUsageProfile, type UsageProfile, type UsageProfileInput } from "./usage-profile.ts";

/** The names of the built-in usage profiles. */
export const PRESET_NAMES = ["light", "moderate", "heavy", "coder", "researcher", "room"] as const;
/** A built-in usage profile's name: `light`, `moderate`, `heavy`, `coder`, `researcher` or `room`. */
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * Built-in usage profiles. Every number is explained in `packages/core/README.md` ("The
 * presets"): where a published figure exists it is cited there, otherwise it is stated as an
 * assumption. Lengths in words use 4/3 tokens per word (OpenAI's rule of thumb).
 */
export const USAGE_PRESETS: Readonly<Record<PresetName, UsageProfileInput>> = Object.freeze({
  light: {
    name: "light",
    messagesPerDay: 5,
    activeDaysPerMonth: 12,
    activeHoursPerDay: 2,
    prompt: { words: 30 },
    reply: { words: 200 },
    turnsPerConversation: 3,
    systemPromptTokens: 150,
    reasoning: { shareOfMessages: 0, effort: "medium" },
  },
  moderate: {
    name: "moderate",
    messagesPerDay: 20,
    activeDaysPerMonth: 22,
    activeHoursPerDay: 8,
    prompt: { words: 60 },
    reply: { words: 250 },
    turnsPerConversation: 8,
    systemPromptTokens: 300,
    attachment: { length: { words: 1500 }, shareOfConversations: 0.1 },
    reasoning: { shareOfMessages: 0.1, effort: "medium" },
  },
  heavy: {
    name: "heavy",
    messagesPerDay: 60,
    activeDaysPerMonth: 26,
    activeHoursPerDay: 10,
    prompt: { words: 100 },
    reply: { words: 400 },
    turnsPerConversation: 15,
    systemPromptTokens: 600,
    attachment: { length: { words: 3000 }, shareOfConversations: 0.2 },
    reasoning: { shareOfMessages: 0.3, effort: "high" },
  },
  coder: {
    name: "coder",
    messagesPerDay: 40,
    activeDaysPerMonth: 22,
    activeHoursPerDay: 8,
    prompt: { tokens: 300 },
    reply: { tokens: 800 },
    turnsPerConversation: 12,
    systemPromptTokens: 800,
    attachment: { length: { tokens: 8000 }, shareOfConversations: 0.5 },
    reasoning: { shareOfMessages: 0.5, effort: "medium" },
  },
  researcher: {
    name: "researcher",
    messagesPerDay: 15,
    activeDaysPerMonth: 20,
    activeHoursPerDay: 6,
    prompt: { words: 80 },
    reply: { words: 450 },
    turnsPerConversation: 10,
    systemPromptTokens: 300,
    attachment: { length: { words: 15000 }, shareOfConversations: 0.6 },
    reasoning: { shareOfMessages: 0.3, effort: "high" },
  },
  room: {
    name: "room",
    messagesPerDay: 20,
    activeDaysPerMonth: 22,
    activeHoursPerDay: 8,
    prompt: { words: 60 },
    reply: { words: 250 },
    turnsPerConversation: 8,
    systemPromptTokens: 300,
    reasoning: { shareOfMessages: 0, effort: "medium" },
    models: ["gpt-5.5", "claude-sonnet-5", "gemini-3.5-flash"],
  },
});

/**
 * A built-in usage profile, validated and with defaults filled in. Spread it to adjust:
 * `parseUsageProfile({ ...USAGE_PRESETS.moderate, messagesPerDay: 30 })`.
 *
 * @throws TokenmeterError `INVALID_INPUT` for an unknown name (the message lists the names).
 * @example
 * const profile = usagePreset("moderate");
 */
export function usagePreset(name: PresetName): UsageProfile {
  // Own keys only: `usagePreset("toString")` must not find Object.prototype.toString.
  const input =
    typeof name === "string" && Object.hasOwn(USAGE_PRESETS, name)
      ? (USAGE_PRESETS as Readonly<Record<string, UsageProfileInput>>)[name]
      : undefined;
  if (input === undefined) {
    const shown = typeof name === "string" ? `"${shownValue(name, 40)}"` : typeOfValue(name);
    throw new TokenmeterError(
      "INVALID_INPUT",
      `Unknown usage preset ${shown}; the presets are ${PRESET_NAMES.join(", ")}.`,
      { details: { field: "preset", presets: [...PRESET_NAMES] } },
    );
  }
  return parseUsageProfile(input);
}
