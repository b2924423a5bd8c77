import type { PricingTable } from "./schema.ts";
import { pricingTable } from "./table.gen.ts";

/**
 * The pricing table bundled with this release of `@tokenmeter/core`, generated from
 * `pricing/models/*.json` (validated at generation time, so no parse happens at run time).
 * Pass your own table as `opts.pricing` to price against negotiated or private prices.
 */
export const defaultPricingTable: PricingTable = pricingTable;

/**
 * Version of the bundled pricing table (`YYYY.MM.DD`, optionally `.N`), bumped whenever its data
 * changes. Every cost result carries it so an estimate can be reproduced.
 * @example pricingVersion // "2026.11.27.2"
 */
export const pricingVersion: string = pricingTable.version;
