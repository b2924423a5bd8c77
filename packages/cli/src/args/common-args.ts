/** Output flags every command takes. */
export const outputArgs = {
  json: {
    type: "boolean",
    description: "Print JSON (stable schema, units in every key) instead of a table",
  },
  csv: { type: "boolean", description: "Print the main table as CSV (raw numbers)" },
  markdown: { type: "boolean", description: "Print Markdown (tables and notes)" },
  debug: { type: "boolean", description: "On failure, print the stack trace too" },
} as const;

/** `--pricing <file>`: bring your own table (tokenmeter format or a LiteLLM price file). */
export const pricingArg = {
  pricing: {
    type: "string",
    valueHint: "file",
    description:
      "Use this pricing table instead of the bundled one: tokenmeter format or LiteLLM's model_prices_and_context_window.json",
  },
} as const;
