// The import island: drop a ChatGPT or Claude export (the .zip as downloaded) or API logs; a Web
// Worker reads them locally and returns the same report `tokenmeter estimate` prints, rendered
// here block by block (same tables, same formatting of every cell, same sentences).
import {
  type DocumentBlock,
  type DocumentTable,
  type EstimateReport,
  formatCell,
  isNumericColumn,
  type ReportDocument,
} from "@tokenmeter/core";
import { type DragEvent, type ReactElement, useEffect, useId, useRef, useState } from "react";
import { formatCount } from "../lib/format.ts";
import type { ImportMessage, ImportRequest } from "../lib/import-protocol.ts";

export interface ImportModel {
  id: string;
  displayName: string;
  providerDisplayName: string;
}

export interface ImportPlan {
  id: string;
  displayName: string;
  product: string;
}

export interface ImportHistoryProps {
  models: ImportModel[];
  plans: ImportPlan[];
  pricingVersion: string;
}

type State =
  | { kind: "idle" }
  | { kind: "working"; doneBytes: number; totalBytes: number; file: string }
  | {
      kind: "done";
      report: EstimateReport;
      document: ReportDocument;
      elapsedMs: number;
      command: string;
    }
  | { kind: "error"; message: string };

const GROUPINGS = [
  { value: "month", label: "Month" },
  { value: "day", label: "Day" },
  { value: "model", label: "Model" },
  { value: "conversation", label: "Conversation" },
] as const;

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

function csvOf(table: DocumentTable): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[table.columns.map((c) => c.key), ...table.rows]
    .map((row) => row.map(cell).join(","))
    .join("\n")}\n`;
}

/** One row of a report table (body or footer): the first cell heads the row, numbers align right. */
function ReportRow(props: {
  columns: DocumentTable["columns"];
  values: DocumentTable["rows"][number];
}): ReactElement {
  return (
    <tr>
      {props.values.map((value, c) => {
        const column = props.columns[c];
        const kind = column?.kind ?? "text";
        return c === 0 ? (
          <th key={column?.key ?? c} scope="row">
            {formatCell(value, kind)}
          </th>
        ) : (
          <td
            key={column?.key ?? c}
            className={isNumericColumn(kind) ? "num" : undefined}
            data-key={column?.key}
            data-value={typeof value === "number" ? value : undefined}
          >
            {formatCell(value, kind)}
          </td>
        );
      })}
    </tr>
  );
}

function TableBlock(props: { table: DocumentTable; caption: string }): ReactElement {
  const { table } = props;
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={isNumericColumn(column.kind) ? "num" : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: report rows are fixed once rendered
            <ReportRow key={r} columns={table.columns} values={row} />
          ))}
        </tbody>
        {table.footer ? (
          <tfoot>
            <ReportRow columns={table.columns} values={table.footer} />
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function Blocks(props: { blocks: readonly DocumentBlock[] }): ReactElement {
  let lastHeading = "Report";
  return (
    <div className="report stack">
      {props.blocks.map((block, i) => {
        const key = `${block.kind}-${i}`;
        switch (block.kind) {
          case "heading":
            lastHeading = block.text;
            return i === 0 ? (
              <p key={key} className="report-title">
                {block.text}
              </p>
            ) : (
              <h3 key={key}>{block.text}</h3>
            );
          case "table":
            return <TableBlock key={key} table={block.table} caption={lastHeading} />;
          case "text":
            return (
              <div
                key={key}
                className={
                  block.tone === "warning"
                    ? "notice warn"
                    : block.tone === "good"
                      ? "notice good"
                      : block.tone === "bad"
                        ? "notice bad"
                        : block.tone === "note"
                          ? "muted"
                          : undefined
                }
              >
                {block.lines.map((line, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines are fixed once rendered
                  <p key={n} className={line.startsWith("  - ") ? "indent" : undefined}>
                    {line.startsWith("  - ") ? `• ${line.slice(4)}` : line}
                  </p>
                ))}
              </div>
            );
          case "list":
            return (
              <section key={key} aria-label={block.title ?? "List"}>
                {block.title ? <h3>{block.title}</h3> : null}
                <ul className="small report-list">
                  {block.items.map((item, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed once rendered
                    <li key={n}>{item}</li>
                  ))}
                </ul>
              </section>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}

export default function ImportHistory(props: ImportHistoryProps): ReactElement {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [plans, setPlans] = useState<string[]>([]);
  const [models, setModels] = useState<string[]>([]);
  const [groupBy, setGroupBy] = useState<"month" | "day" | "model" | "conversation">("month");
  const [timeZone, setTimeZone] = useState("UTC");
  const [dragging, setDragging] = useState(false);
  const workerRef = useRef<Worker | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { file: useId(), group: useId(), tz: useId(), model: useId() };
  // A finished report takes the focus, so keyboard and screen reader users land on it.
  const done = state.kind === "done";
  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  useEffect(() => {
    // The browser's own time zone, as the CLI uses the machine's.
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    return () => workerRef.current?.terminate();
  }, []);

  const start = (files: File[]) => {
    if (files.length === 0) return;
    workerRef.current?.terminate();
    const worker = new Worker(new URL("../workers/import.worker.ts", import.meta.url), {
      type: "module",
      name: "import-history",
    });
    workerRef.current = worker;
    const names = files.map((file) => file.name);
    const quote = (arg: string) =>
      /^[\w./@:+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
    const command = [
      "tokenmeter estimate",
      ...names.map(quote),
      ...models.map((m) => `-m ${m}`),
      ...plans.map((p) => `--plan ${p}`),
      ...(groupBy === "month" ? [] : [`--by ${groupBy}`]),
      `--tz ${quote(timeZone)}`,
    ].join(" ");
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    setState({ kind: "working", doneBytes: 0, totalBytes, file: names[0] ?? "" });
    worker.addEventListener("message", (event: MessageEvent<ImportMessage>) => {
      const data = event.data;
      if (data.type === "progress") {
        setState({
          kind: "working",
          doneBytes: data.doneBytes,
          totalBytes: data.totalBytes,
          file: data.file,
        });
      } else if (data.type === "done") {
        setState({
          kind: "done",
          report: data.report,
          document: data.document,
          elapsedMs: data.elapsedMs,
          command,
        });
        worker.terminate();
      } else {
        setState({ kind: "error", message: data.message });
        worker.terminate();
      }
    });
    worker.addEventListener("error", () => {
      setState({
        kind: "error",
        message: "The import worker stopped unexpectedly. Reload the page and try again.",
      });
    });
    const request: ImportRequest = {
      type: "estimate",
      files,
      options: { plans, models, groupBy, timeZone },
    };
    worker.postMessage(request);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    start([...event.dataTransfer.files]);
  };

  const percent =
    state.kind === "working" && state.totalBytes > 0
      ? Math.min(100, Math.round((state.doneBytes / state.totalBytes) * 100))
      : 0;
  const plansByProduct = [...new Set(props.plans.map((p) => p.product))];

  return (
    <div className="import stack">
      <section
        className={dragging ? "dropzone big dragging" : "dropzone big"}
        aria-labelledby={`${ids.file}-h`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <h2 id={`${ids.file}-h`}>Drop your export here</h2>
        <p>
          A ChatGPT or Claude data export (the <code>.zip</code> as downloaded), or API logs: OpenAI
          API JSONL, an OpenAI usage CSV, Claude Code logs or tokenmeter's generic JSONL.
        </p>
        <div className="row">
          <label htmlFor={ids.file} className="button file-button">
            Choose files…
          </label>
          <input
            id={ids.file}
            className="sr-only file-input"
            type="file"
            multiple
            accept=".zip,.json,.jsonl,.ndjson,.csv,application/zip,application/json,text/csv"
            onChange={(event) => {
              start([...(event.target.files ?? [])]);
              event.target.value = "";
            }}
          />
          <span className="small muted">or drag and drop them onto this box</span>
        </div>
        <p className="privacy small">
          <strong>Your file never leaves this browser.</strong> It is read by a worker inside this
          tab; nothing is uploaded, and this page's security policy would block it if anything
          tried.
        </p>
      </section>

      <details className="card import-options">
        <summary>Options: plans, other models, grouping, time zone</summary>
        <fieldset>
          <legend>Compare each month with</legend>
          <p className="small muted">
            None chosen: ChatGPT Plus, or Claude Pro for a Claude-only history (as the CLI does).
          </p>
          <div className="plan-groups">
            {plansByProduct.map((product) => (
              <div key={product}>
                <p className="small muted group-name">{product}</p>
                {props.plans
                  .filter((plan) => plan.product === product)
                  .map((plan) => (
                    <label key={plan.id} className="check">
                      <input
                        type="checkbox"
                        checked={plans.includes(plan.id)}
                        onChange={(event) =>
                          setPlans((current) =>
                            event.target.checked
                              ? [...current, plan.id]
                              : current.filter((p) => p !== plan.id),
                          )
                        }
                      />
                      {plan.displayName}
                    </label>
                  ))}
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.model}>Also price everything on</label>
          <select
            id={ids.model}
            value=""
            onChange={(event) => {
              const id = event.target.value;
              if (id !== "" && !models.includes(id)) setModels([...models, id]);
            }}
          >
            <option value="">Choose a model…</option>
            {[...new Set(props.models.map((m) => m.providerDisplayName))].map((provider) => (
              <optgroup key={provider} label={provider}>
                {props.models
                  .filter((m) => m.providerDisplayName === provider && !models.includes(m.id))
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.displayName}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <ul className="plain chosen">
            {models.map((id) => (
              <li key={id} className="chip">
                <span>{props.models.find((m) => m.id === id)?.displayName ?? id}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${props.models.find((m) => m.id === id)?.displayName ?? id}`}
                  onClick={() => setModels(models.filter((m) => m !== id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="row two">
          <div className="field">
            <label htmlFor={ids.group}>Group rows by</label>
            <select
              id={ids.group}
              value={groupBy}
              onChange={(event) => setGroupBy(event.target.value as typeof groupBy)}
            >
              {GROUPINGS.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.tz}>Time zone</label>
            <input
              id={ids.tz}
              type="text"
              value={timeZone}
              spellCheck={false}
              onChange={(event) => setTimeZone(event.target.value)}
            />
            <span className="hint">Days and months are counted in this zone.</span>
          </div>
        </div>
        <p className="small muted">Options apply to the next file you drop.</p>
      </details>

      {/* Screen readers hear short news here (started, finished); never the whole report, which
          an aria-live region around it would read out in full. */}
      <p className="sr-only" role="status">
        {state.kind === "working"
          ? `Reading ${state.file || "your files"} in your browser.`
          : state.kind === "done"
            ? `Done: ${formatCount(state.report.coverage.requestsCounted)} requests priced. The report follows.`
            : ""}
      </p>
      <section aria-labelledby="import-status-h" className="import-status">
        <h2
          id="import-status-h"
          ref={headingRef}
          tabIndex={-1}
          className={state.kind === "done" ? undefined : "sr-only"}
        >
          {state.kind === "done" ? "Your history, priced" : "Status"}
        </h2>
        {state.kind === "working" ? (
          <div className="card">
            <label htmlFor={`${ids.file}-progress`}>
              Reading {state.file || "your files"} in your browser… {percent}%
            </label>
            <progress id={`${ids.file}-progress`} max={100} value={percent}>
              {percent}%
            </progress>
            <p className="small muted">
              {formatCount(state.doneBytes)} of {formatCount(state.totalBytes)} bytes
            </p>
          </div>
        ) : null}
        {state.kind === "error" ? (
          <div className="notice bad" role="alert">
            <p>
              <strong>That file could not be priced.</strong>
            </p>
            <p>{state.message}</p>
          </div>
        ) : null}
        {state.kind === "done" ? (
          <div className="card" data-import-done={state.report.coverage.requestsCounted}>
            <p className="small muted">
              Processed in {Math.max(1, Math.round(state.elapsedMs))} ms, entirely in this tab. The
              same report as <code>{state.command}</code>.
            </p>
            <Blocks blocks={state.document.blocks} />
            <div className="row">
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  download(
                    "tokenmeter-estimate.json",
                    "application/json",
                    `${JSON.stringify(state.report, null, 2)}\n`,
                  )
                }
              >
                Download JSON
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  download("tokenmeter-estimate.csv", "text/csv", csvOf(state.document.csv))
                }
              >
                Download CSV
              </button>
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}
