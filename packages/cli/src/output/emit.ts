import type { ReportDocument } from "@tokenmeter/core";
import { usageError } from "../cli-error.ts";
import { renderCsv } from "./render-csv.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderTerminal } from "./render-terminal.ts";
import { colorEnabled, createStyle } from "./style.ts";
import { outputWidth } from "./wrap-text.ts";

/** The four output formats every command offers. */
export type OutputFormat = "table" | "json" | "csv" | "markdown";

/** The format chosen by `--json`, `--csv` or `--markdown` (at most one); a table otherwise. */
export function pickOutputFormat(flags: {
  json?: boolean | undefined;
  csv?: boolean | undefined;
  markdown?: boolean | undefined;
}): OutputFormat {
  const chosen = (["json", "csv", "markdown"] as const).filter((name) => flags[name] === true);
  if (chosen.length > 1) {
    throw usageError(
      `Choose one output format: --${chosen.join(" and --")} were both given.`,
      "Use --json, --csv or --markdown alone, or none for a table.",
    );
  }
  return chosen[0] ?? "table";
}

/** Renders `document` in `format` and writes it to stdout (data only: nothing else goes there). */
export function emit(document: ReportDocument, format: OutputFormat): void {
  let text: string;
  switch (format) {
    case "json":
      text = `${JSON.stringify(document.json, null, 2)}\n`;
      break;
    case "csv":
      text = renderCsv(document.csv);
      break;
    case "markdown":
      text = renderMarkdown(document);
      break;
    case "table":
      text = renderTerminal(
        document,
        createStyle(colorEnabled(process.stdout, process.env)),
        outputWidth(process.stdout, process.env),
      );
      break;
  }
  process.stdout.write(text);
}
