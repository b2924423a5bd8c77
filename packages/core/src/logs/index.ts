export {
  CHATGPT_MODEL_SLUGS,
  type ChatGptModelMapping,
  type ChatGptSlugEntry,
  mapChatGptModelSlug,
} from "./chatgpt-model-slugs.ts";
export {
  type ClaudeCodeDedupe,
  claudeCodeDedupeKey,
  createClaudeCodeDedupe,
} from "./claude-code-dedupe.ts";
export { CLAUDE_CODE_SYNTHETIC_MODEL } from "./claude-code-line.ts";
export {
  createLogReader,
  DEFAULT_MAX_LINE_BYTES,
  type LogReader,
  type LogReaderOptions,
} from "./create-log-reader.ts";
export { DETECT_SAMPLE_BYTES, detectLogFormat } from "./detect-log-format.ts";
export { type ExportEntry, findExportEntries } from "./export-entries.ts";
export {
  type GenericLogLine,
  type GenericLogLineInput,
  genericLogLineSchema,
  genericMessageSchema,
  genericUsageSchema,
} from "./generic-jsonl-schema.ts";
export {
  isLogFormat,
  LOG_FORMATS,
  LOG_RECORD_UNITS,
  type LogFormat,
  logFormatSchema,
} from "./log-format.ts";
export {
  LOG_ISSUE_CODES,
  type LogIssue,
  type LogIssueCode,
  type LogIssueSeverity,
  logIssueSeverity,
} from "./log-issue.ts";
export type {
  CallLogRecord,
  ConversationLogRecord,
  ConversationMessage,
  LogRecord,
  LogSource,
  SkippedMessageCounts,
  UnpricedItem,
  UnpricedItemKind,
  UsageLogRecord,
} from "./log-record.ts";
export { type LogIssueTally, type LogReadSummary, MAX_ISSUE_LOCATIONS } from "./log-summary.ts";
export { OPENAI_USAGE_CSV_COLUMNS } from "./openai-usage-csv-reader.ts";
export { type LogReadResult, readLog } from "./read-log.ts";
