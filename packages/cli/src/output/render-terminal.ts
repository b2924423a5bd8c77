import {
  type DocumentBlock,
  type DocumentTable,
  isNumericColumn,
  printable,
  type ReportDocument,
} from "@tokenmeter/core";
import { formatTableCells } from "./format-column.ts";
import { displayWidth, type Style, truncateToWidth } from "./style.ts";
import { wrapText } from "./wrap-text.ts";

function pad(text: string, width: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

/** A table with aligned columns, a rule under the header and one above the footer. */
export function renderTerminalTable(table: DocumentTable, style: Style): string {
  const formatted = formatTableCells(table);
  const cut = (row: readonly string[]) =>
    row.map((text, index) => {
      const maxWidth = table.columns[index]?.maxWidth;
      return maxWidth === undefined ? text : truncateToWidth(text, maxWidth);
    });
  const body = formatted.rows.map(cut);
  const footer = formatted.footer === undefined ? undefined : cut(formatted.footer);
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

function renderBlock(block: DocumentBlock, style: Style, width: number | undefined): string {
  switch (block.kind) {
    case "heading":
      return wrapText(printable(block.text), width)
        .map((line) => style.bold(line))
        .join("\n");
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
      // A line that starts with a dash or spaces is a list item: its continuation lines hang under its text.
      return block.lines
        .flatMap((text) => {
          const indent = /^ *(?:- )?/.exec(text)?.[0] ?? "";
          return wrapText(
            printable(text.slice(indent.length)),
            width,
            indent,
            " ".repeat(indent.length),
          );
        })
        .map((line) => tone(line))
        .join("\n");
    }
    case "list": {
      const items = block.items.flatMap((item) => wrapText(printable(item), width, "  • ", "    "));
      return (
        block.title === undefined ? items : [style.bold(printable(block.title)), ...items]
      ).join("\n");
    }
  }
}

/**
 * The whole document for a terminal (or a plain pipe, with `style` disabled). With a `width`,
 * headings, sentences and list items are word-wrapped to it (tables are not: their rows stay whole).
 */
export function renderTerminal(
  document: ReportDocument,
  style: Style,
  width?: number | undefined,
): string {
  return `${document.blocks.map((block) => renderBlock(block, style, width)).join("\n\n")}\n`;
}
