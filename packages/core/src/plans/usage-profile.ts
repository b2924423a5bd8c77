import { z } from "zod";
import { TokenmeterError } from "../errors.ts";

/**
 * How much someone chats, in the terms a person can estimate: messages a day, how long prompts and
 * replies are, how long a conversation runs before a new chat, what is pasted in. `projectMonthly`
 * turns it into a month of API calls. Every number has its unit in its name.
 */

/**
 * OpenAI's rule of thumb for English: "1 token ≈ ¾ of a word; 100 tokens ≈ 75 words"
 * (help.openai.com/en/articles/4936856), i.e. 4/3 tokens per word. Other tokenizers differ; the
 * profile's `tokensPerWord` overrides it.
 */
export const DEFAULT_TOKENS_PER_WORD = 4 / 3;

/**
 * The least time one exchange can take (type or paste a prompt, get a reply): 5 seconds. A profile
 * that needs more than its active hours at this pace is impossible, e.g. 20,000 messages a day.
 */
export const MIN_SECONDS_PER_MESSAGE = 5;

/** The most tokens any one length may be (10 million; larger than any model's context). */
export const MAX_TOKENS_PER_PART = 10_000_000;

/** Average days per month (365.25 / 12), to convert weekly to monthly counts. */
export const DAYS_PER_MONTH = 365.25 / 12;

const finite = (what: string) =>
  z.number({ error: `${what} must be a finite number` }).refine(Number.isFinite, {
    error: `${what} must be a finite number (not NaN or Infinity)`,
  });

/** A length given as tokens or as words (converted with `tokensPerWord`). */
export const textLengthSchema = z.union(
  [
    z
      .object({
        tokens: finite("tokens")
          .pipe(z.number().int({ error: "tokens must be a whole number" }))
          .pipe(z.number().min(0, { error: "tokens cannot be negative" }))
          .pipe(z.number().max(MAX_TOKENS_PER_PART, { error: "tokens is above 10,000,000" })),
      })
      .strict(),
    z
      .object({
        words: finite("words")
          .pipe(z.number().min(0, { error: "words cannot be negative" }))
          .pipe(z.number().max(MAX_TOKENS_PER_PART, { error: "words is above 10,000,000" })),
      })
      .strict(),
  ],
  { error: "expected a length: { tokens: 120 } or { words: 90 }" },
);
/** A length as `{ tokens }` or `{ words }`. */
export type TextLength = z.infer<typeof textLengthSchema>;

/** Reasoning effort levels, as the providers name them. */
export const REASONING_EFFORTS = ["minimal", "low", "medium", "high", "xhigh"] as const;
/** Reasoning effort of a profile's reasoning messages, as the providers name the levels. */
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** Prompt-caching assumption: the provider's own behaviour, or none at all (a pessimistic bound). */
export const CACHING_MODES = ["provider-default", "off"] as const;
/** `provider-default` (what the provider caches unasked) or `off` (a pessimistic bound). */
export type CachingMode = (typeof CACHING_MODES)[number];

const share = (what: string) =>
  finite(what)
    .pipe(z.number().min(0, { error: `${what} cannot be below 0` }))
    .pipe(z.number().max(1, { error: `${what} is a share: at most 1 (100%)` }));

const cv = (what: string) =>
  finite(what)
    .pipe(z.number().min(0, { error: `${what} cannot be negative` }))
    .pipe(z.number().max(1, { error: `${what} above 1 (±100%) is not a usable estimate` }));

/**
 * The zod schema of a {@link UsageProfile}: every number finite, non-negative and plausible (no more
 * messages a day than `activeHoursPerDay` allows at 5 s a message). Use {@link parseUsageProfile}
 * for person-readable errors.
 */
export const usageProfileSchema = z
  .object({
    /** A label for people ("moderate"). */
    name: z.string().max(200).optional(),
    /** Messages the person sends per active day. Give this or `messagesPerWeek`. */
    messagesPerDay: finite("messagesPerDay")
      .pipe(z.number().min(0, { error: "messagesPerDay cannot be negative" }))
      .optional(),
    /** Messages per week, spread over the active days. Give this or `messagesPerDay`. */
    messagesPerWeek: finite("messagesPerWeek")
      .pipe(z.number().min(0, { error: "messagesPerWeek cannot be negative" }))
      .optional(),
    /** Days a month with any chat. At most the days of the month projected (clamped there, and said so). */
    activeDaysPerMonth: finite("activeDaysPerMonth")
      .pipe(z.number().min(0, { error: "activeDaysPerMonth cannot be negative" }))
      .pipe(z.number().max(31, { error: "activeDaysPerMonth cannot exceed 31" })),
    /** Hours of the day over which the messages are spread; used for per-window caps. */
    activeHoursPerDay: finite("activeHoursPerDay")
      .pipe(z.number().gt(0, { error: "activeHoursPerDay must be above 0" }))
      .pipe(z.number().max(24, { error: "a day has 24 hours: activeHoursPerDay cannot exceed 24" }))
      .default(8),
    /** A typical message the person types (excluding pasted documents). */
    prompt: textLengthSchema,
    /** A typical visible reply. */
    reply: textLengthSchema,
    /** Messages (user turns) in a conversation before a new chat is started. */
    turnsPerConversation: finite("turnsPerConversation")
      .pipe(z.number().int({ error: "turnsPerConversation must be a whole number" }))
      .pipe(z.number().min(1, { error: "turnsPerConversation must be at least 1" }))
      .pipe(z.number().max(10_000, { error: "turnsPerConversation cannot exceed 10,000" })),
    /** The app's system prompt plus custom instructions and memory, sent with every call, in tokens. */
    systemPromptTokens: finite("systemPromptTokens")
      .pipe(z.number().int({ error: "systemPromptTokens must be a whole number" }))
      .pipe(z.number().min(0, { error: "systemPromptTokens cannot be negative" }))
      .pipe(z.number().max(MAX_TOKENS_PER_PART))
      .default(0),
    /** Pasted documents or attachments: their length, and in what share of conversations (in the first message). */
    attachment: z
      .object({
        length: textLengthSchema,
        shareOfConversations: share("attachment.shareOfConversations"),
      })
      .strict()
      .optional(),
    /** Share of messages sent to a reasoning model, and its effort. */
    reasoning: z
      .object({
        shareOfMessages: share("reasoning.shareOfMessages"),
        effort: z.enum(REASONING_EFFORTS, {
          error: `reasoning.effort must be one of ${REASONING_EFFORTS.join(", ")}`,
        }),
      })
      .strict()
      .default({ shareOfMessages: 0, effort: "medium" }),
    /** Prompt-caching assumption. */
    caching: z
      .enum(CACHING_MODES, { error: `caching must be one of ${CACHING_MODES.join(", ")}` })
      .default("provider-default"),
    /** The models that answer each message: one, or several side by side (a multi-model room). */
    models: z
      .array(z.string().min(1).max(200))
      .min(1, { error: "models needs at least one model id" })
      .max(20, { error: "a room of more than 20 models is not supported" })
      .optional(),
    /**
     * How uncertain the estimate is, as coefficients of variation of month-level factors: `volumeCv` for
     * the number of messages, `lengthCv` for message lengths. 0.3 means "typically ±30%".
     */
    variability: z
      .object({
        volumeCv: cv("variability.volumeCv").default(0.3),
        lengthCv: cv("variability.lengthCv").default(0.25),
      })
      .strict()
      .default({ volumeCv: 0.3, lengthCv: 0.25 }),
    /** Tokens per word for lengths given in words (default 4/3, OpenAI's rule of thumb for English). */
    tokensPerWord: finite("tokensPerWord")
      .pipe(z.number().gt(0, { error: "tokensPerWord must be above 0" }))
      .pipe(z.number().max(20, { error: "tokensPerWord above 20 is not plausible" }))
      .default(DEFAULT_TOKENS_PER_WORD),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const hasDay = profile.messagesPerDay !== undefined;
    const hasWeek = profile.messagesPerWeek !== undefined;
    if (hasDay === hasWeek) {
      ctx.addIssue({
        code: "custom",
        path: [hasDay ? "messagesPerWeek" : "messagesPerDay"],
        message: hasDay
          ? "give messagesPerDay or messagesPerWeek, not both"
          : "give messagesPerDay or messagesPerWeek",
      });
      return;
    }
    const perActiveDay = messagesPerActiveDayOf(profile);
    if (perActiveDay > 0 && profile.activeDaysPerMonth === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["activeDaysPerMonth"],
        message: "messages are sent but activeDaysPerMonth is 0; set the days a month you chat",
      });
      return;
    }
    const neededHours = (perActiveDay * MIN_SECONDS_PER_MESSAGE) / 3600;
    if (neededHours > profile.activeHoursPerDay) {
      const path = hasDay ? "messagesPerDay" : "messagesPerWeek";
      ctx.addIssue({
        code: "custom",
        path: [path],
        message:
          `${round(perActiveDay)} messages per active day need at least ${round(neededHours)} hours ` +
          `at ${MIN_SECONDS_PER_MESSAGE} s per message, more than activeHoursPerDay ` +
          `(${profile.activeHoursPerDay} h${neededHours > 24 ? ", and more than a day has" : ""}); lower ${path} or raise activeHoursPerDay`,
      });
    }
  });

/** A validated usage profile, defaults filled in. */
export type UsageProfile = z.infer<typeof usageProfileSchema>;
/** A usage profile as a person writes it (defaulted fields optional). */
export type UsageProfileInput = z.input<typeof usageProfileSchema>;

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Messages per active day: `messagesPerDay`, or `messagesPerWeek` spread over the active days of an
 * average month (`messagesPerWeek × (365.25/12/7) ÷ activeDaysPerMonth`).
 */
export function messagesPerActiveDayOf(
  profile: Pick<UsageProfile, "messagesPerDay" | "messagesPerWeek" | "activeDaysPerMonth">,
): number {
  if (profile.messagesPerDay !== undefined) return profile.messagesPerDay;
  const perWeek = profile.messagesPerWeek ?? 0;
  if (perWeek === 0 || profile.activeDaysPerMonth === 0) return 0;
  return (perWeek * (DAYS_PER_MONTH / 7)) / profile.activeDaysPerMonth;
}

/** Tokens of a length: as given, or `round(words × tokensPerWord)`. */
export function tokensOf(length: TextLength, tokensPerWord: number): number {
  return "tokens" in length ? length.tokens : Math.round(length.words * tokensPerWord);
}

/**
 * Validates a usage profile (from a form, a file or code) and fills its defaults.
 *
 * @throws TokenmeterError `INVALID_INPUT`; the message lists every problem with its field, e.g.
 *   `messagesPerDay: messagesPerDay cannot be negative`; `details.issues` holds `{ path, message }`.
 * @example
 * const profile = parseUsageProfile({ messagesPerDay: 20, activeDaysPerMonth: 22,
 *   prompt: { words: 60 }, reply: { words: 250 }, turnsPerConversation: 8 });
 */
export function parseUsageProfile(input: unknown): UsageProfile {
  const parsed = usageProfileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)).join("."),
    message: issue.message,
  }));
  throw new TokenmeterError(
    "INVALID_INPUT",
    `The usage profile is not valid:\n${issues
      .map((i) => `  ${i.path === "" ? "(profile)" : i.path}: ${i.message}`)
      .join("\n")}`,
    { cause: parsed.error, details: { issues } },
  );
}
