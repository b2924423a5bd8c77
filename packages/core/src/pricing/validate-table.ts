import { formatJsonPath } from "./json-path.ts";
import type { LongContextPrices, PricingTable, TokenPrices } from "./schema.ts";

/**
 * One semantic problem in a pricing table. `path` is the JSON path inside the table
 * (`["providers", 0, "models", 3, "prices", 1, "effectiveUntil"]`), so a caller that knows which file
 * a provider came from can point at the exact field.
 */
export interface PricingIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** Where an id or alias was first seen, for "already used by …" messages. */
interface IdOwner {
  modelId: string;
  path: Path;
}

/**
 * Checks what the zod schema cannot: the rules that make a table unambiguous to price from.
 *
 * - a model's price records are sorted by `effectiveFrom`, each `effectiveUntil` is after its
 *   `effectiveFrom`, periods do not overlap, and only the last record may be open-ended;
 * - model ids and aliases are unique across the whole table (case-insensitive), and an alias never
 *   equals another model's id;
 * - long-context thresholds lie below the model's input limit (`maxInputTokens`, else the context
 *   window); `maxInputTokens` and `maxOutputTokens` fit in the context window;
 * - cached-input prices are not above uncached input prices; provider ids are unique;
 * - `deprecatedOn` is after `releasedOn`; `version` carries the `publishedOn` date and no record
 *   claims to have been checked after the table was published.
 *
 * Run it after the schema parse (`pricingTableSchema`); it assumes the shapes are valid.
 *
 * @returns every issue found (empty when the table is sound), in table order.
 * @example
 * const issues = validatePricingTable(pricingTableSchema.parse(json));
 * if (issues.length > 0) throw new Error(issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
 */
export function validatePricingTable(table: PricingTable): PricingIssue[] {
  const issues: PricingIssue[] = [];
  const add = (path: Path, message: string): void => {
    issues.push({ path, message });
  };

  const versionDate = table.version.slice(0, 10).replaceAll(".", "-");
  if (versionDate !== table.publishedOn) {
    add(
      ["version"],
      `version ${table.version} does not match publishedOn ${table.publishedOn}; ` +
        `the version is the publication date (YYYY.MM.DD, optionally .N)`,
    );
  }

  const providerIds = new Map<string, number>();
  // Ids and aliases share one namespace: a lookup by any of them must land on exactly one model.
  const ids = new Map<string, IdOwner>();
  const aliases = new Map<string, IdOwner>();

  table.providers.forEach((provider, p) => {
    const providerPath: Path = ["providers", p];
    const providerKey = provider.provider.toLowerCase();
    const firstProvider = providerIds.get(providerKey);
    if (firstProvider !== undefined) {
      add(
        [...providerPath, "provider"],
        `provider "${provider.provider}" appears twice (also providers[${firstProvider}]); merge the two`,
      );
    } else {
      providerIds.set(providerKey, p);
    }

    provider.models.forEach((model, m) => {
      const modelPath: Path = [...providerPath, "models", m];
      const idKey = model.id.toLowerCase();
      const idClash = ids.get(idKey) ?? aliases.get(idKey);
      if (idClash !== undefined) {
        add(
          [...modelPath, "id"],
          `model id "${model.id}" is already used by model "${idClash.modelId}" (${formatJsonPath(idClash.path)}); ids and aliases must be unique across the table`,
        );
      } else {
        ids.set(idKey, { modelId: model.id, path: [...modelPath, "id"] });
      }

      model.aliases.forEach((alias, a) => {
        const aliasPath: Path = [...modelPath, "aliases", a];
        const key = alias.toLowerCase();
        if (key === idKey) {
          add(aliasPath, `alias "${alias}" repeats the model's own id; remove it`);
          return;
        }
        const clash = ids.get(key) ?? aliases.get(key);
        if (clash !== undefined) {
          const what = ids.has(key) ? "the id of" : "an alias of";
          add(
            aliasPath,
            clash.modelId === model.id
              ? `alias "${alias}" is listed twice for this model; remove the duplicate`
              : `alias "${alias}" is already ${what} model "${clash.modelId}" (${formatJsonPath(clash.path)}); ids and aliases must be unique across the table`,
          );
          return;
        }
        aliases.set(key, { modelId: model.id, path: aliasPath });
      });

      if (model.maxInputTokens !== undefined && model.maxInputTokens > model.contextWindowTokens) {
        add(
          [...modelPath, "maxInputTokens"],
          `maxInputTokens ${model.maxInputTokens} exceeds contextWindowTokens ${model.contextWindowTokens}`,
        );
      }
      if (model.maxOutputTokens > model.contextWindowTokens) {
        add(
          [...modelPath, "maxOutputTokens"],
          `maxOutputTokens ${model.maxOutputTokens} exceeds contextWindowTokens ${model.contextWindowTokens}`,
        );
      }
      if (
        model.releasedOn !== undefined &&
        model.deprecatedOn !== undefined &&
        model.deprecatedOn <= model.releasedOn
      ) {
        add(
          [...modelPath, "deprecatedOn"],
          `deprecatedOn ${model.deprecatedOn} must be after releasedOn ${model.releasedOn}`,
        );
      }

      const inputLimit = model.maxInputTokens ?? model.contextWindowTokens;
      model.prices.forEach((record, r) => {
        const recordPath: Path = [...modelPath, "prices", r];
        if (record.effectiveUntil !== undefined && record.effectiveUntil <= record.effectiveFrom) {
          add(
            [...recordPath, "effectiveUntil"],
            `effectiveUntil ${record.effectiveUntil} must be after effectiveFrom ${record.effectiveFrom} (the period is [from, until))`,
          );
        }
        if (record.checked > table.publishedOn) {
          add(
            [...recordPath, "checked"],
            `checked ${record.checked} is after the table's publishedOn ${table.publishedOn}`,
          );
        }
        checkPrices(record, recordPath, add);
        checkLongContext(record.longContext, inputLimit, recordPath, add);
        const tiers = record.serviceTiers;
        if (tiers !== undefined) {
          for (const tierName of ["batch", "flex", "priority"] as const) {
            const tier = tiers[tierName];
            if (tier === undefined || "multiplier" in tier) continue;
            const tierPath: Path = [...recordPath, "serviceTiers", tierName];
            checkPrices(tier, tierPath, add);
            checkLongContext(tier.longContext, inputLimit, tierPath, add);
          }
        }

        if (r === 0) return;
        const previous = model.prices[r - 1];
        if (previous === undefined) return;
        if (record.effectiveFrom <= previous.effectiveFrom) {
          add(
            [...recordPath, "effectiveFrom"],
            `price records must be sorted by effectiveFrom, oldest first: ${record.effectiveFrom} does not follow ${previous.effectiveFrom}`,
          );
          return;
        }
        if (previous.effectiveUntil === undefined) {
          add(
            [...modelPath, "prices", r - 1, "effectiveUntil"],
            `only the last price record may lack effectiveUntil; set it to ${record.effectiveFrom} (the next record's effectiveFrom)`,
          );
        } else if (previous.effectiveUntil > record.effectiveFrom) {
          add(
            [...recordPath, "effectiveFrom"],
            `period overlaps the previous record, which runs until ${previous.effectiveUntil} (exclusive); effectiveFrom must be on or after it`,
          );
        }
      });
    });
  });

  return issues;
}

function checkPrices(prices: TokenPrices, path: Path, add: (path: Path, message: string) => void) {
  if (
    prices.cachedInputUsdPerMTok !== undefined &&
    prices.cachedInputUsdPerMTok > prices.inputUsdPerMTok
  ) {
    add(
      [...path, "cachedInputUsdPerMTok"],
      `cached input ${prices.cachedInputUsdPerMTok} $/MTok is above the uncached input price ${prices.inputUsdPerMTok} $/MTok`,
    );
  }
}

function checkLongContext(
  longContext: LongContextPrices | undefined,
  inputLimitTokens: number,
  path: Path,
  add: (path: Path, message: string) => void,
) {
  if (longContext === undefined) return;
  const tierPath = [...path, "longContext"];
  if (longContext.aboveInputTokens >= inputLimitTokens) {
    add(
      [...tierPath, "aboveInputTokens"],
      `long-context threshold ${longContext.aboveInputTokens} is not below the model's input limit ${inputLimitTokens} (maxInputTokens or contextWindowTokens), so it can never apply`,
    );
  }
  checkPrices(longContext, tierPath, add);
}
