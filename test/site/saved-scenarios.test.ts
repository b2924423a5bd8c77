// Saved scenarios' data rules (no browser): what is stored, how damaged storage is read, how names
// are checked, saving over a name, the limit, and undoing a delete.
import { describe, expect, it } from "vitest";
import {
  deleteScenario,
  normalizeScenarioName,
  parseSavedScenarios,
  restoreScenario,
  SAVED_SCENARIOS_MAX,
  type SavedScenario,
  SCENARIO_NAME_MAX_CHARS,
  saveScenario,
  scenarioNameProblem,
  serializeSavedScenarios,
} from "../../site/lib/saved-scenarios.ts";

const AT = "2026-11-27T10:00:00.000Z";

function ids(): () => string {
  let n = 0;
  return () => `id-${++n}`;
}

function saved(id: string, name: string, search = "?mpd=35"): SavedScenario {
  return { id, name, search, savedAt: AT };
}

describe("saved scenarios", () => {
  it("stores nothing for an empty list (the key is removed), and round-trips a list", () => {
    expect(serializeSavedScenarios([])).toBeNull();
    const list = [saved("a", "Work"), saved("b", "Home", "")];
    const text = serializeSavedScenarios(list);
    expect(text).not.toBeNull();
    expect(JSON.parse(text ?? "")).toEqual({ version: 1, scenarios: list });
    expect(parseSavedScenarios(text)).toEqual(list);
  });

  it.each([
    ["nothing stored", null],
    ["an empty string", ""],
    ["not JSON", "{not json"],
    ["JSON of another shape", "[1,2,3]"],
    ["another version", JSON.stringify({ version: 2, scenarios: [saved("a", "Work")] })],
    ["scenarios not a list", JSON.stringify({ version: 1, scenarios: "Work" })],
  ])("reads %s as no scenarios, without throwing", (_what, stored) => {
    expect(parseSavedScenarios(stored)).toEqual([]);
  });

  it("leaves out malformed and repeated entries and keeps the good ones", () => {
    const good = saved("a", "Work");
    const stored = JSON.stringify({
      version: 1,
      scenarios: [
        good,
        { ...good }, // same id again
        { id: "b", name: "   ", search: "", savedAt: AT }, // blank name
        { id: "c", name: "x".repeat(SCENARIO_NAME_MAX_CHARS + 1), search: "", savedAt: AT },
        { id: "d", name: "Query without ?", search: "mpd=3", savedAt: AT },
        { id: "e", name: "Bad date", search: "", savedAt: "yesterday" },
        { id: "f", name: "Long query", search: `?${"a".repeat(2000)}`, savedAt: AT },
        { id: "g", name: 42, search: "", savedAt: AT },
        null,
        saved("h", "Home", ""),
      ],
    });
    expect(parseSavedScenarios(stored).map((s) => s.id)).toEqual(["a", "h"]);
  });

  it("checks names: blank is refused, long is refused, whitespace is tidied", () => {
    expect(scenarioNameProblem("")).toMatch(/Give the scenario a name/);
    expect(scenarioNameProblem("   \t ")).toMatch(/Give the scenario a name/);
    expect(scenarioNameProblem("x".repeat(SCENARIO_NAME_MAX_CHARS))).toBeUndefined();
    expect(scenarioNameProblem("x".repeat(SCENARIO_NAME_MAX_CHARS + 1))).toBe(
      `Use at most ${SCENARIO_NAME_MAX_CHARS} characters (this name has ${SCENARIO_NAME_MAX_CHARS + 1}).`,
    );
    expect(normalizeScenarioName("  My \n usage  ")).toBe("My usage");
  });

  it("adds a new scenario at the top and saves over the same name (any case), keeping its id", () => {
    const newId = ids();
    const first = saveScenario([], { name: " Work ", search: "?mpd=35", savedAt: AT, newId });
    if (!first.ok) throw new Error(first.problem);
    expect(first.scenarios).toEqual([saved("id-1", "Work", "?mpd=35")]);
    expect(first.replaced).toBe(false);

    const second = saveScenario(first.scenarios, {
      name: "Home",
      search: "",
      savedAt: AT,
      newId,
    });
    if (!second.ok) throw new Error(second.problem);
    expect(second.scenarios.map((s) => s.name)).toEqual(["Home", "Work"]);

    const over = saveScenario(second.scenarios, {
      name: "WORK",
      search: "?preset=heavy",
      savedAt: "2026-11-28T09:00:00.000Z",
      newId,
    });
    if (!over.ok) throw new Error(over.problem);
    expect(over.replaced).toBe(true);
    expect(over.scenarios).toEqual([
      { id: "id-1", name: "WORK", search: "?preset=heavy", savedAt: "2026-11-28T09:00:00.000Z" },
      saved("id-2", "Home", ""),
    ]);
  });

  it("refuses a blank name and a scenario beyond the limit, but still saves over a name at the limit", () => {
    const newId = ids();
    expect(saveScenario([], { name: " ", search: "", savedAt: AT, newId })).toEqual({
      ok: false,
      problem: "Give the scenario a name, e.g. “My usage”.",
    });
    const full = Array.from({ length: SAVED_SCENARIOS_MAX }, (_, i) => saved(`s${i}`, `S${i}`));
    const refused = saveScenario(full, { name: "One more", search: "", savedAt: AT, newId });
    expect(refused).toEqual({
      ok: false,
      problem: `${SAVED_SCENARIOS_MAX} scenarios are saved already; delete one to save another.`,
    });
    const over = saveScenario(full, { name: "S7", search: "?mpd=1", savedAt: AT, newId });
    expect(over.ok && over.scenarios.length).toBe(SAVED_SCENARIOS_MAX);
  });

  it("deletes by id and undoes a delete at the same place", () => {
    const list = [saved("a", "A"), saved("b", "B"), saved("c", "C")];
    const without = deleteScenario(list, "b");
    expect(without.map((s) => s.id)).toEqual(["a", "c"]);
    expect(restoreScenario(without, saved("b", "B"), 1)).toEqual(list);
    // An index past the end (the list changed in another tab) puts it last.
    expect(restoreScenario(without, saved("b", "B"), 9).map((s) => s.id)).toEqual(["a", "c", "b"]);
    // Restoring twice does not duplicate it.
    expect(restoreScenario(list, saved("b", "B"), 0).map((s) => s.id)).toEqual(["b", "a", "c"]);
  });
});
