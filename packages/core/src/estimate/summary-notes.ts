import { formatCount } from "../document/format-number.ts";
import type { LogReadSummary } from "../logs/log-summary.ts";
import { countNoun } from "../report/count-noun.ts";

const SKIPPED_MESSAGE_LABELS: Readonly<Record<string, string>> = {
  otherBranches: "on other branches (regenerated answers, edited prompts)",
  hidden: "hidden by the app",
  system: "system messages",
  tool: "tool calls and results (browsing, code, image generation…)",
  reasoning: "reasoning traces (thoughts)",
  context: "memory and model context",
  empty: "empty",
  unsupported: "of content types tokenmeter does not read",
};

/** What was left out of conversation replays, summed over every file. */
export function skippedMessagesNote(summaries: readonly LogReadSummary[]): string | undefined {
  const totals = new Map<string, number>();
  for (const summary of summaries) {
    for (const [reason, count] of Object.entries(summary.skippedMessages))
      totals.set(reason, (totals.get(reason) ?? 0) + count);
  }
  const parts = [...totals]
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${formatCount(count)} ${SKIPPED_MESSAGE_LABELS[reason] ?? reason}`);
  return parts.length === 0
    ? undefined
    : `Left out of the replayed conversations: ${parts.join("; ")}.`;
}

/** Images, audio and files in messages: not priced, so the totals are lower bounds. */
export function unpricedItemsNote(summaries: readonly LogReadSummary[]): string | undefined {
  const totals = new Map<string, number>();
  for (const summary of summaries) {
    for (const [kind, count] of Object.entries(summary.unpricedItems))
      totals.set(kind, (totals.get(kind) ?? 0) + count);
  }
  const parts = [...totals]
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => countNoun(count, kind));
  return parts.length === 0
    ? undefined
    : `${parts.join(", ")} attached to messages ${parts.length === 1 && [...totals.values()].reduce((a, b) => a + b, 0) === 1 ? "is" : "are"} not priced (the API bills them as extra input).`;
}

/** Tool traffic left out: on the API it would be billed too. */
export function toolMessagesNote(summaries: readonly LogReadSummary[]): string | undefined {
  const tool = summaries.reduce((sum, summary) => sum + (summary.skippedMessages.tool ?? 0), 0);
  return tool === 0
    ? undefined
    : `${countNoun(tool, "tool message")} (browsing, code, image generation) ${tool === 1 ? "is" : "are"} not counted; the API would bill ${tool === 1 ? "it" : "them"} as input and output.`;
}
