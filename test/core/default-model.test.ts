// The default plan and model come from the plans data, not from code: checked against the JSON file.
import { readFileSync } from "node:fs";
import { DEFAULT_PLAN_ID, defaultModelId, planPrimaryModel } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";

interface PlansFile {
  plans: { id: string; terms: { equivalentModels: { model: string; role: string }[] } }[];
}

const plansFile = JSON.parse(
  readFileSync(new URL("../../pricing/plans.json", import.meta.url), "utf8"),
) as PlansFile;

function primaryInFile(planId: string): string | undefined {
  return plansFile.plans
    .find((plan) => plan.id === planId)
    ?.terms.equivalentModels.find((model) => model.role === "primary")?.model;
}

describe("default plan and model", () => {
  it("compares with ChatGPT Plus by default and prices on the model pricing/plans.json names for it", () => {
    expect(DEFAULT_PLAN_ID).toBe("chatgpt-plus");
    expect(primaryInFile("chatgpt-plus")).toBeDefined();
    expect(defaultModelId()).toBe(primaryInFile("chatgpt-plus"));
  });

  it.each(["chatgpt-plus", "claude-pro"])("%s: the primary equivalent model of the file", (id) => {
    expect(planPrimaryModel(id)).toBe(primaryInFile(id));
  });

  it("rejects an unknown plan with UNKNOWN_PLAN", () => {
    expect(() => planPrimaryModel("no-such-plan")).toThrow(
      expect.objectContaining({ code: "UNKNOWN_PLAN" }),
    );
  });
});
