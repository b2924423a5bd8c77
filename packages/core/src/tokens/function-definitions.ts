import type { FunctionDefinition } from "./chat-message.ts";

// OpenAI does not put JSON Schema into the prompt: it renders functions as a TypeScript namespace.
// The rendering below is the one inferred by hmarr/openai-chat-tokens (MIT), with two rules that
// make it reproduce every API-measured count we have (tests/core/tokens-chat.test.ts):
// property descriptions appear only at the top two indentation levels, and `anyOf` renders as a
// union of its members' types (a `const` renders as its declared `type`, not its value).

type Schema = Readonly<Record<string, unknown>>;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function formatProperties(schema: Schema, indent: number): string {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : [],
  );
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const property = isSchema(value) ? value : {};
    const description = text(property.description);
    if (description !== undefined && indent < 2) lines.push(`${pad}// ${description}`);
    lines.push(`${pad}${name}${required.has(name) ? "" : "?"}: ${formatType(property, indent)},`);
  }
  return lines.join("\n");
}

function formatEnum(values: readonly unknown[], quote: boolean): string {
  return values.map((v) => (quote ? JSON.stringify(v) : String(v))).join(" | ");
}

function formatType(schema: Schema, indent: number): string {
  if (Array.isArray(schema.anyOf)) {
    return schema.anyOf
      .map((member) => formatType(isSchema(member) ? member : {}, indent))
      .join(" | ");
  }
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => formatType({ ...schema, type }, indent)).join(" | ");
  }
  const values = Array.isArray(schema.enum) ? schema.enum : undefined;
  switch (schema.type) {
    case "string":
      return values ? formatEnum(values, true) : "string";
    case "number":
    case "integer":
      return values ? formatEnum(values, false) : "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return isSchema(schema.items) ? `${formatType(schema.items, indent)}[]` : "any[]";
    case "object":
      return `{\n${formatProperties(schema, indent + 2)}\n}`;
    default:
      return "any";
  }
}

/**
 * The text OpenAI adds to the prompt for these functions (`namespace functions { … }`).
 * @example
 * renderFunctionDefinitions([{ name: "foo", parameters: { type: "object", properties: {} } }])
 * // "namespace functions {\n\ntype foo = () => any;\n\n} // namespace functions"
 */
export function renderFunctionDefinitions(functions: readonly FunctionDefinition[]): string {
  const lines = ["namespace functions {", ""];
  for (const fn of functions) {
    const description = text(fn.description);
    if (description !== undefined) lines.push(`// ${description}`);
    const parameters = isSchema(fn.parameters) ? fn.parameters : {};
    const properties = isSchema(parameters.properties) ? parameters.properties : {};
    if (Object.keys(properties).length > 0) {
      lines.push(`type ${fn.name} = (_: {`);
      lines.push(formatProperties(parameters, 0));
      lines.push("}) => any;");
    } else {
      lines.push(`type ${fn.name} = () => any;`);
    }
    lines.push("");
  }
  lines.push("} // namespace functions");
  return lines.join("\n");
}
