// The price-history island of the prices page: pick a model, see its standard input, cached-input
// and output prices over time as step lines, with the same periods as a table (the chart's text
// alternative, and where each price's source and checked date are listed).
import { type ReactElement, useId, useState } from "react";
import { formatDate, formatMonth, formatUsdPerMTok } from "../lib/format.ts";
import type { ModelHistory } from "../lib/price-records.ts";
import { type ChartSeries, LineChart, monthTicks } from "./line-chart.tsx";

const DAY_MS = 86_400_000;

function dayMs(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`);
}

export interface PriceHistoryProps {
  models: ModelHistory[];
  /** The last day drawn: the table's publication date. */
  endDay: string;
  initialModelId: string;
}

function seriesFor(model: ModelHistory, endDay: string): ChartSeries[] {
  const end = dayMs(endDay);
  const line = (pick: (p: ModelHistory["periods"][number]) => number | null) => {
    const points: [number, number][] = [];
    for (const period of model.periods) {
      const value = pick(period);
      if (value === null) continue;
      points.push([dayMs(period.from), value]);
      const until = period.until === null ? end : Math.min(dayMs(period.until), end);
      points.push([Math.max(until - DAY_MS, dayMs(period.from)), value]);
    }
    return points;
  };
  const series: ChartSeries[] = [
    {
      label: "Output",
      color: "var(--chart-2)",
      points: line((p) => p.outputUsdPerMTok),
      step: true,
    },
    { label: "Input", color: "var(--chart-1)", points: line((p) => p.inputUsdPerMTok), step: true },
  ];
  const cached = line((p) => p.cachedInputUsdPerMTok);
  if (cached.length > 0) {
    series.push({
      label: "Cached input",
      color: "var(--chart-3)",
      points: cached,
      step: true,
      dashed: true,
    });
  }
  return series;
}

export default function PriceHistory(props: PriceHistoryProps): ReactElement {
  const [modelId, setModelId] = useState(props.initialModelId);
  const selectId = useId();
  const model = props.models.find((m) => m.id === modelId) ?? props.models[0];
  if (model === undefined) return <p>No models in the table.</p>;
  const changes = model.periods.length - 1;
  const series = seriesFor(model, props.endDay);
  const xs = series.flatMap((line) => line.points.map((point) => point[0]));
  const ticks = monthTicks(Math.min(...xs), Math.max(...xs), 5);
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={selectId}>Model</label>
        <select id={selectId} value={model.id} onChange={(event) => setModelId(event.target.value)}>
          {props.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName} ({m.providerDisplayName})
              {m.periods.length > 1 ? " · price changed" : ""}
            </option>
          ))}
        </select>
      </div>
      <p className="small muted" aria-live="polite">
        {model.displayName}:{" "}
        {changes === 0
          ? `one price since ${formatDate(model.periods[0]?.from ?? props.endDay)}, no change recorded.`
          : `${changes} price change${changes === 1 ? "" : "s"} recorded.`}
      </p>
      <LineChart
        series={series}
        xTicks={ticks}
        formatX={(x) => formatMonth(new Date(x).toISOString())}
        formatY={(y) => formatUsdPerMTok(y)}
        xLabel="Date"
        yLabel="USD per 1M tokens"
        height={260}
      />
      <section className="table-wrap" aria-label="Price periods">
        <table>
          <caption className="sr-only">Price periods of {model.displayName}</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col" className="num">
                Input
              </th>
              <th scope="col" className="num">
                Cached input
              </th>
              <th scope="col" className="num">
                Output
              </th>
              <th scope="col">Source, checked</th>
            </tr>
          </thead>
          <tbody>
            {model.periods.map((period) => (
              <tr key={period.from}>
                <td className="nowrap">{formatDate(period.from)}</td>
                <td className="nowrap">
                  {period.until === null ? "current" : formatDate(period.until)}
                </td>
                <td className="num">{formatUsdPerMTok(period.inputUsdPerMTok)}</td>
                <td className="num">
                  {period.cachedInputUsdPerMTok === null
                    ? "—"
                    : formatUsdPerMTok(period.cachedInputUsdPerMTok)}
                </td>
                <td className="num">{formatUsdPerMTok(period.outputUsdPerMTok)}</td>
                <td>
                  <a href={period.source} rel="noreferrer noopener">
                    {new URL(period.source).hostname}
                  </a>
                  , {formatDate(period.checked)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
