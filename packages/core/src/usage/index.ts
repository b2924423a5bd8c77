export { type Usage, type UsageInput, ZERO_USAGE } from "./usage.ts";
