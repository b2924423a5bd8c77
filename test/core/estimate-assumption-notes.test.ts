// The assumptions list of an estimate: one sentence per assumption, models merged, counts honest.
import { describe, expect, it } from "vitest";
import { createAssumptionNotes } from "../../packages/core/src/estimate/assumption-notes.ts";
import { countNoun, listWords } from "../../packages/core/src/report/count-noun.ts";

const asIs = (sentence: string) => sentence;

describe("countNoun and listWords", () => {
  it.each([
    [1, "request", "1 request"],
    [2, "request", "2 requests"],
    [0, "conversation", "0 conversations"],
    [7303, "request", "7,303 requests"],
    [2, "entry", "2 entries"],
    [1, "entry", "1 entry"],
  ])("%i %s → %s", (count, noun, expected) => {
    expect(countNoun(count, noun)).toBe(expected);
  });

  it("joins words for a sentence", () => {
    expect(listWords([])).toBe("");
    expect(listWords(["o3"])).toBe("o3");
    expect(listWords(["o3", "gpt-5"])).toBe("o3 and gpt-5");
    expect(listWords(["o1", "o3", "gpt-5"])).toBe("o1, o3 and gpt-5");
  });
});

describe("createAssumptionNotes", () => {
  it("merges sentences that differ only in their model into one that lists the models", () => {
    const notes = createAssumptionNotes(asIs);
    for (const model of ["o3", "gpt-5", "gpt-4.1"]) {
      notes.add(
        "conversation-replay",
        `${model} chat overhead: 4 tokens per message and 3 per call (assumed as for gpt-4o; not API-confirmed for this model).`,
        { unit: "conversation", subject: model, occurrence: {} },
      );
    }
    expect(notes.list()).toEqual([
      {
        id: "conversation-replay",
        description:
          "Chat overhead of o3, gpt-5 and gpt-4.1: 4 tokens per message and 3 per call (assumed as for gpt-4o; not API-confirmed for these models). (3 conversations)",
      },
    ]);
  });

  it("keeps a model's own sentence when it is the only one, and keeps sentences that differ in more", () => {
    const notes = createAssumptionNotes(asIs);
    notes.add("r", "o3 reasoning tokens estimated at 3 × the visible reply.", { subject: "o3" });
    notes.add("r", "o4-mini reasoning tokens estimated at 8 × the visible reply.", {
      subject: "o4-mini",
    });
    expect(notes.list().map((note) => note.description)).toEqual([
      "o3 reasoning tokens estimated at 3 × the visible reply.",
      "o4-mini reasoning tokens estimated at 8 × the visible reply.",
    ]);
  });

  it("matches a model id only as a whole id: o3 is not part of o3-mini, a sentence's last dot is not part of an id", () => {
    const notes = createAssumptionNotes(asIs);
    notes.add("c", "Prompt caching: none for o3. o3-mini is different.", { subject: "o3" });
    notes.add("c", "Prompt caching: none for gpt-4.1. o3-mini is different.", {
      subject: "gpt-4.1",
    });
    expect(notes.list().map((note) => note.description)).toEqual([
      "Prompt caching: none for o3 and gpt-4.1. o3-mini is different. (2 times)",
    ]);
  });

  it("keeps plural grammar (has → have, is not a reasoning model → are not reasoning models), reasoning before caching", () => {
    const notes = createAssumptionNotes(asIs);
    for (const model of ["gpt-4", "o1-mini"]) {
      notes.add("c", `Prompt caching: ${model} has no cached-input price.`, { subject: model });
      notes.add("n", `${model} is not a reasoning model: no reasoning tokens.`, { subject: model });
    }
    expect(notes.list().map((note) => note.description)).toEqual([
      "gpt-4 and o1-mini are not reasoning models: no reasoning tokens. (2 times)",
      "Prompt caching: gpt-4 and o1-mini have no cached-input price. (2 times)",
    ]);
  });

  it("counts a conversation once under a sentence two of its models state", () => {
    const notes = createAssumptionNotes(asIs);
    const caching = "Prompt caching (provider default): OpenAI caches repeated prefixes.";
    // Ten conversations, each replayed on gpt-4o and on gpt-4o-mini: ten, not twenty.
    for (let conversation = 0; conversation < 10; conversation += 1) {
      const occurrence = {};
      for (const model of ["gpt-4o", "gpt-4o-mini"]) {
        notes.add("conversation-replay", caching, {
          unit: "conversation",
          subject: model,
          occurrence,
        });
      }
    }
    expect(notes.list()).toEqual([
      { id: "conversation-replay", description: `${caching} (10 conversations)` },
    ]);
  });

  it("lists merged notes in one sentence with a count each, after the replay notes", () => {
    const notes = createAssumptionNotes(asIs);
    const first = (model: string, day: string) =>
      notes.add("first-price", `${model} had no API price before ${day}.`, {
        unit: "request",
        merge: {
          key: "first-price",
          intro: "Before first prices",
          item: `${model}, first priced ${day}`,
        },
      });
    for (let request = 0; request < 1234; request += 1) first("claude-sonnet-4-5", "2025-09-29");
    first("o3", "2025-04-16");
    notes.add("other", "Something else.");
    notes.add("conversation-replay", "gpt-4o chat overhead: 4 tokens per message.", {
      subject: "gpt-4o",
    });
    expect(notes.list().map((note) => note.description)).toEqual([
      "gpt-4o chat overhead: 4 tokens per message.",
      "Before first prices: claude-sonnet-4-5, first priced 2025-09-29 (1,234 requests); o3, first priced 2025-04-16 (1 request).",
      "Something else.",
    ]);
  });

  it("passes every sentence, and a merge's intro, through the wording", () => {
    const notes = createAssumptionNotes((sentence) =>
      sentence.replace("the strict option", "--strict"),
    );
    notes.add("a", "Use the strict option.");
    notes.add("b", "x", { merge: { key: "k", intro: "With the strict option", item: "y" } });
    expect(notes.list().map((note) => note.description)).toEqual([
      "With --strict: y (1 time).",
      "Use --strict.",
    ]);
  });
});
