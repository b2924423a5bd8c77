import { readFileSync } from "node:fs";
import {
  defaultPricingTable,
  formatJsonPath,
  type PricingTable,
  pricingTableSchema,
  validatePricingTable,
} from "@tokenmeter/core";
import { badInput } from "../cli-error.ts";
import { byteOffsetOf, jsonErrorPosition } from "../input/json-error.ts";

/**
 * The pricing table for a command: the bundled one, or the file given with `--pricing`
 * (validated; errors name the file, the JSON path and what was expected).
 */
export function pricingFromOption(file: string | undefined): PricingTable {
  if (file === undefined) return defaultPricingTable;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw badInput(
      code === "ENOENT"
        ? `Pricing file not found: ${file}`
        : `Cannot read the pricing file ${file} (${code ?? "unknown error"}).`,
      {
        cause,
        hint: "Pass a tokenmeter pricing table or LiteLLM's model_prices_and_context_window.json.",
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const position = jsonErrorPosition(cause);
    throw badInput(
      `The pricing file ${file} is not valid JSON${position === undefined ? "" : ` (error at byte ${byteOffsetOf(text, position)})`}.`,
      { cause },
    );
  }
  const parsed = pricingTableSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map(
        (issue) =>
          `  ${formatJsonPath(issue.path.filter((key) => typeof key !== "symbol"))}: ${issue.message}`,
      );
    throw badInput(`The pricing file ${file} is not a valid pricing table:\n${issues.join("\n")}`);
  }
  const problems = validatePricingTable(parsed.data);
  if (problems.length > 0) {
    const issues = problems
      .slice(0, 5)
      .map((issue) => `  ${formatJsonPath(issue.path)}: ${issue.message}`);
    throw badInput(`The pricing file ${file} is not a usable pricing table:\n${issues.join("\n")}`);
  }
  return parsed.data;
}
