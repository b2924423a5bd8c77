import {
  type DocumentBlock,
  type DocumentTable,
  isNumericColumn,
  printable,
  type ReportDocument,
} from "@tokenmeter/core";
import { formatTableCells } from "./format-column.ts";

/** Markdown special characters in data must not turn into markup or break the table. */
function escapeMarkdown(text: string): string {
  return printable(text).replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** A GitHub-flavoured Markdown table; numeric columns are right-aligned. */
export function renderMarkdownTable(table: DocumentTable): string {
  const row = (values: readonly string[]) => `| ${values.join(" | ")} |`;
  const formatted = formatTableCells(table);
  const escaped = (values: readonly string[]) => values.map(escapeMarkdown);
  const lines = [
    row(table.columns.map((column) => escapeMarkdown(column.header))),
    row(table.columns.map((column) => (isNumericColumn(column.kind) ? "---:" : "---"))),
    ...formatted.rows.map((values) => row(escaped(values))),
  ];
  if (formatted.footer !== undefined) {
    lines.push(row(escaped(formatted.footer).map((text) => (text === "" ? "" : `**${text}**`))));
  }
  return lines.join("\n");
}

function renderBlock(block: DocumentBlock): string {
  switch (block.kind) {
    case "heading":
      return `## ${escapeMarkdown(block.text)}`;
    case "table":
      return renderMarkdownTable(block.table);
    case "text":
      return block.lines.map((line) => escapeMarkdown(line)).join("  \n");
    case "list": {
      const items = block.items.map((item) => `- ${escapeMarkdown(item)}`);
      return (
        block.title === undefined ? items : [`**${escapeMarkdown(block.title)}**`, "", ...items]
      ).join("\n");
    }
  }
}

/** The whole document as Markdown. */
export function renderMarkdown(document: ReportDocument): string {
  return `${document.blocks.map(renderBlock).join("\n\n")}\n`;
}
