/**
 * Renders `packages/core/src/plans/plans.gen.ts` from the text of `pricing/plans.json`, so core can
 * ship the plans without reading files at run time. Pure: the generator (`npm run gen`) writes the
 * result, and a test fails when the committed file differs from a fresh render.
 *
 * @param plansJsonText the exact text of `pricing/plans.json`.
 * @returns the TypeScript module text.
 */
export function renderPlansModule(plansJsonText: string): string {
  // Re-serialise so formatting changes in plans.json alone do not change the generated file.
  const data: unknown = JSON.parse(plansJsonText);
  return [
    "// Generated from pricing/plans.json by `npm run gen`. Do not edit by hand.",
    'import type { PlansTableInput } from "./schema.ts";',
    "",
    "/** The bundled subscription-plans table, as data (validated by `defaultPlansTable`). */",
    `export const plansData: PlansTableInput = ${JSON.stringify(data, null, 2)};`,
    "",
  ].join("\n");
}
