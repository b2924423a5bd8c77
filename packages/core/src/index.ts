// The public API of @tokenmeter/core. Each domain keeps its own index; this file only re-exports.

export * from "./cost/index.ts";
export * from "./document/index.ts";
export { isTokenmeterError, TokenmeterError, type TokenmeterErrorCode } from "./errors.ts";
export * from "./estimate/index.ts";
export * from "./logs/index.ts";
export * from "./plans/index.ts";
export * from "./pricing/index.ts";
export * from "./report/index.ts";
export * from "./tokens/index.ts";
export * from "./usage/index.ts";
