import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CHATGPT_MODEL_SLUGS, findModel, mapChatGptModelSlug } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

describe("ChatGPT model slug table", () => {
  it.each([
    // slug, answer date, API model, effort, basis
    ["text-davinci-002-render-sha", "2023-04-01", "gpt-3.5-turbo", undefined, "closest"],
    ["text-davinci-002-render-paid", "2023-02-01", "gpt-3.5-turbo", undefined, "closest"],
    ["gpt-4", "2023-11-05T23:59:59Z", "gpt-4", undefined, "closest"],
    ["gpt-4", "2023-11-06T00:00:00Z", "gpt-4-turbo", undefined, "closest"],
    ["gpt-4-browsing", "2023-06-01", "gpt-4", undefined, "closest"],
    ["gpt-4-gizmo", "2024-02-01", "gpt-4-turbo", undefined, "closest"],
    ["gpt-4o", "2024-06-01", "gpt-4o", undefined, "same-model"],
    ["gpt-4o-canmore", "2024-11-01", "gpt-4o", undefined, "same-model"],
    ["gpt-4o-mini", "2024-08-01", "gpt-4o-mini", undefined, "same-model"],
    ["o1-preview", "2024-10-01", "o1-preview", undefined, "same-model"],
    ["o1", "2025-01-01", "o1", undefined, "same-model"],
    ["o3-mini-high", "2025-02-10", "o3-mini", "high", "same-model"],
    ["o3", "2025-05-01", "o3", undefined, "same-model"],
    ["o4-mini-high", "2025-05-01", "o4-mini", "high", "same-model"],
    ["gpt-4-5", "2025-03-01", "gpt-4.5-preview", undefined, "same-model"],
    ["gpt-4-1", "2025-06-01", "gpt-4.1", undefined, "same-model"],
    ["gpt-5", "2025-09-01", "gpt-5", undefined, "closest"],
    ["gpt-5-thinking", "2025-09-01", "gpt-5", undefined, "same-model"],
    // "none": no reasoning tokens even when a table (LiteLLM's) marks gpt-5-chat-latest as reasoning.
    ["gpt-5-instant", "2025-09-01", "gpt-5-chat-latest", "none", "same-model"],
    ["gpt-5-t-mini", "2025-09-01", "gpt-5-mini", undefined, "closest"],
    ["gpt-5-pro", "2025-09-01", "gpt-5-pro", undefined, "same-model"],
    ["research", "2025-03-01", "o3-deep-research", undefined, "closest"],
  ] as const)("maps %s (on %s) to %s", (slug, at, apiModel, effort, basis) => {
    const mapping = mapChatGptModelSlug(slug, at);
    expect(mapping.apiModel).toBe(apiModel);
    expect(mapping.reasoningEffort).toBe(effort);
    expect(mapping.basis).toBe(basis);
  });

  it("uses a slug's latest meaning when the date is unknown", () => {
    expect(mapChatGptModelSlug("gpt-4").apiModel).toBe("gpt-4-turbo");
  });

  it("maps GPT-5 point releases by the dash-for-dot rule, marked as a pattern", () => {
    expect(mapChatGptModelSlug("gpt-5-1")).toMatchObject({ apiModel: "gpt-5.1", basis: "pattern" });
    expect(mapChatGptModelSlug("gpt-5-2-thinking").apiModel).toBe("gpt-5.2");
    expect(mapChatGptModelSlug("gpt-5-2-instant").apiModel).toBe("gpt-5.2-chat-latest");
    expect(mapChatGptModelSlug("gpt-5-6-pro").apiModel).toBe("gpt-5.6-pro");
    expect(mapChatGptModelSlug("gpt-5-123").basis).toBe("unknown");
  });

  it("never invents a model for the router or an unknown slug", () => {
    expect(mapChatGptModelSlug("auto").apiModel).toBeUndefined();
    const unknown = mapChatGptModelSlug("gpt-9-omega");
    expect(unknown).toMatchObject({ slug: "gpt-9-omega", basis: "unknown" });
    expect(unknown.apiModel).toBeUndefined();
  });

  it("ignores case and surrounding spaces", () => {
    expect(mapChatGptModelSlug("  GPT-4o ").apiModel).toBe("gpt-4o");
  });

  it("lists each slug once", () => {
    const slugs = CHATGPT_MODEL_SLUGS.flatMap((entry) => entry.slugs);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toBe(slug.toLowerCase());
  });

  it("maps only to models the pricing table knows", () => {
    const targets = new Set<string>();
    for (const entry of CHATGPT_MODEL_SLUGS) {
      if (entry.apiModel !== undefined) targets.add(entry.apiModel);
      for (const period of entry.periods ?? []) targets.add(period.apiModel);
    }
    expect(targets.size).toBeGreaterThan(15);
    const missing = [...targets].filter((id) => {
      try {
        findModel(id);
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it("has period boundaries in order and a note for every entry", () => {
    for (const entry of CHATGPT_MODEL_SLUGS) {
      expect(entry.note.length).toBeGreaterThan(10);
      const untils = (entry.periods ?? []).map((period) => period.until);
      expect([...untils].sort()).toEqual(untils);
    }
  });

  it("is documented row for row in packages/core/README.md", () => {
    const readme = readFileSync(
      fileURLToPath(new URL("../../packages/core/README.md", import.meta.url)),
      "utf8",
    );
    const start = readme.indexOf("### ChatGPT model slugs");
    const section = readme.slice(start, readme.indexOf("\n### ", start + 1));
    const rows = section
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| /, "").replace(/ \|$/, "")));
    const documented = rows.map(([slugs, model, effort, basis]) => ({
      slugs: (slugs ?? "").split(", ").map((slug) => slug.replaceAll("`", "")),
      models: [...(model ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1]),
      effort: effort === "" ? undefined : effort,
      basis,
    }));
    expect(documented).toEqual(
      CHATGPT_MODEL_SLUGS.map((entry) => ({
        slugs: [...entry.slugs],
        models: [
          ...(entry.periods ?? []).map((period) => period.apiModel),
          ...(entry.apiModel === undefined ? [] : [entry.apiModel]),
        ],
        effort: entry.reasoningEffort,
        basis: entry.basis,
      })),
    );
  });
});
