// The calculator island (home page): "would the API be cheaper than my subscription?". The form
// edits a scenario; every change recomputes with core (projectMonthly + comparePlans) and updates
// the URL, so a scenario can be shared and the back button walks through edits.
//
// First paint needs no core: the build renders the default scenario's results and passes them in
// (`initialView`). Core and its data (~70 KB gzip with zod and the price tables) load as a separate
// chunk as soon as they are needed: at once for a shared link, else when the pointer or focus
// enters the form, before the first edit lands.
import type { PresetName } from "@tokenmeter/core";
import {
  type ReactElement,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ViewOutcome } from "../../lib/calculator-view.ts";
import { formatDecimal, formatUsd } from "../../lib/format.ts";
import {
  decodeScenario,
  encodeScenario,
  FIELD_BOUNDS,
  isUnchangedPreset,
  presetFields,
  type Scenario,
  type ScenarioCatalog,
} from "../../lib/scenario.ts";
import { LengthField, NumberField } from "./fields.tsx";
import { Results } from "./results.tsx";
import { SavedScenarios } from "./saved-scenarios.tsx";

export interface CalculatorModel {
  id: string;
  displayName: string;
  providerDisplayName: string;
}

export interface CalculatorPlan {
  id: string;
  displayName: string;
  product: string;
  /** The plan's price per month; for an annual-only plan, the yearly price divided by 12. */
  usdPerMonth: number;
  /** How that price is billed: monthly, or once a year. */
  billing: "monthly" | "annual";
  primaryModel: string | undefined;
}

type Engine = typeof import("../../lib/calculator-compute.ts");
let enginePromise: Promise<Engine> | undefined;
/** Loads core and the calculator's arithmetic once per page. */
function loadEngine(): Promise<Engine> {
  enginePromise ??= import("../../lib/calculator-compute.ts").catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface CalculatorProps {
  catalog: ScenarioCatalog;
  initial: Scenario;
  /** The initial scenario's results, computed at build time. */
  initialView: ViewOutcome;
  defaultModels: string[];
  models: CalculatorModel[];
  plans: CalculatorPlan[];
  pricingVersion: string;
  plansVersion: string;
  /** The day the plans table's prices are as of (ISO date). */
  plansPublishedOn: string;
}

const PRESET_LABELS: Record<PresetName, string> = {
  light: "Light",
  moderate: "Moderate",
  heavy: "Heavy",
  coder: "Coder",
  researcher: "Researcher",
  room: "Multi-model room",
};

/** Within this many ms of the last history entry, an edit replaces it instead of adding one. */
const HISTORY_MERGE_MS = 1000;

/** "$20.00/mo", or "$16.67/mo billed yearly" for a plan sold only by the year. */
function planPriceText(plan: Pick<CalculatorPlan, "usdPerMonth" | "billing">): string {
  return `${formatUsd(plan.usdPerMonth)}/mo${plan.billing === "annual" ? " billed yearly" : ""}`;
}

function presetSummary(catalog: ScenarioCatalog, name: PresetName): string {
  const f = presetFields(catalog, name);
  const len = (l: { value: number; unit: string }) => `${l.value} ${l.unit}`;
  const parts = [
    `${f.messagesPerDay} messages a day, ${f.activeDaysPerMonth} days a month`,
    `prompts ${len(f.prompt)}, replies ${len(f.reply)}`,
    `${f.turnsPerConversation} turns per chat`,
  ];
  if (f.attachmentShare > 0)
    parts.push(
      `documents of ${len(f.attachment)} in ${Math.round(f.attachmentShare * 100)}% of chats`,
    );
  if (f.reasoningShare > 0)
    parts.push(`${Math.round(f.reasoningShare * 100)}% reasoning (${f.reasoningEffort})`);
  return parts.join("; ");
}

export default function Calculator(props: CalculatorProps): ReactElement {
  const { catalog } = props;
  const [scenario, setScenario] = useState<Scenario>(props.initial);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [engineFailed, setEngineFailed] = useState(false);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [hydrated, setHydrated] = useState(false);
  const lastPushRef = useRef(0);
  const startEngine = useCallback(() => {
    loadEngine().then(
      (loaded) => setEngine(() => loaded),
      () => setEngineFailed(true),
    );
  }, []);
  const onDownload = useCallback(
    (kind: "csv" | "json") => {
      void loadEngine().then((loaded) => {
        const full = loaded.computeScenario(scenario);
        if (!full.ok) return;
        if (kind === "csv")
          download("tokenmeter-scenario.csv", "text/csv", loaded.resultToCsv(full.result));
        else {
          download(
            "tokenmeter-scenario.json",
            "application/json",
            loaded.resultToJson(full.result, window.location.href),
          );
        }
      });
    },
    [scenario],
  );
  const fromHistoryRef = useRef(true);
  const ids = { presets: useId(), models: useId(), plans: useId(), answer: useId() };

  const known = useMemo(
    () => ({
      models: new Set(props.models.map((m) => m.id)),
      plans: new Set(props.plans.map((p) => p.id)),
      defaultModels: props.defaultModels,
    }),
    [props.models, props.plans, props.defaultModels],
  );
  const modelsById = useMemo(() => new Map(props.models.map((m) => [m.id, m])), [props.models]);
  const plansById = useMemo(() => new Map(props.plans.map((p) => [p.id, p])), [props.plans]);
  const byProvider = useMemo(() => {
    const groups = new Map<string, CalculatorModel[]>();
    for (const model of props.models) {
      groups.set(model.providerDisplayName, [
        ...(groups.get(model.providerDisplayName) ?? []),
        model,
      ]);
    }
    return [...groups];
  }, [props.models]);
  const plansByProduct = useMemo(() => {
    const groups = new Map<string, CalculatorPlan[]>();
    for (const plan of props.plans)
      groups.set(plan.product, [...(groups.get(plan.product) ?? []), plan]);
    return [...groups];
  }, [props.plans]);

  // Read the URL once hydrated (the build-time HTML shows the default scenario), and follow the
  // back and forward buttons.
  useEffect(() => {
    const load = () => {
      const decoded = decodeScenario(catalog, window.location.search, known);
      fromHistoryRef.current = true;
      setScenario(decoded.scenario);
      setIgnored(decoded.ignored);
    };
    load();
    setHydrated(true);
    if (window.location.search !== "") startEngine();
    window.addEventListener("popstate", load);
    return () => window.removeEventListener("popstate", load);
  }, [known, catalog, startEngine]);

  // Write every edit to the URL: rapid edits (typing a number) share one history entry.
  useEffect(() => {
    if (!hydrated) return;
    if (fromHistoryRef.current) {
      fromHistoryRef.current = false;
      return;
    }
    const search = encodeScenario(catalog, scenario, props.defaultModels);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    const now = Date.now();
    if (now - lastPushRef.current < HISTORY_MERGE_MS) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    lastPushRef.current = now;
  }, [scenario, hydrated, props.defaultModels, catalog]);

  const edit = (patch: Partial<Scenario>) => setScenario((current) => ({ ...current, ...patch }));
  const choosePreset = (name: PresetName) =>
    setScenario((current) => {
      const roomModels = catalog.presets[name].models;
      const room = roomModels !== undefined;
      return {
        ...current,
        ...presetFields(catalog, name),
        preset: name,
        answer: room ? "room" : current.answer === "room" ? "each" : current.answer,
        models: room
          ? roomModels.filter((id) => known.models.has(id))
          : current.answer === "room"
            ? props.defaultModels
            : current.models,
      };
    });
  const computed = useDeferredValue(scenario);
  const computedSearch = encodeScenario(catalog, computed, props.defaultModels);
  const initialSearch = useMemo(
    () => encodeScenario(catalog, props.initial, props.defaultModels),
    [catalog, props.initial, props.defaultModels],
  );
  const fresh = useMemo<ViewOutcome | null>(() => {
    if (engine) return engine.computeView(computed);
    return computedSearch === initialSearch ? props.initialView : null;
  }, [engine, computed, computedSearch, initialSearch, props.initialView]);
  // While core loads (first edit only), keep showing the last results rather than a blank.
  const lastOutcomeRef = useRef<ViewOutcome>(props.initialView);
  if (fresh) lastOutcomeRef.current = fresh;
  const outcome = fresh ?? lastOutcomeRef.current;
  const updating = fresh === null;
  useEffect(() => {
    if (updating && !engineFailed) startEngine();
  }, [updating, engineFailed, startEngine]);
  const problemFor = (path: string) =>
    outcome.ok ? undefined : outcome.problems.find((p) => p.path === path)?.message;
  const generalProblems = outcome.ok
    ? []
    : outcome.problems.filter(
        (p) =>
          ![
            "messagesPerDay",
            "activeDaysPerMonth",
            "activeHoursPerDay",
            "turnsPerConversation",
            "systemPromptTokens",
          ].includes(p.path),
      );
  const edited = !isUnchangedPreset(catalog, scenario);
  const currentSearch = encodeScenario(catalog, scenario, props.defaultModels);

  const openSaved = (search: string) => {
    const decoded = decodeScenario(catalog, search, known);
    // A scenario opened from the list is a new step for the back button, never merged.
    lastPushRef.current = 0;
    setScenario(decoded.scenario);
    setIgnored(decoded.ignored);
    startEngine();
    // Bring the answer into view (on phones it is at the top, far above the list).
    requestAnimationFrame(() => {
      const answer = document.querySelector(".calc-results .results > :first-child");
      if (!answer || answer.getBoundingClientRect().top >= 0) return;
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      answer.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
    });
  };
  const describeSaved = (search: string): string => {
    const saved = decodeScenario(catalog, search, known).scenario;
    const models =
      saved.answer === "room"
        ? `a room of ${saved.models.length} models`
        : saved.models.length === 1
          ? (modelsById.get(saved.models[0] ?? "")?.displayName ?? "1 model")
          : `${saved.models.length} models`;
    const plans = saved.plans.map((id) => plansById.get(id)?.displayName ?? id);
    return [
      `${PRESET_LABELS[saved.preset]}${isUnchangedPreset(catalog, saved) ? "" : " (edited)"}`,
      `${formatDecimal(saved.messagesPerDay)} messages a day`,
      models,
      plans.length > 0 ? `vs ${plans.join(", ")}` : "no plan",
    ].join(" · ");
  };

  return (
    <div className="calc">
      <div className="calc-side stack">
        <form
          className="calc-form card"
          onSubmit={(event) => event.preventDefault()}
          onPointerEnter={startEngine}
          onFocus={startEngine}
          onTouchStart={startEngine}
          aria-label="Your usage"
        >
          <fieldset className="presets">
            <legend>Start from a profile</legend>
            {/* On the fieldset's edge, out of the flow: showing it moves nothing. */}
            {edited ? <span className="badge estimated edited-mark">edited below</span> : null}
            <div className="preset-grid">
              {catalog.presetNames.map((name) => (
                <label key={name} className="preset-option">
                  <input
                    type="radio"
                    name={ids.presets}
                    value={name}
                    checked={scenario.preset === name}
                    onChange={() => choosePreset(name)}
                  />
                  {PRESET_LABELS[name]}
                </label>
              ))}
            </div>
            <p className="small muted preset-summary">
              {PRESET_LABELS[scenario.preset]}: {presetSummary(catalog, scenario.preset)}.
            </p>
          </fieldset>

          <NumberField
            label="Messages you send per day"
            value={scenario.messagesPerDay}
            onChange={(v) => edit({ messagesPerDay: v })}
            {...FIELD_BOUNDS.messagesPerDay}
            sliderMax={200}
            problem={problemFor("messagesPerDay")}
            hint="On the days you use it."
          />
          <div className="row two">
            <NumberField
              label="Active days a month"
              value={scenario.activeDaysPerMonth}
              onChange={(v) => edit({ activeDaysPerMonth: v })}
              {...FIELD_BOUNDS.activeDaysPerMonth}
              problem={problemFor("activeDaysPerMonth")}
            />
            <NumberField
              label="Messages per chat"
              value={scenario.turnsPerConversation}
              onChange={(v) => edit({ turnsPerConversation: v })}
              {...FIELD_BOUNDS.turnsPerConversation}
              problem={problemFor("turnsPerConversation")}
              hint="Before you start a new chat."
            />
          </div>
          <div className="row lengths">
            <LengthField
              label="Your typical message"
              value={scenario.prompt}
              onChange={(v) => edit({ prompt: v })}
              problem={problemFor("prompt")}
            />
            <LengthField
              label="A typical reply"
              value={scenario.reply}
              onChange={(v) => edit({ reply: v })}
              problem={problemFor("reply")}
            />
          </div>

          <details className="more">
            <summary>More settings: documents, reasoning, caching, hours</summary>
            <div className="row two">
              <LengthField
                label="Pasted document"
                value={scenario.attachment}
                onChange={(v) => edit({ attachment: v })}
                hint="Length of a document or code you paste in."
              />
              <NumberField
                label="Chats with a document"
                value={Math.round(scenario.attachmentShare * 100)}
                onChange={(v) => edit({ attachmentShare: v / 100 })}
                min={0}
                max={100}
                suffix="%"
              />
            </div>
            <div className="row two">
              <NumberField
                label="Messages to a reasoning model"
                value={Math.round(scenario.reasoningShare * 100)}
                onChange={(v) => edit({ reasoningShare: v / 100 })}
                min={0}
                max={100}
                suffix="%"
                hint="Hidden thinking is billed as output."
              />
              <div className="field">
                <label htmlFor={`${ids.answer}-effort`}>Reasoning effort</label>
                <select
                  id={`${ids.answer}-effort`}
                  value={scenario.reasoningEffort}
                  onChange={(event) =>
                    edit({ reasoningEffort: event.target.value as Scenario["reasoningEffort"] })
                  }
                >
                  {catalog.reasoningEfforts.map((effort) => (
                    <option key={effort} value={effort}>
                      {effort}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="row two">
              <NumberField
                label="System prompt and custom instructions"
                value={scenario.systemPromptTokens}
                onChange={(v) => edit({ systemPromptTokens: v })}
                {...FIELD_BOUNDS.systemPromptTokens}
                suffix="tokens"
                problem={problemFor("systemPromptTokens")}
              />
              <NumberField
                label="Hours a day you chat"
                value={scenario.activeHoursPerDay}
                onChange={(v) => edit({ activeHoursPerDay: v })}
                {...FIELD_BOUNDS.activeHoursPerDay}
                problem={problemFor("activeHoursPerDay")}
                hint="Spreads messages over the plans' time windows."
              />
            </div>
            <fieldset>
              <legend>Prompt caching</legend>
              <label className="check">
                <input
                  type="radio"
                  name={`${ids.answer}-cache`}
                  checked={scenario.caching === "provider-default"}
                  onChange={() => edit({ caching: "provider-default" })}
                />
                As each provider caches by default
              </label>
              <label className="check">
                <input
                  type="radio"
                  name={`${ids.answer}-cache`}
                  checked={scenario.caching === "off"}
                  onChange={() => edit({ caching: "off" })}
                />
                No caching (a pessimistic bound)
              </label>
            </fieldset>
          </details>

          <fieldset>
            <legend>Models that answer</legend>
            <label className="check">
              <input
                type="radio"
                name={`${ids.answer}-mode`}
                checked={scenario.answer === "each"}
                onChange={() => edit({ answer: "each" })}
              />
              Compare each model on its own
            </label>
            <label className="check">
              <input
                type="radio"
                name={`${ids.answer}-mode`}
                checked={scenario.answer === "room"}
                onChange={() => edit({ answer: "room" })}
              />
              All answer every message (a multi-model room)
            </label>
            <ul className="plain chosen">
              {scenario.models.map((id) => (
                <li key={id} className="chip">
                  <span>{modelsById.get(id)?.displayName ?? id}</span>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${modelsById.get(id)?.displayName ?? id}`}
                    onClick={() => edit({ models: scenario.models.filter((m) => m !== id) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <div className="field">
              <label htmlFor={ids.models}>Add a model</label>
              <select
                id={ids.models}
                value=""
                onChange={(event) => {
                  const id = event.target.value;
                  if (id !== "" && !scenario.models.includes(id))
                    edit({ models: [...scenario.models, id] });
                }}
              >
                <option value="">Choose a model…</option>
                {byProvider.map(([provider, list]) => (
                  <optgroup key={provider} label={provider}>
                    {list
                      .filter((m) => !scenario.models.includes(m.id))
                      .map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.displayName}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </fieldset>

          <fieldset>
            <legend>Plans to compare</legend>
            <div className="plan-groups">
              {plansByProduct.map(([product, list]) => (
                <div key={product}>
                  <p className="small muted group-name">{product}</p>
                  {list.map((plan) => (
                    <label key={plan.id} className="check">
                      <input
                        type="checkbox"
                        checked={scenario.plans.includes(plan.id)}
                        onChange={(event) =>
                          edit({
                            plans: event.target.checked
                              ? [...scenario.plans, plan.id]
                              : scenario.plans.filter((p) => p !== plan.id),
                          })
                        }
                      />
                      {plan.displayName} <span className="muted small">{planPriceText(plan)}</span>
                    </label>
                  ))}
                </div>
              ))}
            </div>
          </fieldset>
          {ignored.length > 0 ? (
            <p className="notice warn small" role="status">
              Parts of this link could not be used and were left at their defaults:{" "}
              {ignored.join("; ")}.
            </p>
          ) : null}
        </form>
        <SavedScenarios currentSearch={currentSearch} describe={describeSaved} onOpen={openSaved} />
      </div>

      <div
        className={updating ? "calc-results updating" : "calc-results"}
        data-result-for={hydrated && !updating ? computedSearch : undefined}
        aria-busy={updating}
      >
        {engineFailed ? (
          <p className="notice bad" role="alert">
            The calculator's code could not be loaded. Reload the page to try again.
          </p>
        ) : null}
        {outcome.ok ? (
          <Results
            view={outcome.view}
            onDownload={onDownload}
            messagesPerDay={computed.messagesPerDay}
            modelName={(id) => modelsById.get(id)?.displayName ?? id}
            planPrimaryModel={(id) => plansById.get(id)?.primaryModel}
            pricingVersion={props.pricingVersion}
            plansVersion={props.plansVersion}
            plansPublishedOn={props.plansPublishedOn}
            layoutKey={`${computed.preset}|${computed.answer}`}
          />
        ) : (
          <div className="notice bad" role="alert">
            <p>
              <strong>These settings cannot be priced yet:</strong>
            </p>
            <ul>
              {(generalProblems.length > 0 ? generalProblems : outcome.problems).map((p) => (
                <li key={`${p.path}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
