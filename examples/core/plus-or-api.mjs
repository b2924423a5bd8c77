// Is ChatGPT Plus or Claude Pro cheaper than paying per token? The "moderate" preset on five models.
// Run after `npm ci && npm run build -w @tokenmeter/core`:  node examples/core/plus-or-api.mjs
import { comparePlans, projectMonthly, usagePreset } from "@tokenmeter/core";

const profile = usagePreset("moderate"); // 20 messages a day on 22 days, 8 per chat, see the README
const models = ["gpt-5.5", "gpt-5.4-mini", "claude-sonnet-5", "claude-haiku-4-5", "gemini-3.5-flash"];
const projections = projectMonthly(profile, models, { at: "2026-11-27" });

for (const p of projections) {
  const e = p.expected;
  console.log(
    `${p.label}: $${e.totalUsd.toFixed(2)} a month ($${p.range.lowUsd.toFixed(2)}–$${p.range.highUsd.toFixed(2)}) = ` +
      `input $${e.inputUsd.toFixed(2)} + cached $${e.cachedInputUsd.toFixed(2)} + cache writes $${e.cacheWriteUsd.toFixed(2)}` +
      ` + output $${e.outputUsd.toFixed(2)} + reasoning $${e.reasoningUsd.toFixed(2)}`,
  );
}

for (const c of comparePlans(projections, ["chatgpt-plus", "claude-pro"])) {
  const be = c.breakEven.messagesPerDay;
  console.log(`\n${c.verdict}${c.sameProvider ? "" : ` (Prices only: ${c.plan.displayName} does not serve ${c.scenario.label}.)`}`);
  console.log(
    `  break-even ${be === null ? "none" : `${be.toFixed(1)} messages a day = ${Math.round(c.breakEven.messagesPerMonth ?? 0)} a month`}` +
      ` · caps ${c.caps.status} · spending limit $${c.spendingLimit.usd}: ${c.spendingLimit.explanation}`,
  );
}
