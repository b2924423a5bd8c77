import type { PriceRecord } from "@tokenmeter/core";

/** The price record of `prices` in effect on `day` (`YYYY-MM-DD`), if any. */
export function priceRecordOn(
  prices: readonly PriceRecord[],
  day: string,
): PriceRecord | undefined {
  return prices.find(
    (record) =>
      record.effectiveFrom <= day &&
      (record.effectiveUntil === undefined || day < record.effectiveUntil),
  );
}
