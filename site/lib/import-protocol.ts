// Messages between the import page and its Web Worker. Files go in as File objects (structured
// clone hands the worker a reference to the same local file: nothing is copied or uploaded).
import type { EstimateReport, ReportDocument } from "@tokenmeter/core";
import type { ImportOptions } from "./import-estimate.ts";

export interface ImportRequest {
  type: "estimate";
  files: File[];
  options: ImportOptions;
}

export type ImportMessage =
  | { type: "progress"; doneBytes: number; totalBytes: number; file: string }
  | { type: "done"; report: EstimateReport; document: ReportDocument; elapsedMs: number }
  | { type: "error"; message: string };
