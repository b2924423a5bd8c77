import { z } from "zod";

const TOKEN_COUNT_ERROR = "expected a whole, non-negative number of tokens";

/** A token count in a provider usage object: a safe, non-negative integer. */
export const tokenCountSchema = z
  .number({ error: TOKEN_COUNT_ERROR })
  .int({ error: TOKEN_COUNT_ERROR })
  .nonnegative({ error: TOKEN_COUNT_ERROR });

/** Providers (and proxies) send `null` or omit counts that are zero. */
export const optionalTokenCountSchema = tokenCountSchema.nullish();
