import type {
  CellValue,
  DocumentBlock,
  DocumentColumn,
  DocumentTable,
  ReportDocument,
} from "../document/document.ts";
import { formatCount, formatUsd } from "../document/format-number.ts";
import { countNoun, listWords } from "../report/count-noun.ts";
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

/** Conversation ids are UUIDs: next to a title, their first 8 characters tell them apart. */
const SHORT_ID_CELLS = 9;

function rowsTable(report: EstimateReport): DocumentTable {
  // Titles (chat exports) lead, with a shortened id; logs without titles show the whole id.
  const titled = report.groupBy === "conversation" && report.rows.some((row) => row.title);
  const columns: DocumentColumn[] = [
    ...(titled
      ? [
          { key: "title", header: "Conversation", kind: "text" as const, maxWidth: 40 },
          { key: report.groupBy, header: "Id", kind: "text" as const, maxWidth: SHORT_ID_CELLS },
        ]
      : [
          {
            key: report.groupBy,
            header: KEY_HEADERS[report.groupBy],
            kind: "text" as const,
            maxWidth: 40,
          },
        ]),
    { key: "requestCount", header: "Requests", kind: "count" },
    { key: "promptTokens", header: "Input tokens", kind: "tokens" },
    // Part of the input tokens: the parentheses say so in a narrow column.
    { key: "cachedInputTokens", header: "(cached)", kind: "tokens" },
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
      ...(titled ? [title ?? null, key] : [key]),
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
    // "Total" goes in the first column: the title's when titles lead.
    footer: titled ? cells("", "Total", report.totals) : cells("Total", undefined, report.totals),
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

/** How the API compares with a plan's price in one cell: `$19.99 less`, `$3.20 more`. */
function comparedWithPlan(apiUsd: number, planUsd: number | null): string {
  if (planUsd === null) return "not on sale";
  const differenceUsd = apiUsd - planUsd;
  if (differenceUsd === 0) return "the same";
  return `${formatUsd(Math.abs(differenceUsd))} ${differenceUsd < 0 ? "less" : "more"}`;
}

function monthsTable(report: EstimateReport): DocumentTable | undefined {
  if (report.months.length === 0) return undefined;
  const firstPlan = report.months[0]?.plans[0];
  const columns: DocumentColumn[] = [
    { key: "month", header: "Month", kind: "text" },
    { key: "activeDayCount", header: "Active days", kind: "count" },
    ...report.scenarios.map((scenario) => ({
      key: scenario.scenarioId,
      header: scenario.model === null ? "API (as used)" : `on ${scenario.model}`,
      kind: "usd" as const,
    })),
    ...(report.months[0]?.plans ?? []).map((plan) => ({
      key: plan.planId,
      header: plan.planName,
      kind: "usd" as const,
    })),
    // The month's verdict for the first plan; the columns before it hold the numbers for the rest.
    ...(firstPlan === undefined
      ? []
      : [
          {
            key: "verdict",
            header: `${report.scenarios.length > 1 ? "As used" : "API"} vs ${firstPlan.planName}`,
            kind: "text" as const,
          },
        ]),
  ];
  return {
    columns,
    rows: report.months.map((month) => {
      const plan = month.plans[0];
      const comparison = plan?.scenarios[0];
      const verdict =
        plan === undefined || comparison === undefined
          ? null
          : comparedWithPlan(comparison.apiUsd, plan.planUsdPerMonth);
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

/** The months a plan was not on sale, for a sentence: `all but 2023-01`, `all but 4 months`. */
function allBut(months: readonly string[]): string {
  return `all but ${months.length <= 3 ? listWords(months) : countNoun(months.length, "month")}`;
}

/**
 * One sentence per plan: its price over the months it was on sale, and what the API would have
 * cost in those same months in each scenario (months it was not on sale are named as left out, so
 * the sums match the table's).
 */
function verdictLines(report: EstimateReport): string[] {
  const lines: string[] = [];
  const planIds = report.months[0]?.plans.map((plan) => plan.planId) ?? [];
  for (const [planIndex, planId] of planIds.entries()) {
    let planUsd = 0;
    let planName = planId;
    const onSale: number[] = [];
    const notOnSale: string[] = [];
    report.months.forEach((month, monthIndex) => {
      const plan = month.plans[planIndex];
      if (plan === undefined) return;
      planName = plan.planName;
      if (plan.planUsdPerMonth === null) notOnSale.push(month.month);
      else {
        onSale.push(monthIndex);
        planUsd += plan.planUsdPerMonth;
      }
    });
    if (onSale.length === 0) {
      lines.push(`${planName} was not on sale in any month of the data: nothing to compare.`);
      continue;
    }
    const parts = report.scenarios.map((scenario, scenarioIndex) => {
      let apiUsd = 0;
      let cheaperMonths = 0;
      for (const monthIndex of onSale) {
        const comparison = report.months[monthIndex]?.plans[planIndex]?.scenarios[scenarioIndex];
        if (comparison === undefined) continue;
        apiUsd += comparison.apiUsd;
        if (comparison.cheaper === "api") cheaperMonths += 1;
      }
      const label =
        report.scenarios.length === 1
          ? ""
          : scenario.model === null
            ? " as used"
            : ` on ${scenario.model}`;
      const differenceUsd = apiUsd - planUsd;
      const difference =
        differenceUsd === 0
          ? "the same"
          : `${formatUsd(Math.abs(differenceUsd))} ${differenceUsd < 0 ? "less" : "more"}`;
      return `${formatUsd(apiUsd)}${label} (${difference}; cheaper in ${formatCount(cheaperMonths)} of ${countNoun(onSale.length, "month")})`;
    });
    const period =
      notOnSale.length === 0
        ? `Over ${countNoun(onSale.length, "month")}`
        : onSale.length === 1
          ? `In the only month ${planName} was on sale (${allBut(notOnSale)})`
          : `Over the ${countNoun(onSale.length, "month")} ${planName} was on sale (${allBut(notOnSale)})`;
    // The period already names the plan when some months are left out.
    const subject = notOnSale.length === 0 ? planName : "it";
    lines.push(
      `${period}, ${subject} comes to ${formatUsd(planUsd)}; the API would have cost ${listWords(parts)}.`,
    );
  }
  return lines;
}

/**
 * Where a coverage reason applies: ` First at: file line 3 byte 636; …` for places in files, or
 * ` Files: a.txt; b.png.` for whole files (` Among them: …` when more were counted than listed).
 */
function locations(recordCount: number, places: readonly RecordLocation[]): string {
  if (places.length === 0) return "";
  const inFiles = places.some(
    (place) =>
      place.line !== undefined || place.byteOffset !== undefined || place.path !== undefined,
  );
  const label = inFiles ? "First at" : recordCount > places.length ? "Among them" : "Files";
  return ` ${label}: ${places.map(where).join("; ")}.`;
}

function coverageBlocks(report: EstimateReport, wording: Wording): DocumentBlock[] {
  const coverage = report.coverage;
  const items: string[] = coverage.files.map(
    (file) =>
      `${file.file}: ${file.format}, ${countNoun(file.recordsRead, file.recordKind)} read, ${formatCount(file.recordsSkipped)} skipped`,
  );
  items.push(
    wording(
      `${countNoun(coverage.requestsCounted, "request")} counted${coverage.requestsOutsideRange > 0 ? `, ${formatCount(coverage.requestsOutsideRange)} outside the since/until range` : ""}.`,
    ),
  );
  for (const skipped of coverage.skipped) {
    items.push(
      `Skipped ${formatCount(skipped.recordCount)} × ${skipped.reason}: ${skipped.description}${locations(skipped.recordCount, skipped.firstLocations)}`,
    );
  }
  for (const notice of coverage.notices) {
    items.push(
      `Note ${formatCount(notice.recordCount)} × ${notice.reason}: ${notice.description}${locations(notice.recordCount, notice.firstLocations)}`,
    );
  }
  for (const model of coverage.unpricedModels) {
    items.push(
      `Not priced (${model.reason === "UNKNOWN_MODEL" ? "unknown model" : "no price at that date"}): ${model.model}, ${countNoun(model.requestCount, "request")} in ${model.scenarioId}${model.suggestions.length > 0 ? ` (closest known: ${model.suggestions.join(", ")})` : ""}.`,
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
        `${countNoun(first.unpricedRequestCount, "request")} could not be priced as used and ${first.unpricedRequestCount === 1 ? "adds" : "add"} $0 (see Coverage).`,
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
