/**
 * ChatGPT records the model of each answer as a "slug" (`metadata.model_slug`) that is not always
 * an API model id. This table maps each known slug to the API model whose price best answers
 * "what would this answer have cost on the API". Slugs not in the table (and not matching the
 * GPT-5.x pattern) are reported as unknown and never priced.
 *
 * `basis` says how close the match is:
 * - `same-model`: ChatGPT served this API model (possibly a ChatGPT-tuned snapshot of it).
 * - `closest`: no API model is exactly the ChatGPT one; this is the nearest priced equivalent.
 * - `router`: the slug names ChatGPT's model picker, not a model: nothing to price.
 *
 * Sources: OpenAI's model release posts and ChatGPT release notes (dates in the notes). Where a
 * slug's meaning changed over time, `periods` picks the model by the answer's date.
 */
export interface ChatGptSlugEntry {
  /** Slugs as they appear in exports (lower case). */
  slugs: readonly string[];
  /** The API model id (in effect after the last `periods` entry). `undefined`: no single model. */
  apiModel: string | undefined;
  /** Earlier meanings of the slug, oldest first: before `until` (exclusive, UTC date), `apiModel`. */
  periods?: readonly { until: string; apiModel: string }[];
  /**
   * Reasoning effort the slug implies: the "-high" variants, and `none` for ChatGPT's
   * non-reasoning models (so a pricing table that marks their API model as a reasoning one,
   * as LiteLLM's does for gpt-5-chat-latest, does not add reasoning tokens).
   */
  reasoningEffort?: "none" | "low" | "medium" | "high";
  basis: "same-model" | "closest" | "router";
  note: string;
}

/** The slug → API model table. Documented in packages/core/README.md ("ChatGPT model slugs"). */
export const CHATGPT_MODEL_SLUGS: readonly ChatGptSlugEntry[] = [
  {
    slugs: [
      "text-davinci-002-render",
      "text-davinci-002-render-sha",
      "text-davinci-002-render-sha-mobile",
      "text-davinci-002-render-paid",
    ],
    apiModel: "gpt-3.5-turbo",
    basis: "closest",
    note: "ChatGPT's GPT-3.5 (the default model from launch until GPT-4o replaced it in 2024); gpt-3.5-turbo is its API counterpart",
  },
  {
    slugs: [
      "gpt-4",
      "gpt-4-mobile",
      "gpt-4-browsing",
      "gpt-4-plugins",
      "gpt-4-code-interpreter",
      "gpt-4-dalle",
    ],
    apiModel: "gpt-4-turbo",
    periods: [{ until: "2023-11-06", apiModel: "gpt-4" }],
    basis: "closest",
    note: "GPT-4 in ChatGPT: the original GPT-4 until OpenAI DevDay (2023-11-06), where OpenAI announced that ChatGPT now uses GPT-4 Turbo",
  },
  {
    slugs: ["gpt-4-gizmo", "gpt-4-magic-create"],
    apiModel: "gpt-4-turbo",
    basis: "closest",
    note: "custom GPTs (and the GPT builder), introduced at DevDay 2023-11-06 on GPT-4 Turbo",
  },
  {
    slugs: ["gpt-4o", "gpt-4o-canmore"],
    apiModel: "gpt-4o",
    basis: "same-model",
    note: "GPT-4o (from 2024-05-13; canmore = canvas). ChatGPT serves its own snapshot, sold in the API as chatgpt-4o-latest at a higher price; gpt-4o is what an API user would pick",
  },
  {
    slugs: ["gpt-4o-mini"],
    apiModel: "gpt-4o-mini",
    basis: "same-model",
    note: "GPT-4o mini (from 2024-07-18)",
  },
  {
    slugs: ["o1-preview"],
    apiModel: "o1-preview",
    basis: "same-model",
    note: "o1-preview (2024-09-12)",
  },
  { slugs: ["o1-mini"], apiModel: "o1-mini", basis: "same-model", note: "o1-mini (2024-09-12)" },
  { slugs: ["o1"], apiModel: "o1", basis: "same-model", note: "o1 (2024-12-05)" },
  { slugs: ["o1-pro"], apiModel: "o1-pro", basis: "same-model", note: "o1 pro mode (ChatGPT Pro)" },
  { slugs: ["o3-mini"], apiModel: "o3-mini", basis: "same-model", note: "o3-mini (2025-01-31)" },
  {
    slugs: ["o3-mini-high"],
    apiModel: "o3-mini",
    reasoningEffort: "high",
    basis: "same-model",
    note: "o3-mini at high reasoning effort",
  },
  { slugs: ["o3"], apiModel: "o3", basis: "same-model", note: "o3 (2025-04-16)" },
  { slugs: ["o3-pro"], apiModel: "o3-pro", basis: "same-model", note: "o3-pro (2025-06-10)" },
  { slugs: ["o4-mini"], apiModel: "o4-mini", basis: "same-model", note: "o4-mini (2025-04-16)" },
  {
    slugs: ["o4-mini-high"],
    apiModel: "o4-mini",
    reasoningEffort: "high",
    basis: "same-model",
    note: "o4-mini at high reasoning effort",
  },
  {
    slugs: ["gpt-4-5", "gpt-4.5"],
    apiModel: "gpt-4.5-preview",
    basis: "same-model",
    note: "GPT-4.5 research preview (2025-02-27)",
  },
  {
    slugs: ["gpt-4-1", "gpt-4.1"],
    apiModel: "gpt-4.1",
    basis: "same-model",
    note: "GPT-4.1 (ChatGPT from 2025-05-14)",
  },
  {
    slugs: ["gpt-4-1-mini", "gpt-4.1-mini"],
    apiModel: "gpt-4.1-mini",
    basis: "same-model",
    note: "GPT-4.1 mini (ChatGPT from 2025-05-14)",
  },
  {
    slugs: ["gpt-5"],
    apiModel: "gpt-5",
    basis: "closest",
    note: "GPT-5 (2025-08-07); ChatGPT's router may have answered with its fast or its thinking model, both priced as gpt-5",
  },
  {
    slugs: ["gpt-5-thinking"],
    apiModel: "gpt-5",
    basis: "same-model",
    note: "GPT-5 Thinking: the gpt-5 reasoning model",
  },
  {
    slugs: ["gpt-5-instant", "gpt-5-main", "gpt-5-chat"],
    apiModel: "gpt-5-chat-latest",
    reasoningEffort: "none",
    basis: "same-model",
    note: "GPT-5 Instant: the non-reasoning model ChatGPT uses, gpt-5-chat-latest in the API",
  },
  {
    slugs: ["gpt-5-mini", "gpt-5-t-mini", "gpt-5-thinking-mini"],
    apiModel: "gpt-5-mini",
    basis: "closest",
    note: "GPT-5 mini / GPT-5 Thinking mini",
  },
  {
    slugs: ["gpt-5-pro", "gpt-5-thinking-pro"],
    apiModel: "gpt-5-pro",
    basis: "same-model",
    note: "GPT-5 Pro (ChatGPT Pro)",
  },
  {
    slugs: ["research", "deep-research"],
    apiModel: "o3-deep-research",
    basis: "closest",
    note: "deep research (2025-02-02) ran on a version of o3; o3-deep-research is its API counterpart. Its browsing is billed per search in the API and is not counted",
  },
  {
    slugs: ["auto"],
    apiModel: undefined,
    basis: "router",
    note: "the ChatGPT router: the model that answered was not recorded",
  },
];

/** The result of {@link mapChatGptModelSlug}. */
export interface ChatGptModelMapping {
  /** The slug, lower-cased and trimmed. */
  slug: string;
  /** The API model id to price with; absent when the slug is unknown or names no single model. */
  apiModel?: string;
  reasoningEffort?: "none" | "low" | "medium" | "high";
  /** `pattern`: derived from the GPT-5.x naming rule; `unknown`: not in the table. */
  basis: "same-model" | "closest" | "router" | "pattern" | "unknown";
  note: string;
}

const bySlug = new Map<string, ChatGptSlugEntry>();
for (const entry of CHATGPT_MODEL_SLUGS) {
  for (const slug of entry.slugs) bySlug.set(slug, entry);
}

/** `gpt-5-1`, `gpt-5-2-thinking`, `gpt-5-6-pro`…: ChatGPT writes the version's dot as a dash. */
const GPT5_POINT_RELEASE =
  /^gpt-5-(\d{1,2})(?:-(instant|chat|thinking|pro|mini|t-mini|thinking-mini))?$/;

const POINT_RELEASE_SUFFIX: Readonly<Record<string, string>> = {
  instant: "-chat-latest",
  chat: "-chat-latest",
  thinking: "",
  pro: "-pro",
  mini: "-mini",
  "t-mini": "-mini",
  "thinking-mini": "-mini",
};

/**
 * Maps a ChatGPT model slug to the API model id used to price it.
 *
 * @param slug `metadata.model_slug` (or `default_model_slug`) as exported, e.g. `gpt-4o`, `o4-mini-high`.
 * @param at when the answer was written (ISO date or timestamp): slugs whose meaning changed over
 *   time (`gpt-4`) are mapped by date. Without it, the latest meaning is used.
 * @example
 * mapChatGptModelSlug("o4-mini-high") // { slug: "o4-mini-high", apiModel: "o4-mini", reasoningEffort: "high", basis: "same-model", note: … }
 * mapChatGptModelSlug("gpt-4", "2023-05-01").apiModel // "gpt-4"
 * mapChatGptModelSlug("gpt-5-2-thinking").apiModel // "gpt-5.2" (basis "pattern")
 * mapChatGptModelSlug("some-new-slug").apiModel // undefined (basis "unknown")
 */
export function mapChatGptModelSlug(slug: string, at?: string): ChatGptModelMapping {
  const key = typeof slug === "string" ? slug.trim().toLowerCase() : "";
  const entry = bySlug.get(key);
  if (entry !== undefined) {
    let apiModel = entry.apiModel;
    if (entry.periods !== undefined && typeof at === "string") {
      const day = at.slice(0, 10);
      const period = entry.periods.find((candidate) => day < candidate.until);
      if (period !== undefined) apiModel = period.apiModel;
    }
    return {
      slug: key,
      ...(apiModel === undefined ? {} : { apiModel }),
      ...(entry.reasoningEffort === undefined ? {} : { reasoningEffort: entry.reasoningEffort }),
      basis: entry.basis,
      note: entry.note,
    };
  }
  const pointRelease = GPT5_POINT_RELEASE.exec(key);
  if (pointRelease !== null) {
    const [, minor, variant] = pointRelease;
    const suffix = variant === undefined ? "" : (POINT_RELEASE_SUFFIX[variant] ?? "");
    return {
      slug: key,
      apiModel: `gpt-5.${minor}${suffix}`,
      ...(suffix === "-chat-latest" ? { reasoningEffort: "none" as const } : {}),
      basis: "pattern",
      note: `GPT-5.${minor} (slug written with a dash for the dot); priced only if the pricing table has this id`,
    };
  }
  return {
    slug: key,
    basis: "unknown",
    note: "not in tokenmeter's ChatGPT slug table: answers with this model are reported, not priced",
  };
}
