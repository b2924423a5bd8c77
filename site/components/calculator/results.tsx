// biome-ignore-all lint/a11y/noRedundantRoles: on phones the cost table's rows are restyled as cards (display: grid); its explicit table roles keep it a table for screen readers that drop table semantics when display changes.
// The calculator's results: the verdict for each chosen plan, each model's monthly cost with its
// breakdown and range beside the plans' prices, break-even, suggested spending limit, the chart of
// cost against messages per day (with its table as text alternative), assumptions, downloads.
import { type ReactElement, useId, useState } from "react";
import {
  type CalculatorView,
  type ComparisonView,
  headlineComparisons,
  type ProjectionView,
} from "../../lib/calculator-view.ts";
import {
  formatCount,
  formatDate,
  formatDecimal,
  formatMessagesPerDay,
  formatUsd,
  formatUsdLimit,
} from "../../lib/format.ts";
import { type ChartSeries, LineChart } from "../line-chart.tsx";
import { useStableHeight } from "./use-stable-height.ts";

const SERIES_COLORS = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3)",
  "var(--chart-4)",
  "var(--chart-5)",
  "var(--chart-6)",
];
const PLAN_COLORS = ["var(--muted)", "var(--bad)", "var(--good)", "var(--warn)"];

export interface ResultsProps {
  view: CalculatorView;
  /** Builds and downloads the full result (loads core if needed). */
  onDownload: (kind: "csv" | "json") => void;
  messagesPerDay: number;
  modelName: (id: string) => string;
  planPrimaryModel: (planId: string) => string | undefined;
  pricingVersion: string;
  plansVersion: string;
  /** The day the plans table's prices are as of (ISO date). */
  plansPublishedOn: string;
  /**
   * Changes on a deliberate switch (another preset, room vs each): boxes kept from shrinking while
   * typing may then take their natural height again.
   */
  layoutKey: string;
}

/** "$20.00/mo", or "$16.67/mo billed yearly". */
function perMonth(usdPerMonth: number, billing: "monthly" | "annual"): string {
  return `${formatUsd(usdPerMonth)}/mo${billing === "annual" ? " billed yearly" : ""}`;
}

function labelOf(projection: ProjectionView, modelName: (id: string) => string): string {
  return projection.room
    ? `Room: ${projection.models.map(modelName).join(" + ")}`
    : modelName(projection.models[0] ?? projection.label);
}

function Verdict(props: {
  layoutKey: string;
  comparison: ComparisonView;
  modelName: (id: string) => string;
  messagesPerDay: number;
}): ReactElement {
  const c = props.comparison;
  const tone = c.cheaper === "api" ? "good" : c.cheaper === "plan" ? "bad" : "warn";
  const headline =
    c.cheaper === "api"
      ? `The API is cheaper than ${c.planName}`
      : c.cheaper === "plan"
        ? `${c.planName} is cheaper than the API`
        : `It depends: the API range straddles ${c.planName}'s price`;
  const breakEven = c.breakEvenMessagesPerDay;
  const ref = useStableHeight<HTMLElement>(`${props.layoutKey}|${c.planId}|${c.scenarioLabel}`);
  return (
    <article
      ref={ref}
      className={`verdict notice ${tone}`}
      data-plan={c.planId}
      data-scenario={c.scenarioLabel}
    >
      <h3>{headline}</h3>
      <div className="verdict-numbers">
        <div>
          <span className="big" data-api-usd={c.apiUsd}>
            {formatUsd(c.apiUsd)}
          </span>
          <span className="small">
            a month by API on {c.room ? "the room" : props.modelName(c.scenarioModels[0] ?? "")}
            <br />
            likely {formatUsd(c.apiLowUsd)}–{formatUsd(c.apiHighUsd)}{" "}
            <span className="badge estimated">estimate</span>
          </span>
        </div>
        <div>
          <span className="big">{formatUsd(c.planUsdPerMonth)}</span>
          <span className="small">
            a month for {c.planName}
            <br />
            {c.billing === "annual" ? "billed yearly, list price" : "billed monthly, list price"}
          </span>
        </div>
      </div>
      <p className="verdict-sentence">{c.verdict}</p>
      <ul className="plain small verdict-facts">
        <li>
          <strong>Break-even:</strong>{" "}
          {breakEven === null
            ? `none: even ${formatCount(c.maxMessagesPerDay)} messages a day cost less than the plan.`
            : `about ${formatMessagesPerDay(breakEven)} messages a day (you send ${formatMessagesPerDay(props.messagesPerDay)}).`}
        </li>
        <li>
          <strong>Caps:</strong>{" "}
          {c.canServeAtItsPrice
            ? c.capsStatus === "within"
              ? `your usage fits ${c.planName}'s published caps.`
              : `see the notes on ${c.planName}'s caps below.`
            : `your usage exceeds ${c.planName}'s published caps, so the plan could not serve it at this price.`}
        </li>
        <li>
          <strong>Suggested API spending limit:</strong> {formatUsdLimit(c.spendingLimitUsd)} a
          month ({c.spendingLimitExplanation}).
        </li>
      </ul>
    </article>
  );
}

function Breakdown(props: { projection: ProjectionView }): ReactElement {
  const e = props.projection.expected;
  const parts = [
    { label: "input", usd: e.inputUsd, className: "seg-input" },
    { label: "cached input", usd: e.cachedInputUsd, className: "seg-cached" },
    { label: "cache writes", usd: e.cacheWriteUsd, className: "seg-write" },
    { label: "output", usd: e.outputUsd, className: "seg-output" },
    { label: "reasoning", usd: e.reasoningUsd, className: "seg-reasoning" },
  ].filter((part) => part.usd > 0);
  const total = e.totalUsd > 0 ? e.totalUsd : 1;
  let x = 0;
  return (
    <div className="breakdown">
      <svg
        className="bar"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        {parts.map((part) => {
          const width = (part.usd / total) * 100;
          const rect = (
            <rect
              key={part.label}
              x={x}
              y={0}
              width={width}
              height={8}
              className={part.className}
            />
          );
          x += width;
          return rect;
        })}
      </svg>
      <span className="small muted">
        {parts.length > 0
          ? parts.map((part) => `${part.label} ${formatUsd(part.usd)}`).join(" · ")
          : "nothing to pay at this usage"}
      </span>
    </div>
  );
}

export function Results(props: ResultsProps): ReactElement {
  const { view, modelName } = props;
  const ids = { table: useId(), chart: useId() };
  const [copied, setCopied] = useState(false);
  const headlines = headlineComparisons(view.comparisons, props.planPrimaryModel);
  const plans = [
    ...new Map(
      view.comparisons.map((c) => [
        c.planId,
        {
          id: c.planId,
          displayName: c.planName,
          usdPerMonth: c.planUsdPerMonth,
          billing: c.billing,
        },
      ]),
    ).values(),
  ];
  const first = view.projections[0];
  const tableRef = useStableHeight<HTMLElement>(
    `${props.layoutKey}|${view.projections.map((p) => p.label).join(",")}|${plans.map((p) => p.id).join(",")}`,
  );

  const series: ChartSeries[] = view.chart.lines.map((line, i) => ({
    label: view.projections[i] ? labelOf(view.projections[i], modelName) : line.label,
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? "var(--chart-1)",
    points: line.points,
  }));
  const references = plans.map((plan, i) => ({
    label: `${plan.displayName} ${perMonth(plan.usdPerMonth, plan.billing)}`,
    y: plan.usdPerMonth,
    color: PLAN_COLORS[i % PLAN_COLORS.length] ?? "var(--muted)",
  }));
  const tableSteps = view.chart.lines[0]?.points.filter((_, i) => i % 6 === 0) ?? [];
  // No link here: on phones this block is moved above the form (CSS order), and a focusable
  // element in it would be reached by Tab long after it is seen.
  const provenance = (
    <p className="small muted provenance" data-pricing-version={props.pricingVersion}>
      Every amount is an estimate. API prices: table {props.pricingVersion}, in effect on{" "}
      {formatDate(first?.pricedOn ?? "")}; plan prices: table {props.plansVersion}, US list prices
      before tax as of {formatDate(props.plansPublishedOn)}. The method and every assumption are
      listed below.
    </p>
  );
  // The chart in words: each line's cost at today's usage and where it crosses each plan's price.
  const inWords = view.projections.map((projection, i) => {
    const name = series[i]?.label ?? projection.label;
    const crossings = plans.map((plan) => {
      const c = view.comparisons.find(
        (x) => x.planId === plan.id && x.scenarioLabel === projection.label,
      );
      if (!c) return `not compared with ${plan.displayName}`;
      const price = `${plan.displayName}'s ${formatUsd(plan.usdPerMonth)}`;
      return c.breakEvenMessagesPerDay === null
        ? `stays under ${price} even at ${formatCount(c.maxMessagesPerDay)} messages a day`
        : `reaches ${price} at about ${formatMessagesPerDay(c.breakEvenMessagesPerDay)} messages a day`;
    });
    return `${name}: ${formatUsd(projection.expected.totalUsd)} a month at ${formatMessagesPerDay(props.messagesPerDay)} messages a day${crossings.length > 0 ? `; ${crossings.join("; ")}` : ""}.`;
  });

  return (
    <div className="stack results">
      {headlines.length > 0 ? (
        <section aria-labelledby="verdict-heading" aria-live="polite">
          <h2 id="verdict-heading" className="sr-only">
            Verdict
          </h2>
          <div className="verdicts">
            {headlines.map((comparison) => (
              <Verdict
                key={comparison.planId}
                layoutKey={props.layoutKey}
                comparison={comparison}
                modelName={modelName}
                messagesPerDay={props.messagesPerDay}
              />
            ))}
          </div>
          {provenance}
        </section>
      ) : (
        <section aria-label="Verdict">
          <p className="notice">Choose a plan to compare with, or read the API costs below.</p>
          {provenance}
        </section>
      )}

      <section className="card" aria-labelledby={ids.table} ref={tableRef}>
        <h2 id={ids.table}>Monthly cost by model</h2>
        <p className="small muted">
          {first
            ? `${formatCount(first.messagesPerMonth)} messages in ${formatDecimal(first.activeDays)} active days, about ${formatDecimal(first.conversationsPerMonth)} conversations; prices in effect on ${formatDate(first.pricedOn)}.`
            : null}
        </p>
        <div className="table-wrap cost-table-wrap">
          <table className="cost-table" role="table">
            <caption className="sr-only">
              Expected monthly API cost per model, its range, and the difference to each plan
            </caption>
            <colgroup>
              <col className="col-model" />
              <col className="col-month" />
              <col className="col-message" />
              {plans.map((plan) => (
                <col key={plan.id} className="col-plan" />
              ))}
            </colgroup>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Model
                </th>
                <th scope="col" className="num" role="columnheader">
                  Per month
                  <br />
                  <span className="small muted">estimate (range)</span>
                </th>
                <th scope="col" className="num" role="columnheader">
                  Per message
                </th>
                {plans.map((plan) => (
                  <th scope="col" className="num" key={plan.id} role="columnheader">
                    vs {plan.displayName}
                    <br />
                    <span className="small muted">{perMonth(plan.usdPerMonth, plan.billing)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {view.projections.map((projection) => (
                <tr key={projection.label} data-scenario={projection.label} role="row">
                  <th scope="row" role="rowheader">
                    {labelOf(projection, modelName)}
                    <Breakdown projection={projection} />
                  </th>
                  <td
                    className="num"
                    data-usd={projection.expected.totalUsd}
                    data-label="Per month (estimate)"
                    role="cell"
                  >
                    <strong>{formatUsd(projection.expected.totalUsd)}</strong>
                    <br />
                    <span className="small muted">
                      {formatUsd(projection.lowUsd)}–{formatUsd(projection.highUsd)}
                    </span>
                  </td>
                  <td className="num" data-label="Per message" role="cell">
                    {formatUsd(projection.usdPerMessage)}
                  </td>
                  {plans.map((plan) => {
                    const c = view.comparisons.find(
                      (x) => x.planId === plan.id && x.scenarioLabel === projection.label,
                    );
                    const label = `vs ${plan.displayName} (${perMonth(plan.usdPerMonth, plan.billing)})`;
                    if (!c) return <td key={plan.id} data-label={label} role="cell" />;
                    return (
                      <td
                        className="num"
                        key={plan.id}
                        data-difference={c.differenceUsd}
                        data-label={label}
                        role="cell"
                      >
                        <span className={c.differenceUsd < 0 ? "good-text" : "bad-text"}>
                          {c.differenceUsd < 0
                            ? `${formatUsd(-c.differenceUsd)} less`
                            : `${formatUsd(c.differenceUsd)} more`}
                        </span>
                        <br />
                        <span className="small muted">
                          break-even{" "}
                          {c.breakEvenMessagesPerDay === null
                            ? "none"
                            : `${formatMessagesPerDay(c.breakEvenMessagesPerDay)}/day`}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby={ids.chart}>
        <h2 id={ids.chart}>Cost as usage grows</h2>
        <p className="small muted">
          Monthly API cost against messages a day, everything else as set; dashed lines are the
          plans' prices. Where a line crosses a plan, that is the break-even.
        </p>
        <LineChart
          series={series}
          referenceLines={references}
          marker={{
            x: props.messagesPerDay,
            label: `you: ${formatDecimal(props.messagesPerDay)}/day`,
          }}
          formatX={(x) => formatCount(x)}
          formatY={(y) => formatUsdLimit(y)}
          xLabel="Messages per active day"
          yLabel="USD per month"
          height={300}
        />
        <details className="small chart-alt">
          <summary>The chart in words and as a table</summary>
          <ul className="chart-words">
            {inWords.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">Monthly API cost at several message counts</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Messages a day
                  </th>
                  {series.map((s) => (
                    <th scope="col" className="num" key={s.label}>
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tableSteps.map(([m], row) => (
                  <tr key={m}>
                    <th scope="row" className="num">
                      {formatDecimal(m)}
                    </th>
                    {view.chart.lines.map((line) => (
                      <td className="num" key={line.label}>
                        {formatUsd(line.points[row * 6]?.[1] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section className="card" aria-labelledby="assumptions-heading">
        <h2 id="assumptions-heading">What this assumes</h2>
        <ul className="small assumptions">
          {view.assumptions.map((text) => (
            <li key={text}>{text}</li>
          ))}
          {view.notes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
        <p className="small muted">
          Prices: table {props.pricingVersion}; plans: table {props.plansVersion}. Every figure here
          is an estimate. <a href="/method/">How it is computed</a>.
        </p>
        <div className="row">
          <button type="button" className="secondary" onClick={() => props.onDownload("csv")}>
            Download CSV
          </button>
          <button type="button" className="secondary" onClick={() => props.onDownload("json")}>
            Download JSON
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            Copy link to this scenario
          </button>
          <span className="small muted" role="status">
            {copied ? "Link copied. It holds only these settings." : ""}
          </span>
        </div>
      </section>
    </div>
  );
}
