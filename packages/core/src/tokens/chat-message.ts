import { z } from "zod";

/** A text part of a message whose `content` is an array (OpenAI's content-part form). */
export const chatTextPartSchema = z.object({ type: z.literal("text"), text: z.string() });

/** A legacy assistant `function_call`. */
export const chatFunctionCallSchema = z.object({
  name: z.string().optional(),
  arguments: z.string().optional(),
});

/** One entry of an assistant message's `tool_calls`. */
export const chatToolCallSchema = z.object({
  id: z.string().optional(),
  type: z.literal("function").optional(),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

/**
 * One chat message in OpenAI Chat Completions shape (`role`, `content`, optional `name`,
 * `function_call`, `tool_calls`). Other keys are accepted and ignored.
 */
export const chatMessageSchema = z.object({
  role: z.string().min(1, { error: "a role such as system, user or assistant is required" }),
  content: z.union([z.string(), z.null(), z.array(chatTextPartSchema)]).optional(),
  name: z.string().optional(),
  function_call: chatFunctionCallSchema.optional(),
  tool_calls: z.array(chatToolCallSchema).optional(),
});
export type ChatMessage = z.input<typeof chatMessageSchema>;

/**
 * A function the model may call (legacy `functions`, or the `function` of a tool). `parameters` is
 * a JSON Schema object; only what OpenAI renders into the prompt matters for counting.
 */
export const functionDefinitionSchema = z.object({
  name: z.string().min(1, { error: "a function needs a name" }),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type FunctionDefinition = z.input<typeof functionDefinitionSchema>;

/** A Chat Completions tool: `{ type: "function", function: FunctionDefinition }`. */
export const toolDefinitionSchema = z.object({
  type: z.literal("function"),
  function: functionDefinitionSchema,
});
export type ToolDefinition = z.input<typeof toolDefinitionSchema>;

/** `function_call` / forced function of a request: `auto`, `none`, or `{ name }`. */
export const functionCallOptionSchema = z.union([
  z.literal("auto"),
  z.literal("none"),
  z.object({ name: z.string().min(1) }),
]);
export type FunctionCallOption = z.input<typeof functionCallOptionSchema>;

/** Options of `countChatTokens`: the request's tool or function definitions. */
export const chatCountOptionsSchema = z.object({
  tools: z.array(toolDefinitionSchema).optional(),
  functions: z.array(functionDefinitionSchema).optional(),
  functionCall: functionCallOptionSchema.optional(),
});
