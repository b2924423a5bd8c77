export { isTokenmeterError, TokenmeterError, type TokenmeterErrorCode } from "./errors.ts";
export * from "./pricing/schema.ts";
export { type Usage, type UsageInput, ZERO_USAGE } from "./usage/usage.ts";
