import { z } from "zod";

/**
 * The subscription-plans table format. These schemas are the single definition of
 * `pricing/plans.json`; `pricing/schema/plans.schema.json` is generated from them
 * ({@link plansJsonSchema}) and a test fails when the two drift.
 * Prices are USD before tax, as the provider shows them to a US customer; dates are ISO calendar dates.
 */

const isoDate = z.iso.date({ error: "expected an ISO date like 2025-03-01" });
const slug = z.string().regex(/^[a-z0-9][a-z0-9._:/@-]*$/, {
  error: "expected a lowercase id (letters, digits and . _ : / @ -)",
});
const usd = z
  .number({ error: "expected an amount in US dollars (a number)" })
  .finite()
  .nonnegative({ error: "an amount cannot be negative" });
const url = z.url({ error: "expected the URL the fact was taken from" });

/**
 * Where a fact comes from. `source` is the provider's own page where there is one; when that page was
 * read through a copy or a quotation (an archive, a news article quoting it), `via` names that copy.
 */
const provenanceShape = {
  /** The page that states the fact (the provider's own page where one exists). */
  source: url,
  /** A copy or quotation of `source` that was actually read, when `source` itself was not. */
  via: url.optional(),
  /** The date the source itself shows (published / "updated" / "verified on"). Absent when it shows none. */
  sourceDate: isoDate.optional(),
  /**
   * When this project last read the source (or `via`). Pages are read from stored copies, so this is
   * the day of reading, not a confirmation that the fact still held then: that is `sourceDate`.
   */
  checked: isoDate,
};

/** Billing cadences a plan can be bought on. */
export const BILLING_PERIODS = ["monthly", "annual"] as const;
/** `monthly` or `annual` billing. */
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

/**
 * One dated price of a plan on one billing cadence: in effect from `effectiveFrom` (inclusive) until
 * `effectiveUntil` (exclusive). `effectiveFrom` is the launch/change date where a source gives it,
 * otherwise the earliest date a source shows the price (then `note` says so).
 */
export const planPriceRecordSchema = z
  .object({
    effectiveFrom: isoDate,
    /** Absent while the price is current. */
    effectiveUntil: isoDate.optional(),
    billing: z.enum(BILLING_PERIODS),
    /** Monthly billing: the monthly charge. */
    usdPerMonth: usd.optional(),
    /** Annual billing: the charge for the year, paid up front. Its monthly equivalent is `usdPerYear / 12`. */
    usdPerYear: usd.optional(),
    ...provenanceShape,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((record, ctx) => {
    if (record.billing === "monthly" && record.usdPerMonth === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["usdPerMonth"],
        message: "a monthly price record needs usdPerMonth",
      });
    }
    if (record.billing === "annual" && record.usdPerYear === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["usdPerYear"],
        message: "an annual price record needs usdPerYear",
      });
    }
  });
/** One dated plan price (see {@link planPriceRecordSchema}). */
export type PlanPriceRecord = z.infer<typeof planPriceRecordSchema>;

/** Which messages a cap counts. */
export const CAP_SCOPES = ["all", "reasoning"] as const;
/** Which messages a cap counts: `all`, or only `reasoning` (Thinking) messages. */
export type CapScope = (typeof CAP_SCOPES)[number];

/** What happens when a cap is reached. */
export const CAP_EFFECTS = ["fallback-model", "blocked-until-reset", "pay-per-use"] as const;
/** What happens at a cap: a fallback model, a wait for the reset, or pay-per-use. */
export type CapEffect = (typeof CAP_EFFECTS)[number];

/**
 * A usage cap. Numeric when the provider publishes a number (`messages` per `windowHours`), text
 * otherwise. `atLeast` marks a floor the provider promises for short conversations ("at least 225
 * messages every 5 hours") rather than a hard ceiling: long chats or attachments reach the limit sooner.
 */
export const planCapSchema = z.union([
  z
    .object({
      kind: z.literal("messages"),
      /** What the provider calls the metered thing, e.g. "GPT-5.5 Instant" or "all Claude usage". */
      label: z.string().min(1),
      /** Messages allowed per window. */
      messages: z.int().positive(),
      /** Window length in hours: 3, 5, 24, 168 (a week). */
      windowHours: z.number().positive().max(744),
      scope: z.enum(CAP_SCOPES),
      atLeast: z.boolean(),
      /** What the number assumes (conversation length, attachments), in the provider's words. */
      assumes: z.string().optional(),
      effect: z.enum(CAP_EFFECTS),
      ...provenanceShape,
    })
    .strict(),
  z
    .object({
      kind: z.literal("text"),
      text: z.string().min(1),
      ...provenanceShape,
    })
    .strict(),
]);
/** A usage cap: numeric (`kind: "messages"`) or published only as text (see {@link planCapSchema}). */
export type PlanCap = z.infer<typeof planCapSchema>;

/** What a plan's model is used for in the comparison. */
export const EQUIVALENT_ROLES = ["primary", "fallback", "reasoning"] as const;
/** `primary`, `fallback` or `reasoning`: what an equivalent API model stands in for. */
export type EquivalentRole = (typeof EQUIVALENT_ROLES)[number];

/**
 * The API model that is the fair equivalent of what the plan serves. `model` must be an id or alias in
 * the pricing table (a data test checks). `servedAs` is what the app calls it.
 */
export const equivalentModelSchema = z
  .object({
    model: slug,
    role: z.enum(EQUIVALENT_ROLES),
    servedAs: z.string().min(1),
    /** Why this API model is the fair equivalent (and where the match is approximate). */
    why: z.string().min(1),
  })
  .strict();
/** The API model that fairly stands in for what a plan serves (see {@link equivalentModelSchema}). */
export type EquivalentModel = z.infer<typeof equivalentModelSchema>;

/** Kinds of things a plan includes that buying tokens does not. */
export const INCLUSION_KINDS = [
  "image-generation",
  "video-generation",
  "voice",
  "deep-research",
  "web-search",
  "agent",
  "coding-agent",
  "file-analysis",
  "memory",
  "projects",
  "custom-assistants",
  "storage",
  "api-credit",
  "bundled-service",
  "ads",
  "priority-access",
] as const;
/** A kind of thing a plan includes that tokens do not buy (image generation, voice…). */
export type InclusionKind = (typeof INCLUSION_KINDS)[number];

/** Something the plan includes (or, for `ads`, imposes) that a token price does not capture. */
export const inclusionSchema = z
  .object({
    kind: z.enum(INCLUSION_KINDS),
    text: z.string().min(1),
  })
  .strict();
/** Something a plan includes that tokens do not buy (see {@link inclusionSchema}). */
export type Inclusion = z.infer<typeof inclusionSchema>;

/**
 * What the plan gives, as of `asOf`: caps, equivalent models and inclusions. Plans change these more
 * often than their price; this block describes the newest state the sources show, not its history.
 */
export const planTermsSchema = z
  .object({
    /** The date of the newest source behind these terms. */
    asOf: isoDate,
    caps: z.array(planCapSchema),
    equivalentModels: z.array(equivalentModelSchema).min(1),
    includes: z.array(inclusionSchema),
    ...provenanceShape,
    note: z.string().optional(),
  })
  .strict();
/** Caps, equivalent models and inclusions of a plan, as of `asOf` (see {@link planTermsSchema}). */
export type PlanTerms = z.infer<typeof planTermsSchema>;

/** One consumer plan. */
export const planSchema = z
  .object({
    /** Canonical id: `<product>-<tier>`, e.g. `chatgpt-plus`, `claude-max-5x`. */
    id: slug,
    /** Other ids that mean this plan. Unique across the table. */
    aliases: z.array(slug).default([]),
    /** Provider id as in the pricing table (`openai`, `anthropic`, `google`). */
    provider: slug,
    /** The app the plan is for: ChatGPT, Claude, Gemini. */
    product: z.string().min(1),
    displayName: z.string().min(1),
    /** The provider's plans/pricing page. */
    pricingUrl: url,
    /** Oldest first per billing cadence; periods of one cadence must not overlap. */
    prices: z.array(planPriceRecordSchema).min(1),
    terms: planTermsSchema,
    /** Retired: no longer sold after this date (a comparison at a later date refuses it). */
    retiredOn: isoDate.optional(),
  })
  .strict();
/** One subscription plan with its dated prices and terms (see {@link planSchema}). */
export type Plan = z.infer<typeof planSchema>;
/** A plan as written in `pricing/plans.json` (defaulted fields optional). */
export type PlanInput = z.input<typeof planSchema>;

/** The whole `pricing/plans.json`: every plan, stamped with a version (`YYYY.MM.DD`, optionally `.N`). */
export const plansTableSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, {
      error: "expected a version like 2026.11.27",
    }),
    publishedOn: isoDate,
    /** Every amount in the table is in this currency (only USD today). */
    currency: z.literal("USD"),
    plans: z.array(planSchema).min(1),
  })
  .strict();
/** The validated plans table (see {@link plansTableSchema}). */
export type PlansTable = z.infer<typeof plansTableSchema>;
/** The plans table as written in `pricing/plans.json`. */
export type PlansTableInput = z.input<typeof plansTableSchema>;

/**
 * The JSON Schema of `pricing/plans.json`, generated from {@link plansTableSchema}, for editors'
 * autocompletion. `scripts/gen-pricing.ts` writes it to `pricing/schema/plans.schema.json`.
 *
 * @example
 * writeFileSync("pricing/schema/plans.schema.json", JSON.stringify(plansJsonSchema(), null, 2));
 */
export function plansJsonSchema(): Record<string, unknown> {
  // The input side: people write the file, so defaulted fields are optional.
  return z.toJSONSchema(plansTableSchema, { io: "input" }) as Record<string, unknown>;
}
