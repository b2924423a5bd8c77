import { LOG_FORMATS, REASONING_MULTIPLIERS, REPORT_GROUPINGS } from "@tokenmeter/core";
import { z } from "zod";
import { isoDaySchema } from "../args/dates.ts";

const EFFORTS = Object.keys(REASONING_MULTIPLIERS) as [string, ...string[]];

/** `--caching`: the provider's own behaviour, none, or a hit rate between 0 and 1. */
const cachingSchema = z.union(
  [
    z.enum(["provider-default", "none"]),
    z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?)$/)
      .transform((value) => ({ hitRate: Number(value) })),
  ],
  { error: "expected provider-default, none, or a hit rate between 0 and 1 such as 0.5" },
);

/** `--reasoning`: an effort level or reasoning tokens per visible output token. */
const reasoningSchema = z.union(
  [
    z.enum(EFFORTS),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform((value) => ({ multiplier: Number(value) })),
  ],
  { error: `expected an effort (${EFFORTS.join(", ")}) or a multiplier such as 2.5` },
);

/** The validated options of `tokenmeter estimate`. */
export const estimateOptionsSchema = z
  .object({
    files: z.array(z.string().min(1)).min(1, { error: "give at least one file or directory" }),
    format: z.enum(LOG_FORMATS, { error: `expected one of ${LOG_FORMATS.join(", ")}` }).optional(),
    models: z.array(z.string().min(1)),
    plans: z.array(z.string().min(1)),
    by: z.enum(REPORT_GROUPINGS, { error: `expected one of ${REPORT_GROUPINGS.join(", ")}` }),
    since: isoDaySchema.optional(),
    until: isoDaySchema.optional(),
    tz: z.string().min(1),
    strict: z.boolean(),
    caching: cachingSchema,
    reasoning: reasoningSchema.optional(),
    cacheWrites: z.enum(["none", "5m", "1h"], { error: "expected none, 5m or 1h" }).optional(),
    assumeModel: z.string().min(1).optional(),
  })
  .superRefine((options, context) => {
    if (options.since !== undefined && options.until !== undefined && options.since > options.until)
      context.addIssue({
        code: "custom",
        path: ["since"],
        message: `${options.since} is after --until ${options.until}: no day is in between`,
      });
  });

export type EstimateOptions = z.output<typeof estimateOptionsSchema>;
