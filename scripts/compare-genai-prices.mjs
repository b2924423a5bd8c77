// Compares pricing/models/*.json with the data bundled in the npm package @pydantic/genai-prices and says,
// for every model and price of the six providers, the first published version that contains it.
//
//   mkdir -p .tmp/gp && cd .tmp/gp
//   npm view @pydantic/genai-prices time --json > time.json
//   for v in $(npm view @pydantic/genai-prices versions --json | tr -d '[]",'); do
//     npm pack "@pydantic/genai-prices@$v" --silent && mkdir -p "v/$v" &&
//       tar xzf "pydantic-genai-prices-$v.tgz" -C "v/$v"
//   done
//   cd ../.. && node scripts/compare-genai-prices.mjs [.tmp/gp]
//
// Output: one line per genai-prices model — the table model its id resolves to (or NEW), the earliest
// publish date of a version listing it, and of a version listing its current prices (web-search and
// file-search fees left out: the table prices tokens only).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2] ?? ".tmp/gp";
const published = JSON.parse(readFileSync(join(dir, "time.json"), "utf8"));
const day = (version) => String(published[version]).slice(0, 10);
const semver = (v) => v.split(".").map(Number);
const versions = readdirSync(join(dir, "v"))
  .filter((v) => published[v] !== undefined)
  .sort((a, b) => {
    const [x, y] = [semver(a), semver(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
const providers = { openai: "openai", anthropic: "anthropic", google: "google", "x-ai": "xai" };
Object.assign(providers, { deepseek: "deepseek", mistral: "mistral" });

const table = new Map();
for (const file of Object.values(providers)) {
  const models = JSON.parse(readFileSync(`pricing/models/${file}.json`, "utf8")).models;
  for (const m of models) for (const id of [m.id, ...(m.aliases ?? [])]) table.set(id, m.id);
}

const data = {};
for (const v of versions) {
  const mod = await import(pathToFileURL(join(dir, "v", v, "package/dist/index.js")).href);
  data[v] = Object.fromEntries(
    Object.keys(providers).map((p) => [p, mod.findProvider({ providerId: p })?.models ?? []]),
  );
}
const tokenPrices = (prices) =>
  JSON.stringify(prices, (key, value) =>
    ["web_searches_kcount", "storage_searches_kcount", "type"].includes(key) ? undefined : value,
  );
const earliest = (list) => list.map(day).sort()[0] ?? "-";
const latest = versions[versions.length - 1];
for (const provider of Object.keys(providers)) {
  for (const model of data[latest][provider]) {
    const find = (v) => data[v][provider].find((m) => m.id === model.id);
    const listed = versions.filter((v) => find(v) !== undefined);
    const same = listed.filter((v) => tokenPrices(find(v).prices) === tokenPrices(model.prices));
    const inTable = table.get(model.id) ?? "NEW";
    console.log(
      `${provider}\t${model.id}\t${inTable}\tlisted ${earliest(listed)} (${listed[0]})` +
        `\tthese prices ${earliest(same)} (${same[0]})\tcontext ${model.context_window ?? "-"}`,
    );
  }
}
