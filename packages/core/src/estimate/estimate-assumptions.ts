import { formatCount } from "../document/format-number.ts";
import type { LogReadSummary } from "../logs/log-summary.ts";
import { countNoun } from "../report/count-noun.ts";
import type { PlanPriceSeries } from "../report/plan-price-series.ts";
import type { ReportAssumption } from "../report/report-schema.ts";
import type { AssumedModel } from "./assumed-model.ts";
import type { AssumptionNotes } from "./assumption-notes.ts";
import type { Wording } from "./command-line-wording.ts";
import type { TruncationTally } from "./conversation-pricer.ts";
import type { ProcessorStats } from "./record-processor.ts";
import { skippedMessagesNote, toolMessagesNote, unpricedItemsNote } from "./summary-notes.ts";

/** What {@link estimateAssumptions} needs: everything the run learned, and the choices made. */
export interface EstimateAssumptionsInput {
  /** One sentence on where the prices come from (the bundled table, or a `--pricing` file). */
  pricingDescription: string;
  summaries: readonly LogReadSummary[];
  stats: ProcessorStats;
  truncation: ReadonlyMap<string, TruncationTally>;
  notes: AssumptionNotes;
  assumedModel: AssumedModel;
  plans: readonly PlanPriceSeries[];
  /** Rewrites the sentences that name an option (`commandLineWording` for the CLI). */
  wording: Wording;
}

/**
 * The assumptions and lower-bound reasons of an estimate report, in words, from what the readers
 * and the record processor saw, in the order the report lists them.
 */
export function estimateAssumptions(input: EstimateAssumptionsInput): {
  assumptions: ReportAssumption[];
  lowerBoundReasons: string[];
} {
  const { summaries, stats, assumedModel } = input;
  const assumptions: ReportAssumption[] = [
    { id: "pricing", description: input.pricingDescription },
  ];
  const lowerBoundReasons: string[] = [];
  const formats = new Set(summaries.map((summary) => summary.format));
  if (stats.conversations > 0) {
    assumptions.push({
      id: "history-resent",
      description:
        "Chat exports record text, not tokens: each answer is replayed as one API call whose input is the visible conversation so far (active branch only, custom instructions as the system prompt). Each message is counted once with the model's tokenizer; the history is a running sum.",
    });
  }
  if (formats.has("chatgpt-export")) {
    assumptions.push({
      id: "model-map",
      description:
        "ChatGPT model names (metadata.model_slug) are mapped to API models by tokenmeter's slug table; names it does not know are reported as unpriced, never priced at $0.",
    });
    lowerBoundReasons.push(
      "ChatGPT adds its own system prompt, memory and tool definitions to every call; the export does not contain them, so they are not counted.",
    );
  }
  const assumed = assumedModel.describe();
  if (assumed !== undefined) {
    assumptions.push({ id: "assumed-model", description: input.wording(assumed) });
  }
  if (stats.repricedAcrossTokenizers > 0) {
    assumptions.push({
      id: "reprice-token-counts",
      description:
        "Re-pricing recorded usage on a model with another tokenizer reuses the recorded token counts; that model would count the same text differently (those columns are estimates).",
    });
  }
  if (stats.fastModeRequests > 0) {
    lowerBoundReasons.push(
      `${countNoun(stats.fastModeRequests, "request")} used Anthropic's fast mode, billed at a premium the pricing table does not hold: priced at standard rates.`,
    );
  }
  const leftOut = skippedMessagesNote(summaries);
  if (leftOut !== undefined) assumptions.push({ id: "left-out", description: leftOut });
  for (const note of [unpricedItemsNote(summaries), toolMessagesNote(summaries)]) {
    if (note !== undefined) lowerBoundReasons.push(note);
  }
  for (const summary of summaries) {
    if (!summary.complete)
      lowerBoundReasons.push(`${summary.file} was not read to the end (see coverage.skipped).`);
  }
  assumptions.push(...input.notes.list());
  for (const [model, tally] of input.truncation) {
    if (tally.truncatedCalls > 0) {
      assumptions.push({
        id: "truncation",
        description: `${model}: history truncated to fit its context window (${tally.contextWindowTokens.toLocaleString("en-US")} tokens), oldest exchanges first, in ${formatCount(tally.truncatedCalls)} of ${countNoun(tally.calls, "call")}, as chat apps do.`,
      });
    }
    if (tally.oversizedCalls > 0) {
      lowerBoundReasons.push(
        `${model}: ${countNoun(tally.oversizedCalls, "call")} did not fit its context window even without history; billed as sent (the API would refuse them).`,
      );
    }
  }
  assumptions.push({
    id: "plans",
    description: `Each month is compared with the plan's monthly price in effect on its first day (${input.plans.map((plan) => plan.planName).join(", ")}); a month with no usage still costs the plan's price.`,
  });
  return { assumptions, lowerBoundReasons };
}
