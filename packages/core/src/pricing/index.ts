export { defaultPricingTable, pricingVersion } from "./default-table.ts";
export { findModel, listModels, type ModelInfo } from "./find-model.ts";
export { formatJsonPath } from "./json-path.ts";
export * from "./litellm-format.ts";
export * from "./load-pricing.ts";
export * from "./schema.ts";
export * from "./select-price.ts";
export { type PricingIssue, validatePricingTable } from "./validate-table.ts";
