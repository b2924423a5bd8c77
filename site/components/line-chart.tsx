// A small SVG line chart for the calculator (cost vs messages per day, plan prices as lines) and the
// price history (step lines over time). Hand-written instead of uPlot: ~2 KB gzip against ~21 KB
// plus CSS, it renders at build time (no layout jump) and SVG text scales with the page's font.
// Charts are drawn `aria-hidden`; every caller provides the same numbers as a table.
import { type ReactElement, useEffect, useId, useRef, useState } from "react";

export interface ChartSeries {
  label: string;
  /** A CSS color, usually a `var(--chart-n)`. */
  color: string;
  /** Points sorted by x. */
  points: ReadonlyArray<readonly [number, number]>;
  /** Draw as a step function (value holds until the next point). */
  step?: boolean;
  dashed?: boolean;
}

export interface ChartReferenceLine {
  label: string;
  y: number;
  color: string;
}

export interface LineChartProps {
  series: readonly ChartSeries[];
  referenceLines?: readonly ChartReferenceLine[];
  /** A vertical marker, e.g. the profile's messages per day. */
  marker?: { x: number; label: string };
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  xLabel: string;
  yLabel: string;
  /** Pixel height; the width follows the container. */
  height?: number;
  /** Explicit x ticks; otherwise "nice" ticks are chosen. */
  xTicks?: readonly number[];
}

const MARGIN = { top: 14, right: 16, bottom: 44, left: 62 };

/** Up to ~`count` round tick values from `min` to the first round value at or above `max`. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / magnitude;
  const step = (residual >= 5 ? 10 : residual >= 2 ? 5 : residual >= 1 ? 2 : 1) * magnitude;
  const ticks: number[] = [];
  const last = Math.ceil(max / step - 1e-9) * step;
  for (let value = Math.ceil(min / step) * step; value <= last + step * 1e-9; value += step) {
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

function pathOf(
  points: ReadonlyArray<readonly [number, number]>,
  step: boolean,
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  let d = "";
  let previousY: number | undefined;
  for (const [x, y] of points) {
    const px = sx(x).toFixed(1);
    const py = sy(y).toFixed(1);
    if (d === "") d = `M${px},${py}`;
    else if (step && previousY !== undefined) d += `H${px}V${py}`;
    else d += `L${px},${py}`;
    previousY = y;
  }
  return d;
}

/** A legend key drawn like its line. SVG attributes, not inline styles, which the CSP forbids. */
function Swatch(props: { color: string; dash: string | undefined }): ReactElement {
  return (
    <svg width="22" height="10" aria-hidden="true" focusable="false" className="swatch">
      <line
        x1="1"
        x2="21"
        y1="5"
        y2="5"
        stroke={props.color}
        strokeWidth={props.dash === "6 4" ? 1.5 : 2.5}
        strokeDasharray={props.dash}
      />
    </svg>
  );
}

/**
 * Ticks on the first day of months (UTC ms) spread over [minMs, maxMs]: every 1, 2, 3, 6 or 12
 * months, whichever gives at most `count` ticks.
 */
export function monthTicks(minMs: number, maxMs: number, count: number): number[] {
  const start = new Date(minMs);
  const months = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  const first = months(start) + (start.getUTCDate() > 1 ? 1 : 0);
  const last = months(new Date(maxMs));
  const span = Math.max(1, last - first);
  const every = [1, 2, 3, 6, 12, 24, 60].find((step) => span / step <= count) ?? 120;
  const ticks: number[] = [];
  for (let m = Math.ceil(first / every) * every; m <= last; m += every) {
    ticks.push(Date.UTC(Math.floor(m / 12), m % 12, 1));
  }
  return ticks;
}

/** Responsive SVG chart; width tracks its container, height is fixed so results never jump. */
export function LineChart(props: LineChartProps): ReactElement {
  const { series, referenceLines = [], marker, formatX, formatY, xLabel, yLabel } = props;
  const height = props.height ?? 300;
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  const clipId = useId();

  useEffect(() => {
    const element = wrapRef.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(260, Math.round(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const compactLayout = width < 480;
  const margin = compactLayout ? { ...MARGIN, left: 54, right: 10 } : MARGIN;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;

  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p[1])),
    ...referenceLines.map((line) => line.y),
  ];
  const xMin = xs.length > 0 ? Math.min(...xs) : 0;
  const xMax = xs.length > 0 ? Math.max(...xs) : 1;
  const yTop = ys.length > 0 ? Math.max(...ys) : 1;
  const yTicks = niceTicks(0, yTop > 0 ? yTop * 1.02 : 1, compactLayout ? 4 : 5);
  const yMax = Math.max(yTicks[yTicks.length - 1] ?? 1, yTop);
  const xSpan = xMax > xMin ? xMax - xMin : 1;
  const sx = (x: number) => margin.left + ((x - xMin) / xSpan) * plotWidth;
  const sy = (y: number) => margin.top + plotHeight - (y / (yMax || 1)) * plotHeight;
  const xTicks = (props.xTicks ?? niceTicks(xMin, xMax, compactLayout ? 4 : 7)).filter(
    (tick) => tick >= xMin && tick <= xMax + 1e-9,
  );

  return (
    <div className="chart" ref={wrapRef}>
      <svg
        width="100%"
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
        className="chart-svg"
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={margin.left} y={margin.top - 2} width={plotWidth} height={plotHeight + 4} />
          </clipPath>
        </defs>
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line
              x1={margin.left}
              x2={margin.left + plotWidth}
              y1={sy(tick)}
              y2={sy(tick)}
              className="chart-grid"
            />
            <text
              x={margin.left - 6}
              y={sy(tick)}
              dy="0.32em"
              textAnchor="end"
              className="chart-tick"
            >
              {formatY(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text
            key={`x${tick}`}
            x={sx(tick)}
            y={margin.top + plotHeight + 16}
            textAnchor="middle"
            className="chart-tick"
          >
            {formatX(tick)}
          </text>
        ))}
        <text
          x={margin.left + plotWidth / 2}
          y={height - 6}
          textAnchor="middle"
          className="chart-axis-label"
        >
          {xLabel}
        </text>
        <text
          transform={`translate(12 ${margin.top + plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart-axis-label"
        >
          {yLabel}
        </text>
        <line
          x1={margin.left}
          x2={margin.left + plotWidth}
          y1={sy(0)}
          y2={sy(0)}
          className="chart-axis"
        />
        <g clipPath={`url(#${clipId})`}>
          {referenceLines.map((line) => (
            <line
              key={`r${line.label}`}
              x1={margin.left}
              x2={margin.left + plotWidth}
              y1={sy(line.y)}
              y2={sy(line.y)}
              stroke={line.color}
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
          ))}
          {series.map((s) => (
            <path
              key={`s${s.label}`}
              d={pathOf(s.points, s.step === true, sx, sy)}
              fill="none"
              stroke={s.color}
              strokeWidth={2.25}
              strokeLinejoin="round"
              strokeDasharray={s.dashed ? "3 3" : undefined}
            />
          ))}
        </g>
        {marker !== undefined && marker.x >= xMin && marker.x <= xMax ? (
          <g>
            <line
              x1={sx(marker.x)}
              x2={sx(marker.x)}
              y1={margin.top}
              y2={margin.top + plotHeight}
              className="chart-marker"
            />
            <text
              x={sx(marker.x) + (sx(marker.x) > margin.left + plotWidth * 0.7 ? -4 : 4)}
              y={margin.top + 10}
              textAnchor={sx(marker.x) > margin.left + plotWidth * 0.7 ? "end" : "start"}
              className="chart-tick"
            >
              {marker.label}
            </text>
          </g>
        ) : null}
      </svg>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={`l${s.label}`}>
            <Swatch color={s.color} dash={s.dashed ? "3 3" : undefined} />
            {s.label}
          </li>
        ))}
        {referenceLines.map((line) => (
          <li key={`lr${line.label}`}>
            <Swatch color={line.color} dash="6 4" />
            {line.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
