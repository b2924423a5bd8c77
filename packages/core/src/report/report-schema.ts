import { z } from "zod";

/**
 * The estimate report: what `tokenmeter estimate --json` prints and what the site's import page
 * renders. These schemas are its single definition; the CLI README documents them and the CLI's
 * end-to-end tests parse real output with them, so a change here is a visible, reviewed change.
 *
 * Units are in every numeric key: `…Tokens` are token counts, `…Usd` US dollars (full precision,
 * never rounded), `…Count` plain counts. Dates are ISO strings in the report's time zone
 * (`2025-03`, `2025-03-14`) or UTC instants (`2025-03-14T09:30:00.000Z`).
 */

/** Bumped when a field is removed or changes meaning. Adding a field does not bump it. */
export const REPORT_SCHEMA_VERSION = 1;

/** How the report's rows are grouped. */
export const REPORT_GROUPINGS = ["month", "day", "model", "conversation"] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

const tokens = z.int().nonnegative();
const usd = z.number().finite();
const count = z.int().nonnegative();

/** Token totals, split so that no token is counted twice (see `Usage`). */
export const reportTokensSchema = z
  .object({
    inputTokens: tokens,
    cachedInputTokens: tokens,
    cacheWrite5mTokens: tokens,
    cacheWrite1hTokens: tokens,
    outputTokens: tokens,
    reasoningTokens: tokens,
  })
  .strict();
export type ReportTokens = z.infer<typeof reportTokensSchema>;

/** Cost totals in USD. `cacheWriteUsd` covers 5-minute and 1-hour writes. */
export const reportCostsSchema = z
  .object({
    inputUsd: usd,
    cachedInputUsd: usd,
    cacheWriteUsd: usd,
    outputUsd: usd,
    reasoningUsd: usd,
    totalUsd: usd,
  })
  .strict();
export type ReportCosts = z.infer<typeof reportCostsSchema>;

/**
 * One way of pricing the whole log. `as-used` prices each request on the model that answered it;
 * the others price the same requests on one model each (`--model`).
 */
export const reportScenarioSchema = z
  .object({
    /** `as-used`, or the canonical id of the model everything is re-priced on. */
    scenarioId: z.string().min(1),
    /** A short human label: "as used" or the model's display name. */
    label: z.string().min(1),
    /** `null` for `as-used`; otherwise the model id. */
    model: z.string().nullable(),
  })
  .strict();
export type ReportScenario = z.infer<typeof reportScenarioSchema>;

/** Totals of a set of requests under one scenario. */
export const scenarioTotalsSchema = z
  .object({
    scenarioId: z.string().min(1),
    /** Requests (API calls or replayed chat turns) in this set. */
    requestCount: count,
    /** Requests that could not be priced (unknown model, no price at that date): not in the USD sums. */
    unpricedRequestCount: count,
    /** True when every request's usage was recorded by the provider; false when any was estimated. */
    usageExact: z.boolean(),
    ...reportTokensSchema.shape,
    ...reportCostsSchema.shape,
  })
  .strict();
export type ScenarioTotals = z.infer<typeof scenarioTotalsSchema>;

/** One row of the grouped report: a month, a day, a model or a conversation. */
export const reportRowSchema = z
  .object({
    /** `2025-03` (month), `2025-03-14` (day), a model id or a conversation id. */
    key: z.string(),
    /** For conversations, the export's title when it has one (your data, shown only to you). */
    title: z.string().optional(),
    /** First and last request of the row, UTC instants. */
    firstRequestAt: z.string(),
    lastRequestAt: z.string(),
    /** One entry per scenario, in the order of `scenarios`. */
    scenarios: z.array(scenarioTotalsSchema),
  })
  .strict();
export type ReportRow = z.infer<typeof reportRowSchema>;

/** A scenario's API cost in one month set against one plan's monthly price. */
export const planComparisonSchema = z
  .object({
    planId: z.string(),
    planName: z.string(),
    /** The plan's price in effect on the first day of the month; `null` when the plan was not on sale. */
    planUsdPerMonth: usd.nullable(),
    /** One per scenario, in the order of `scenarios`. */
    scenarios: z.array(
      z
        .object({
          scenarioId: z.string(),
          apiUsd: usd,
          /** `apiUsd − planUsdPerMonth`: negative means the API would have been cheaper. `null` without a plan price. */
          differenceUsd: usd.nullable(),
          /** Which is cheaper this month; `unknown` without a plan price. */
          cheaper: z.enum(["api", "plan", "equal", "unknown"]),
        })
        .strict(),
    ),
  })
  .strict();
export type PlanComparison = z.infer<typeof planComparisonSchema>;

/** One calendar month (in the report's time zone), with every plan compared. */
export const reportMonthSchema = z
  .object({
    /** `YYYY-MM` in the report's time zone. */
    month: z.string().regex(/^\d{4}-\d{2}$/),
    /** True for the first and last month of the data when the data starts or ends mid-month. */
    partial: z.boolean(),
    /** Days of the month with at least one request. */
    activeDayCount: count,
    /** One per scenario, in the order of `scenarios`. */
    scenarios: z.array(scenarioTotalsSchema),
    plans: z.array(planComparisonSchema),
  })
  .strict();
export type ReportMonth = z.infer<typeof reportMonthSchema>;

/** Where a skipped or questionable record is, never what it says. */
export const recordLocationSchema = z
  .object({
    file: z.string(),
    /** 1-based line number, for line-oriented files. */
    line: z.int().positive().optional(),
    /** 0-based byte offset into the (decompressed) file. */
    byteOffset: z.int().nonnegative().optional(),
    /** A conversation id or JSON path, when that locates the record better than a line. */
    path: z.string().optional(),
  })
  .strict();
export type RecordLocation = z.infer<typeof recordLocationSchema>;

/** Records skipped (or noticed) for one reason. */
export const skippedReasonSchema = z
  .object({
    /** A stable code such as `MALFORMED_JSON`, `NO_USAGE`, `DUPLICATE`, `OUTSIDE_RANGE`. */
    reason: z.string().min(1),
    /** What the code means and what to do about it. Never quotes the record. */
    description: z.string(),
    recordCount: count,
    /** The first few places this happened (at most 5). */
    firstLocations: z.array(recordLocationSchema),
  })
  .strict();
export type SkippedReason = z.infer<typeof skippedReasonSchema>;

/** A model that could not be priced in some scenario. */
export const unpricedModelSchema = z
  .object({
    model: z.string(),
    /** `UNKNOWN_MODEL` (not in the pricing table) or `NO_PRICE_AT_DATE`. */
    reason: z.enum(["UNKNOWN_MODEL", "NO_PRICE_AT_DATE"]),
    scenarioId: z.string(),
    requestCount: count,
    /** Known model ids close to `model`, when it is unknown. */
    suggestions: z.array(z.string()),
  })
  .strict();
export type UnpricedModel = z.infer<typeof unpricedModelSchema>;

/** One input file as the readers saw it. */
export const fileCoverageSchema = z
  .object({
    file: z.string(),
    /** The detected (or `--format`) log format. */
    format: z.string(),
    /** What one record is in this format: a JSONL line, a CSV row, a conversation. */
    recordKind: z.string(),
    recordsRead: count,
    recordsSkipped: count,
  })
  .strict();
export type FileCoverage = z.infer<typeof fileCoverageSchema>;

/** What the totals cover, and what they leave out. */
export const reportCoverageSchema = z
  .object({
    files: z.array(fileCoverageSchema),
    /** Records read across all files (lines, rows or conversations; see `files[].recordKind`). */
    recordsRead: count,
    recordsSkipped: count,
    /** Requests (API calls or replayed turns) that made it into the totals. */
    requestsCounted: count,
    /** Requests dropped by `--since` / `--until`. */
    requestsOutsideRange: count,
    skipped: z.array(skippedReasonSchema),
    /** Things worth knowing that lost no billable data (failed requests, duplicate log copies, unused CSV columns). */
    notices: z.array(skippedReasonSchema),
    unpricedModels: z.array(unpricedModelSchema),
    /** True when something was skipped or unpriced, so the real cost is at least the totals shown. */
    totalsAreLowerBounds: z.boolean(),
    /** Why the totals are lower bounds, one sentence each. Empty when they are not. */
    lowerBoundReasons: z.array(z.string()),
  })
  .strict();
export type ReportCoverage = z.infer<typeof reportCoverageSchema>;

/** One assumption the numbers rest on, stated so a reader can disagree with it. */
export const reportAssumptionSchema = z
  .object({
    /** Stable id, e.g. `history-resent`, `caching`, `reasoning-multiplier`, `model-map`. */
    id: z.string().min(1),
    description: z.string().min(1),
  })
  .strict();
export type ReportAssumption = z.infer<typeof reportAssumptionSchema>;

/** The whole report. */
export const estimateReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    /** Version of the pricing table that priced every request (`2026.11.27`). */
    pricingVersion: z.string(),
    /** IANA time zone used for months and days. */
    timeZone: z.string(),
    groupBy: z.enum(REPORT_GROUPINGS),
    /** Inclusive day filters in the report's time zone, as given (`null` when not set). */
    since: z.string().nullable(),
    until: z.string().nullable(),
    /** First and last counted request, UTC instants; `null` when nothing was counted. */
    firstRequestAt: z.string().nullable(),
    lastRequestAt: z.string().nullable(),
    /** True when every counted request's usage was recorded by the provider. */
    usageExact: z.boolean(),
    scenarios: z.array(reportScenarioSchema).min(1),
    /** Grand totals, one per scenario. */
    totals: z.array(scenarioTotalsSchema),
    rows: z.array(reportRowSchema),
    months: z.array(reportMonthSchema),
    assumptions: z.array(reportAssumptionSchema),
    coverage: reportCoverageSchema,
  })
  .strict();
export type EstimateReport = z.infer<typeof estimateReportSchema>;
