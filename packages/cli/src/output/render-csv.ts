import type { CellValue, DocumentTable } from "@tokenmeter/core";

// Spreadsheets run cells that start with these as formulas (CSV injection); data from logs
// (titles, model ids) is prefixed with a quote so it stays text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: CellValue, isText: boolean): string {
  if (value === null) return "";
  let text =
    typeof value === "number" ? String(value) : typeof value === "boolean" ? String(value) : value;
  if (isText && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: header row of unit-carrying keys, raw numbers (never rounded), CRLF line ends. */
export function renderCsv(table: DocumentTable): string {
  const isText = table.columns.map((column) => column.kind === "text");
  const line = (values: readonly CellValue[]) =>
    table.columns
      .map((_, index) => csvField(values[index] ?? null, isText[index] === true))
      .join(",");
  const rows = [table.columns.map((column) => column.key).join(","), ...table.rows.map(line)];
  if (table.footer !== undefined) rows.push(line(table.footer));
  return `${rows.join("\r\n")}\r\n`;
}
