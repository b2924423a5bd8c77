import { readFileSync, statSync } from "node:fs";
import {
  defaultPricingTable,
  isTokenmeterError,
  loadPricing,
  type PricingTable,
} from "@tokenmeter/core";
import { badInput } from "../cli-error.ts";

/** Where a command's prices come from, for the report's assumptions. */
export interface PricingChoice {
  table: PricingTable;
  /** One sentence on the source of the prices. */
  description: string;
}

/** LiteLLM's map keeps no dates; its prices are treated as valid for every date, as LiteLLM does. */
const LITELLM_EFFECTIVE_FROM = "1970-01-01";

/**
 * The pricing table for a command: the bundled one, or the file given with `--pricing` laid over
 * it (models the file names replace the bundled ones, the rest stay). A LiteLLM price map has no
 * dates: its prices apply to every date and are stamped as checked on the file's modification day.
 *
 * @throws CliError `BAD_INPUT` naming the file, the JSON path and what was expected.
 */
export function pricingFromOption(file: string | undefined): PricingChoice {
  if (file === undefined) {
    return {
      table: defaultPricingTable,
      description: `Prices from tokenmeter's bundled table ${defaultPricingTable.version}, in effect on each request's date.`,
    };
  }
  let text: string;
  let modifiedOn: string;
  try {
    text = readFileSync(file, "utf8");
    modifiedOn = statSync(file).mtime.toISOString().slice(0, 10);
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
  try {
    const table = loadPricing(text, {
      fileName: file,
      checked: modifiedOn,
      effectiveFrom: LITELLM_EFFECTIVE_FROM,
      mergeOver: defaultPricingTable,
    });
    const isLiteLLM = !/"providers"\s*:|"pricingUrl"\s*:/.test(text.slice(0, 4096));
    return {
      table,
      description: isLiteLLM
        ? `Prices from the LiteLLM price map ${file} (no dates: applied to every date; checked ${modifiedOn}, the file's modification date), over the bundled table ${defaultPricingTable.version}.`
        : `Prices from ${file} laid over the bundled table ${defaultPricingTable.version} (table version ${table.version}).`,
    };
  } catch (error) {
    if (isTokenmeterError(error)) throw badInput(error.message, { cause: error });
    throw error;
  }
}
