// "Save this scenario": the person names the scenario on screen and it is kept in this browser's
// localStorage (the name and the scenario's settings, nothing else); a list opens or deletes what
// was saved. Nothing is written until the person presses Save, and deleting the last one removes
// the storage key, so a browser that never saved holds nothing of this site but a theme choice.
import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from "react";
import { formatLocalDate } from "../../lib/format.ts";
import {
  browserScenarioStore,
  deleteScenario,
  parseSavedScenarios,
  restoreScenario,
  SAVED_SCENARIOS_KEY,
  type SavedScenario,
  SCENARIO_NAME_MAX_CHARS,
  type ScenarioStore,
  saveScenario,
  serializeSavedScenarios,
} from "../../lib/saved-scenarios.ts";

export interface SavedScenariosProps {
  /** The scenario on screen, as its URL query. */
  currentSearch: string;
  /** One line saying what a saved query holds (preset, messages a day, models, plans). */
  describe: (search: string) => string;
  /** Shows a saved scenario in the calculator. */
  onOpen: (search: string) => void;
}

type Note =
  | { kind: "saved"; name: string; replaced: boolean }
  | { kind: "opened"; name: string }
  | { kind: "deleted"; scenario: SavedScenario; index: number }
  | { kind: "restored"; name: string }
  | { kind: "problem"; text: string };

function newId(): string {
  return typeof crypto !== "undefined" && typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function SavedScenarios(props: SavedScenariosProps): ReactElement {
  const ids = { heading: useId(), name: useId(), problem: useId(), hint: useId() };
  const storeRef = useRef<ScenarioStore | undefined>(undefined);
  const [scenarios, setScenarios] = useState<SavedScenario[]>([]);
  const [name, setName] = useState("");
  const [nameProblem, setNameProblem] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<Note | null>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Read (never write) what this browser holds, and follow saves made in other tabs.
  useEffect(() => {
    const store = browserScenarioStore();
    storeRef.current = store;
    if (!store) return;
    setScenarios(parseSavedScenarios(store.read()));
    const onStorage = (event: StorageEvent) => {
      if (event.key === SAVED_SCENARIOS_KEY || event.key === null) {
        setScenarios(parseSavedScenarios(store.read()));
      }
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  useEffect(() => {
    if (focusAfter === null) return;
    if (focusAfter === "undo") undoRef.current?.focus();
    else {
      listRef.current
        ?.querySelector<HTMLButtonElement>(`button[data-open="${CSS.escape(focusAfter)}"]`)
        ?.focus();
    }
    setFocusAfter(null);
  }, [focusAfter]);

  /** Writes the list; on refusal (storage off, quota) keeps the old list and says why. */
  const persist = (next: SavedScenario[]): boolean => {
    const store = storeRef.current;
    if (!store) {
      setNote({
        kind: "problem",
        text: "This browser does not let the site store anything (storage is turned off), so the scenario cannot be saved. Copy its link instead.",
      });
      return false;
    }
    try {
      store.write(serializeSavedScenarios(next));
    } catch {
      setNote({
        kind: "problem",
        text: "The browser refused to store the scenario (storage is full or turned off for this site). Copy its link instead.",
      });
      return false;
    }
    setScenarios(next);
    return true;
  };

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Re-read first: another tab may have saved or deleted since this one loaded.
    const current = parseSavedScenarios(storeRef.current?.read() ?? null);
    const outcome = saveScenario(current, {
      name,
      search: props.currentSearch,
      savedAt: new Date().toISOString(),
      newId,
    });
    if (!outcome.ok) {
      setNameProblem(outcome.problem);
      setNote(null);
      return;
    }
    setNameProblem(undefined);
    if (persist(outcome.scenarios)) {
      setName("");
      setNote({ kind: "saved", name: outcome.saved.name, replaced: outcome.replaced });
    }
  };

  const onDelete = (scenario: SavedScenario) => {
    const index = scenarios.findIndex((s) => s.id === scenario.id);
    setNameProblem(undefined);
    if (persist(deleteScenario(scenarios, scenario.id))) {
      setNote({ kind: "deleted", scenario, index });
      setFocusAfter("undo");
    }
  };

  const onUndo = (scenario: SavedScenario, index: number) => {
    setNameProblem(undefined);
    if (persist(restoreScenario(scenarios, scenario, index))) {
      setNote({ kind: "restored", name: scenario.name });
      setFocusAfter(scenario.id);
    }
  };

  return (
    <section className="card saved-scenarios" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Saved scenarios</h2>
      <form onSubmit={onSave} noValidate>
        <div className="field">
          <label htmlFor={ids.name}>Name for this scenario</label>
          <div className="save-row">
            <input
              id={ids.name}
              type="text"
              value={name}
              maxLength={SCENARIO_NAME_MAX_CHARS}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. My usage"
              aria-invalid={nameProblem ? true : undefined}
              aria-describedby={[ids.hint, nameProblem ? ids.problem : ""].join(" ").trim()}
              onChange={(event) => {
                setName(event.target.value);
                if (nameProblem) setNameProblem(undefined);
              }}
            />
            <button type="submit">Save this scenario</button>
          </div>
          <span className="hint" id={ids.hint}>
            Kept in this browser only, until you delete it: the name and these settings, nothing
            else. Nothing is stored unless you press Save.
          </span>
          {nameProblem ? (
            <span className="field-problem" id={ids.problem} role="alert">
              {nameProblem}
            </span>
          ) : null}
        </div>
      </form>
      <div role="status" className="small saved-note">
        {note?.kind === "saved"
          ? `${note.replaced ? "Saved over" : "Saved"} “${note.name}” in this browser.`
          : note?.kind === "opened"
            ? `Showing “${note.name}”.`
            : note?.kind === "restored"
              ? `“${note.name}” is back.`
              : note?.kind === "problem"
                ? note.text
                : null}
        {note?.kind === "deleted" ? (
          <>
            Deleted “{note.scenario.name}”.{" "}
            <button
              type="button"
              className="link-button"
              ref={undoRef}
              onClick={() => onUndo(note.scenario, note.index)}
            >
              Undo
            </button>
          </>
        ) : null}
      </div>
      {scenarios.length === 0 ? (
        <p className="small muted">No saved scenarios in this browser.</p>
      ) : (
        <ul className="plain saved-list" ref={listRef} aria-label="Your saved scenarios">
          {scenarios.map((scenario) => {
            const showing = scenario.search === props.currentSearch;
            return (
              <li key={scenario.id} data-saved={scenario.id}>
                <div className="saved-text">
                  <strong className="saved-name">{scenario.name}</strong>
                  {showing ? <span className="badge showing">showing</span> : null}
                  <span className="small muted">
                    {props.describe(scenario.search)} · saved {formatLocalDate(scenario.savedAt)}
                  </span>
                </div>
                <div className="saved-actions">
                  <button
                    type="button"
                    className="secondary"
                    data-open={scenario.id}
                    onClick={() => {
                      props.onOpen(scenario.search);
                      setNameProblem(undefined);
                      setNote({ kind: "opened", name: scenario.name });
                    }}
                  >
                    Open<span className="sr-only"> “{scenario.name}”</span>
                  </button>
                  <button type="button" className="secondary" onClick={() => onDelete(scenario)}>
                    Delete<span className="sr-only"> “{scenario.name}”</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
