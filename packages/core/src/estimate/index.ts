// The estimate pipeline shared by `tokenmeter estimate` and the site's import page.
export { commandLineWording, type Wording } from "./command-line-wording.ts";
export { type EstimateDocumentOptions, estimateDocument } from "./estimate-document.ts";
export {
  createLogEstimator,
  type LogArchiveSink,
  type LogEstimate,
  type LogEstimator,
  type LogEstimatorOptions,
  type LogFileSink,
  type OpenFileOptions,
  type UnreadFile,
} from "./log-estimator.ts";
export {
  type CountRequest,
  countRequests,
  createInlineCounter,
  type TokenCounter,
} from "./token-counter.ts";
