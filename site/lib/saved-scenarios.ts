// Scenarios a person chose to save in this browser: a name and the scenario's URL query (settings
// only, never anything typed as content). They live in localStorage under one key, written only
// when the person presses Save or Delete; with nothing saved the key does not exist at all.
// Parsing is by hand, not zod: this module is part of the calculator's first script.

/** The localStorage key holding the saved scenarios (JSON). */
export const SAVED_SCENARIOS_KEY = "tokenmeter:scenarios";
/** Longest name accepted, in characters. */
export const SCENARIO_NAME_MAX_CHARS = 80;
/** Most scenarios kept; saving one more asks the person to delete one first. */
export const SAVED_SCENARIOS_MAX = 50;
/** A stored query longer than this is not a scenario this site wrote. */
const SEARCH_MAX_CHARS = 2000;

export interface SavedScenario {
  /** Stable identity for the list (names can be renamed by saving over them). */
  id: string;
  /** The person's name for it, trimmed, 1 to {@link SCENARIO_NAME_MAX_CHARS} characters. */
  name: string;
  /** The scenario as the calculator's URL query (`""` or `?preset=heavy&mpd=45`). */
  search: string;
  /** When it was saved, ISO 8601. */
  savedAt: string;
}

interface StoredShape {
  version: 1;
  scenarios: SavedScenario[];
}

function isSavedScenario(value: unknown): value is SavedScenario {
  if (typeof value !== "object" || value === null) return false;
  const { id, name, search, savedAt } = value as Record<string, unknown>;
  return (
    typeof id === "string" &&
    id !== "" &&
    typeof name === "string" &&
    name.trim() !== "" &&
    name.length <= SCENARIO_NAME_MAX_CHARS &&
    typeof search === "string" &&
    search.length <= SEARCH_MAX_CHARS &&
    (search === "" || search.startsWith("?")) &&
    typeof savedAt === "string" &&
    !Number.isNaN(Date.parse(savedAt))
  );
}

/**
 * The saved scenarios in stored text (what `localStorage.getItem` returned). Anything unreadable
 * (not JSON, another version, malformed entries, repeated ids) is left out rather than thrown:
 * a damaged entry must never stop the calculator from opening.
 */
export function parseSavedScenarios(stored: string | null): SavedScenario[] {
  if (stored === null || stored === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (typeof value !== "object" || value === null) return [];
  const { version, scenarios } = value as { version?: unknown; scenarios?: unknown };
  if (version !== 1 || !Array.isArray(scenarios)) return [];
  const seen = new Set<string>();
  const kept: SavedScenario[] = [];
  for (const entry of scenarios) {
    if (!isSavedScenario(entry) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    kept.push({ id: entry.id, name: entry.name, search: entry.search, savedAt: entry.savedAt });
  }
  return kept.slice(0, SAVED_SCENARIOS_MAX);
}

/** The text to store for `scenarios`, or `null` when the key should be removed (nothing saved). */
export function serializeSavedScenarios(scenarios: readonly SavedScenario[]): string | null {
  if (scenarios.length === 0) return null;
  const shape: StoredShape = { version: 1, scenarios: [...scenarios] };
  return JSON.stringify(shape);
}

/** A name as it will be stored: whitespace runs collapsed, ends trimmed. */
export function normalizeScenarioName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/** Why `name` cannot be used, in words for the person, or `undefined` when it can. */
export function scenarioNameProblem(name: string): string | undefined {
  const normalized = normalizeScenarioName(name);
  if (normalized === "") return "Give the scenario a name, e.g. “My usage”.";
  if (normalized.length > SCENARIO_NAME_MAX_CHARS) {
    return `Use at most ${SCENARIO_NAME_MAX_CHARS} characters (this name has ${normalized.length}).`;
  }
  return undefined;
}

export type SaveOutcome =
  | { ok: true; scenarios: SavedScenario[]; saved: SavedScenario; replaced: boolean }
  | { ok: false; problem: string };

/**
 * Adds a scenario at the top of the list. A name already in the list (ignoring case) is saved
 * over, keeping its id, so saving "Work" twice keeps one "Work".
 */
export function saveScenario(
  scenarios: readonly SavedScenario[],
  input: { name: string; search: string; savedAt: string; newId: () => string },
): SaveOutcome {
  const problem = scenarioNameProblem(input.name);
  if (problem !== undefined) return { ok: false, problem };
  const name = normalizeScenarioName(input.name);
  const existing = scenarios.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (existing === undefined && scenarios.length >= SAVED_SCENARIOS_MAX) {
    return {
      ok: false,
      problem: `${SAVED_SCENARIOS_MAX} scenarios are saved already; delete one to save another.`,
    };
  }
  const saved: SavedScenario = {
    id: existing?.id ?? input.newId(),
    name,
    search: input.search,
    savedAt: input.savedAt,
  };
  return {
    ok: true,
    saved,
    replaced: existing !== undefined,
    scenarios: [saved, ...scenarios.filter((s) => s.id !== saved.id)],
  };
}

/** The list without the scenario `id`. */
export function deleteScenario(scenarios: readonly SavedScenario[], id: string): SavedScenario[] {
  return scenarios.filter((s) => s.id !== id);
}

/** The list with `scenario` put back at `index` (undo of a delete). */
export function restoreScenario(
  scenarios: readonly SavedScenario[],
  scenario: SavedScenario,
  index: number,
): SavedScenario[] {
  const rest = scenarios.filter((s) => s.id !== scenario.id);
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), scenario, ...rest.slice(at)];
}

/** Where saved scenarios are kept: `localStorage` in the page, a map in tests. */
export interface ScenarioStore {
  read(): string | null;
  /** Throws when the browser refuses (storage disabled, quota exceeded). */
  write(text: string | null): void;
}

/** The page's localStorage, or `undefined` when the browser does not offer it. */
export function browserScenarioStore(): ScenarioStore | undefined {
  let storage: Storage;
  try {
    storage = window.localStorage;
    if (!storage) return undefined;
  } catch {
    return undefined;
  }
  return {
    read: () => {
      try {
        return storage.getItem(SAVED_SCENARIOS_KEY);
      } catch {
        return null;
      }
    },
    write: (text) => {
      if (text === null) storage.removeItem(SAVED_SCENARIOS_KEY);
      else storage.setItem(SAVED_SCENARIOS_KEY, text);
    },
  };
}
