import type { ServiceTier } from "../pricing/schema.ts";

/**
 * The pricing tier a provider's `service_tier` value bills at, or undefined when it names none
 * we price (`auto` before resolution, `scale`). OpenAI answers `default` for the standard tier.
 */
export function serviceTierFromLog(value: unknown): ServiceTier | undefined {
  switch (value) {
    case "default":
    case "standard":
      return "standard";
    case "batch":
    case "flex":
    case "priority":
      return value;
    default:
      return undefined;
  }
}
