import type { ModelInfo } from "../pricing/find-model.ts";
import type { ReportScenario } from "../report/report-schema.ts";

/** The `as-used` scenario: each request priced on the model that answered it. */
export const AS_USED_SCENARIO_ID = "as-used";

/** One way of pricing the log: as used (`model` undefined) or everything on one model. */
export interface ScenarioSpec {
  scenario: ReportScenario;
  /** The model everything is re-priced on; undefined for `as-used`. */
  model: ModelInfo | undefined;
}

/** `as-used` first, then one scenario per `--model`, in the order given. */
export function scenarioSpecs(models: readonly ModelInfo[]): ScenarioSpec[] {
  return [
    {
      scenario: { scenarioId: AS_USED_SCENARIO_ID, label: "as used", model: null },
      model: undefined,
    },
    ...models.map((model) => ({
      scenario: { scenarioId: model.id, label: model.displayName, model: model.id },
      model,
    })),
  ];
}
