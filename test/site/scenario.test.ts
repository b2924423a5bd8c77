// The calculator's URL codec: every scenario survives encode → decode unchanged, the default
// scenario is the bare URL, and hand-edited nonsense is ignored with a reason instead of breaking.
import { CACHING_MODES, PRESET_NAMES, REASONING_EFFORTS, USAGE_PRESETS } from "@tokenmeter/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PLANS,
  DEFAULT_PRESET,
  decodeScenario,
  encodeScenario,
  isUnchangedPreset,
  type Scenario,
  type ScenarioCatalog,
  scenarioFromPreset,
} from "../../site/lib/scenario.ts";

const catalog: ScenarioCatalog = {
  presets: USAGE_PRESETS,
  presetNames: PRESET_NAMES,
  reasoningEfforts: REASONING_EFFORTS,
  cachingModes: CACHING_MODES,
};

const MODELS = ["gpt-5.5", "gpt-5.4-mini", "claude-sonnet-5", "gemini-3.5-flash", "gpt-4o-mini"];
const PLANS = ["chatgpt-plus", "claude-pro", "google-ai-pro", "chatgpt-go"];
const DEFAULT_MODELS = MODELS.slice(0, 4);
const known = { models: new Set(MODELS), plans: new Set(PLANS), defaultModels: DEFAULT_MODELS };

const length = fc.record({
  value: fc.integer({ min: 0, max: 100_000 }),
  unit: fc.constantFrom("words" as const, "tokens" as const),
});
const share = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  preset: fc.constantFrom(...PRESET_NAMES),
  messagesPerDay: fc.integer({ min: 0, max: 5000 }),
  activeDaysPerMonth: fc.integer({ min: 0, max: 31 }),
  activeHoursPerDay: fc.integer({ min: 1, max: 48 }).map((n) => n / 2),
  prompt: length,
  reply: length,
  turnsPerConversation: fc.integer({ min: 1, max: 1000 }),
  systemPromptTokens: fc.integer({ min: 0, max: 200_000 }),
  attachment: length,
  attachmentShare: share,
  reasoningShare: share,
  reasoningEffort: fc.constantFrom(...REASONING_EFFORTS),
  caching: fc.constantFrom("provider-default" as const, "off" as const),
  answer: fc.constantFrom("each" as const, "room" as const),
  models: fc.uniqueArray(fc.constantFrom(...MODELS), { minLength: 1, maxLength: 5 }),
  plans: fc.uniqueArray(fc.constantFrom(...PLANS), { maxLength: 4 }),
});

describe("scenario URL codec", () => {
  it("round-trips every scenario", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const search = encodeScenario(catalog, scenario, DEFAULT_MODELS);
        const decoded = decodeScenario(catalog, search, known);
        expect(decoded.ignored).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
      }),
      { numRuns: 300 },
    );
  });

  it("encodes the default scenario as an empty query, and an edit as one parameter", () => {
    const base = scenarioFromPreset(catalog, DEFAULT_PRESET, DEFAULT_MODELS, DEFAULT_PLANS);
    expect(encodeScenario(catalog, base, DEFAULT_MODELS)).toBe("");
    expect(isUnchangedPreset(catalog, base)).toBe(true);
    const edited = { ...base, messagesPerDay: 35 };
    expect(encodeScenario(catalog, edited, DEFAULT_MODELS)).toBe("?mpd=35");
    expect(isUnchangedPreset(catalog, edited)).toBe(false);
    const plans = { ...base, plans: ["chatgpt-plus", "claude-pro"] };
    expect(encodeScenario(catalog, plans, DEFAULT_MODELS)).toBe("?plans=chatgpt-plus,claude-pro");
  });

  it("starts from ChatGPT Plus and the moderate preset when the URL is empty", () => {
    const { scenario, ignored } = decodeScenario(catalog, "", known);
    expect(ignored).toEqual([]);
    expect(scenario.preset).toBe("moderate");
    expect(scenario.plans).toEqual(["chatgpt-plus"]);
    expect(scenario.models).toEqual(DEFAULT_MODELS);
  });

  it("uses the room preset's models and answers as a room", () => {
    const { scenario } = decodeScenario(catalog, "?preset=room", known);
    expect(scenario.answer).toBe("room");
    expect(scenario.models).toEqual(["gpt-5.5", "claude-sonnet-5", "gemini-3.5-flash"]);
  });

  it.each([
    ["?preset=gigantic", "preset"],
    ["?mpd=-3", "mpd"],
    ["?mpd=abc", "mpd"],
    ["?mpd=", "mpd"],
    ["?turns=2.5", "turns"],
    ["?days=40", "days"],
    ["?prompt=60", "prompt"],
    ["?reply=lots", "reply"],
    ["?effort=maximum", "effort"],
    ["?cache=sometimes", "cache"],
    ["?answer=all", "answer"],
    ["?models=gpt-5.5,not-a-model", "models"],
    ["?plans=chatgpt-ultra", "plans"],
  ])("ignores %s and says which parameter", (search, key) => {
    const { scenario, ignored } = decodeScenario(catalog, search, known);
    expect(ignored).toHaveLength(1);
    expect(ignored[0]?.startsWith(`${key}:`)).toBe(true);
    expect(scenario.preset).toBe(search.startsWith("?preset") ? DEFAULT_PRESET : scenario.preset);
  });
});
