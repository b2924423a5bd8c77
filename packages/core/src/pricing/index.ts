export { defaultPricingTable, pricingVersion } from "./default-table.ts";
export { findModel, listModels, type ModelInfo } from "./find-model.ts";
export * from "./schema.ts";
export { formatJsonPath, type PricingIssue, validatePricingTable } from "./validate-table.ts";
