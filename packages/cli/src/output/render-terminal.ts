import {
  type DocumentBlock,
  type DocumentTable,
  formatCell,
  isNumericColumn,
  printable,
  type ReportDocument,
} from "@tokenmeter/core";
import { displayWidth, type Style, truncateToWidth } from "./style.ts";

function pad(text: string, width: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

/** A table with aligned columns, a rule under the header and one above the footer. */
export function renderTerminalTable(table: DocumentTable, style: Style): string {
  const cells = (row: readonly unknown[]) =>
    table.columns.map((column, index) => {
      const text = formatCell(
        (row[index] ?? null) as Parameters<typeof formatCell>[0],
        column.kind,
      );
      return column.maxWidth === undefined ? text : truncateToWidth(text, column.maxWidth);
    });
  const body = table.rows.map(cells);
  const footer = table.footer === undefined ? undefined : cells(table.footer);
  const headers = table.columns.map((column) => column.header);
  const widths = headers.map((header, index) =>
    Math.max(
      displayWidth(header),
      ...body.map((row) => displayWidth(row[index] ?? "")),
      footer === undefined ? 0 : displayWidth(footer[index] ?? ""),
    ),
  );
  const line = (row: string[]) =>
    row
      .map((text, index) => {
        const column = table.columns[index];
        return pad(text, widths[index] ?? 0, column !== undefined && isNumericColumn(column.kind));
      })
      .join("  ")
      .trimEnd();
  const rule = style.dim(widths.map((width) => "─".repeat(width)).join("  "));
  const out = [style.bold(line(headers)), rule, ...body.map(line)];
  if (footer !== undefined) out.push(rule, style.bold(line(footer)));
  return out.join("\n");
}

function renderBlock(block: DocumentBlock, style: Style): string {
  switch (block.kind) {
    case "heading":
      return style.bold(printable(block.text));
    case "table":
      return renderTerminalTable(block.table, style);
    case "text": {
      const tone =
        block.tone === "warning"
          ? style.yellow
          : block.tone === "bad"
            ? style.red
            : block.tone === "good"
              ? style.green
              : block.tone === "note"
                ? style.dim
                : (text: string) => text;
      return block.lines.map((text) => tone(printable(text))).join("\n");
    }
    case "list": {
      const items = block.items.map((item) => `  • ${printable(item)}`);
      return (
        block.title === undefined ? items : [style.bold(printable(block.title)), ...items]
      ).join("\n");
    }
  }
}

/** The whole document for a terminal (or a plain pipe, with `style` disabled). */
export function renderTerminal(document: ReportDocument, style: Style): string {
  return `${document.blocks.map((block) => renderBlock(block, style)).join("\n\n")}\n`;
}
