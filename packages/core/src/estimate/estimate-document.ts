import type {
  CellValue,
  DocumentBlock,
  DocumentColumn,
  DocumentTable,
  ReportDocument,
} from "../document/document.ts";
import { formatCount, formatUsd } from "../document/format-number.ts";
import type {
  EstimateReport,
  RecordLocation,
  ReportRow,
  ScenarioTotals,
} from "../report/report-schema.ts";
import type { Wording } from "./command-line-wording.ts";

function promptTokens(totals: ScenarioTotals | undefined): number {
  if (totals === undefined) return 0;
  return (
    totals.inputTokens +
    totals.cachedInputTokens +
    totals.cacheWrite5mTokens +
    totals.cacheWrite1hTokens
  );
}

function replyTokens(totals: ScenarioTotals | undefined): number {
  return totals === undefined ? 0 : totals.outputTokens + totals.reasoningTokens;
}

function where(location: RecordLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.path !== undefined) parts.push(location.path);
  if (location.byteOffset !== undefined) parts.push(`byte ${location.byteOffset}`);
  return parts.join(" ");
}

const KEY_HEADERS = {
  month: "Month",
  day: "Day",
  model: "Model",
  conversation: "Conversation",
} as const;

function rowsTable(report: EstimateReport): DocumentTable {
  const conversation = report.groupBy === "conversation";
  const columns: DocumentColumn[] = [
    { key: report.groupBy, header: KEY_HEADERS[report.groupBy], kind: "text", maxWidth: 40 },
    ...(conversation
      ? [{ key: "title", header: "Title", kind: "text" as const, maxWidth: 40 }]
      : []),
    { key: "requestCount", header: "Requests", kind: "count" },
    { key: "promptTokens", header: "Input tokens", kind: "tokens" },
    { key: "cachedInputTokens", header: "of which cached", kind: "tokens" },
    { key: "outputTokens", header: "Output tokens", kind: "tokens" },
    ...report.scenarios.map((scenario) => ({
      key: `${scenario.scenarioId}.totalUsd`,
      header: scenario.model === null ? "API cost (as used)" : `on ${scenario.model}`,
      kind: "usd" as const,
    })),
  ];
  const cells = (
    key: string,
    title: string | undefined,
    scenarios: readonly ScenarioTotals[],
  ): CellValue[] => {
    const first = scenarios[0];
    return [
      key,
      ...(conversation ? [title ?? null] : []),
      first?.requestCount ?? 0,
      promptTokens(first),
      first?.cachedInputTokens ?? 0,
      replyTokens(first),
      ...scenarios.map((totals) => totals.totalUsd),
    ];
  };
  return {
    columns,
    rows: report.rows.map((row: ReportRow) => cells(row.key, row.title, row.scenarios)),
    footer: cells("Total", conversation ? "" : undefined, report.totals),
  };
}

/** The CSV of the rows: one line per row and scenario, raw numbers, units in the headers. */
function csvTable(report: EstimateReport): DocumentTable {
  const columns: DocumentColumn[] = [
    { key: report.groupBy, header: report.groupBy, kind: "text" },
    ...(report.groupBy === "conversation"
      ? [{ key: "title", header: "title", kind: "text" as const }]
      : []),
    { key: "scenarioId", header: "scenarioId", kind: "text" },
    { key: "requestCount", header: "requestCount", kind: "count" },
    { key: "unpricedRequestCount", header: "unpricedRequestCount", kind: "count" },
    { key: "usageExact", header: "usageExact", kind: "flag" },
    { key: "inputTokens", header: "inputTokens", kind: "tokens" },
    { key: "cachedInputTokens", header: "cachedInputTokens", kind: "tokens" },
    { key: "cacheWrite5mTokens", header: "cacheWrite5mTokens", kind: "tokens" },
    { key: "cacheWrite1hTokens", header: "cacheWrite1hTokens", kind: "tokens" },
    { key: "outputTokens", header: "outputTokens", kind: "tokens" },
    { key: "reasoningTokens", header: "reasoningTokens", kind: "tokens" },
    { key: "inputUsd", header: "inputUsd", kind: "usd" },
    { key: "cachedInputUsd", header: "cachedInputUsd", kind: "usd" },
    { key: "cacheWriteUsd", header: "cacheWriteUsd", kind: "usd" },
    { key: "outputUsd", header: "outputUsd", kind: "usd" },
    { key: "reasoningUsd", header: "reasoningUsd", kind: "usd" },
    { key: "totalUsd", header: "totalUsd", kind: "usd" },
  ];
  const rows = report.rows.flatMap((row) =>
    row.scenarios.map((totals): CellValue[] => [
      row.key,
      ...(report.groupBy === "conversation" ? [row.title ?? null] : []),
      totals.scenarioId,
      totals.requestCount,
      totals.unpricedRequestCount,
      totals.usageExact,
      totals.inputTokens,
      totals.cachedInputTokens,
      totals.cacheWrite5mTokens,
      totals.cacheWrite1hTokens,
      totals.outputTokens,
      totals.reasoningTokens,
      totals.inputUsd,
      totals.cachedInputUsd,
      totals.cacheWriteUsd,
      totals.outputUsd,
      totals.reasoningUsd,
      totals.totalUsd,
    ]),
  );
  return { columns, rows };
}

function monthsTable(report: EstimateReport): DocumentTable | undefined {
  if (report.months.length === 0) return undefined;
  const firstPlan = report.months[0]?.plans[0];
  const columns: DocumentColumn[] = [
    { key: "month", header: "Month", kind: "text" },
    { key: "activeDayCount", header: "Active days", kind: "count" },
    ...report.scenarios.map((scenario) => ({
      key: scenario.scenarioId,
      header: scenario.model === null ? "API (as used)" : `API on ${scenario.model}`,
      kind: "usd" as const,
    })),
    ...(report.months[0]?.plans ?? []).map((plan) => ({
      key: plan.planId,
      header: plan.planName,
      kind: "usd" as const,
    })),
    ...(firstPlan === undefined
      ? []
      : [{ key: "verdict", header: "As used vs the plan", kind: "text" as const }]),
  ];
  return {
    columns,
    rows: report.months.map((month) => {
      const plan = month.plans[0];
      const comparison = plan?.scenarios[0];
      let verdict: string | null = null;
      if (plan !== undefined && comparison !== undefined) {
        verdict =
          plan.planUsdPerMonth === null || comparison.differenceUsd === null
            ? `${plan.planName} not on sale`
            : `API ${formatUsd(comparison.apiUsd)} vs ${plan.planName} ${formatUsd(plan.planUsdPerMonth)}`;
      }
      return [
        `${month.month}${month.partial ? "*" : ""}`,
        month.activeDayCount,
        ...month.scenarios.map((totals) => totals.totalUsd),
        ...month.plans.map((planComparison) => planComparison.planUsdPerMonth),
        ...(firstPlan === undefined ? [] : [verdict]),
      ];
    }),
  };
}

/** One sentence per plan and scenario: the whole period's API cost against the plan's. */
function verdictLines(report: EstimateReport): string[] {
  const lines: string[] = [];
  const planIds = report.months[0]?.plans.map((plan) => plan.planId) ?? [];
  for (const [planIndex, planId] of planIds.entries()) {
    report.scenarios.forEach((scenario, scenarioIndex) => {
      let apiUsd = 0;
      let planUsd = 0;
      let cheaperMonths = 0;
      let pricedMonths = 0;
      let planName = planId;
      for (const month of report.months) {
        const plan = month.plans[planIndex];
        const comparison = plan?.scenarios[scenarioIndex];
        if (plan === undefined || comparison === undefined || plan.planUsdPerMonth === null)
          continue;
        planName = plan.planName;
        pricedMonths += 1;
        apiUsd += comparison.apiUsd;
        planUsd += plan.planUsdPerMonth;
        if (comparison.cheaper === "api") cheaperMonths += 1;
      }
      if (pricedMonths === 0) return;
      const label = scenario.model === null ? "the API (as used)" : `the API on ${scenario.model}`;
      const difference = planUsd - apiUsd;
      lines.push(
        `Over ${pricedMonths} month(s), ${label} would have cost ${formatUsd(apiUsd)} vs ${formatUsd(planUsd)} for ${planName}: ${
          difference > 0
            ? `${formatUsd(difference)} less on the API`
            : difference < 0
              ? `${formatUsd(-difference)} more on the API`
              : "the same"
        }; the API was cheaper in ${cheaperMonths} of ${pricedMonths} month(s).`,
      );
    });
  }
  return lines;
}

function coverageBlocks(report: EstimateReport, wording: Wording): DocumentBlock[] {
  const coverage = report.coverage;
  const items: string[] = coverage.files.map(
    (file) =>
      `${file.file}: ${file.format}, ${formatCount(file.recordsRead)} ${file.recordKind}(s) read, ${formatCount(file.recordsSkipped)} skipped`,
  );
  items.push(
    wording(
      `${formatCount(coverage.requestsCounted)} request(s) counted${coverage.requestsOutsideRange > 0 ? `, ${formatCount(coverage.requestsOutsideRange)} outside the since/until range` : ""}.`,
    ),
  );
  for (const skipped of coverage.skipped) {
    items.push(
      `Skipped ${formatCount(skipped.recordCount)} × ${skipped.reason}: ${skipped.description}${skipped.firstLocations.length > 0 ? ` First at: ${skipped.firstLocations.map(where).join("; ")}.` : ""}`,
    );
  }
  for (const notice of coverage.notices) {
    items.push(
      `Note ${formatCount(notice.recordCount)} × ${notice.reason}: ${notice.description}${notice.firstLocations.length > 0 ? ` First at: ${notice.firstLocations.map(where).join("; ")}.` : ""}`,
    );
  }
  for (const model of coverage.unpricedModels) {
    items.push(
      `Not priced (${model.reason === "UNKNOWN_MODEL" ? "unknown model" : "no price at that date"}): ${model.model}, ${formatCount(model.requestCount)} request(s) in ${model.scenarioId}${model.suggestions.length > 0 ? ` (closest known: ${model.suggestions.join(", ")})` : ""}.`,
    );
  }
  const blocks: DocumentBlock[] = [{ kind: "list", title: "Coverage", items }];
  blocks.push(
    coverage.totalsAreLowerBounds
      ? {
          kind: "text",
          tone: "warning",
          lines: [
            "Totals are lower bounds:",
            ...coverage.lowerBoundReasons.map((reason) => `  - ${reason}`),
          ],
        }
      : { kind: "text", tone: "good", lines: ["Nothing was skipped or left unpriced."] },
  );
  return blocks;
}

/** Options of {@link estimateDocument}. */
export interface EstimateDocumentOptions {
  /** How the heading names what was read: a file name, or "3 inputs". */
  inputs: string;
  /** Rewrites the sentences that name an option (`commandLineWording` for the CLI); default: as is. */
  wording?: Wording;
}

/**
 * The estimate report as a document: the rows table, each month against the plans with a verdict
 * sentence per plan and scenario, the assumptions and the coverage for people; one CSV line per row
 * and scenario (raw numbers, units in the headers); the report itself as JSON. What
 * `tokenmeter estimate` prints and the site's import page shows.
 *
 * @example
 * const document = estimateDocument(report, { inputs: "chatgpt-export.zip" });
 * document.csv.columns.map((column) => column.key); // ["month", "scenarioId", "requestCount", …]
 */
export function estimateDocument(
  report: EstimateReport,
  options: EstimateDocumentOptions,
): ReportDocument {
  const { inputs, wording = (sentence: string) => sentence } = options;
  const first = report.totals[0];
  const range =
    report.firstRequestAt === null
      ? "no requests"
      : `${report.firstRequestAt.slice(0, 10)} to ${report.lastRequestAt?.slice(0, 10) ?? ""}`;
  const blocks: DocumentBlock[] = [
    {
      kind: "heading",
      text: `tokenmeter estimate · ${inputs} · ${range} · time zone ${report.timeZone} · pricing table ${report.pricingVersion}`,
    },
    {
      kind: "text",
      tone: "note",
      lines: [
        report.usageExact
          ? "Costs from the token usage recorded in the log (exact counts) at the prices in effect on each request's date."
          : "Estimated: token counts come from the text (history re-sent each turn) where the log records none; see the assumptions below.",
      ],
    },
    { kind: "table", table: rowsTable(report) },
  ];
  const months = monthsTable(report);
  if (months !== undefined) {
    blocks.push(
      { kind: "heading", text: "Each month against your plan (USD)" },
      { kind: "table", table: months },
    );
    const verdicts = verdictLines(report);
    const partial = report.months.some((month) => month.partial);
    blocks.push({
      kind: "text",
      lines: [
        ...verdicts,
        ...(partial ? ["* the data starts or ends part-way through this month."] : []),
      ],
    });
  }
  if (first !== undefined && first.unpricedRequestCount > 0) {
    blocks.push({
      kind: "text",
      tone: "warning",
      lines: [
        `${formatCount(first.unpricedRequestCount)} request(s) could not be priced as used and add $0 (see Coverage).`,
      ],
    });
  }
  blocks.push({
    kind: "list",
    title: "Assumptions",
    items: report.assumptions.map((assumption) => assumption.description),
  });
  blocks.push(...coverageBlocks(report, wording));
  return { blocks, csv: csvTable(report), json: report };
}
