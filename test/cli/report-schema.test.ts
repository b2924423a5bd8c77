import { readFileSync, writeFileSync } from "node:fs";
import { estimateReportSchema } from "@tokenmeter/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT } from "./support/run-cli.ts";

const FILE = `${REPO_ROOT}packages/cli/estimate-report.schema.json`;

/** The JSON Schema of `tokenmeter estimate --json`, generated from core's zod definition. */
function generated(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(estimateReportSchema, { target: "draft-2020-12" }),
    title: "tokenmeter estimate --json",
  };
}

describe("estimate-report.schema.json", () => {
  it("matches the zod schema the CLI's --json output is tested against", () => {
    if (process.env.UPDATE_REPORT_SCHEMA === "1") {
      writeFileSync(FILE, `${JSON.stringify(generated(), null, 2)}\n`);
    }
    // On a mismatch: UPDATE_REPORT_SCHEMA=1 npx vitest run test/cli/report-schema.test.ts
    expect(JSON.parse(readFileSync(FILE, "utf8"))).toEqual(generated());
  });
});
