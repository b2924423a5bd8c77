import type { UsageLogRecord } from "./log-record.ts";

/**
 * De-duplicates Claude Code usage entries. Claude Code writes one assistant response several
 * times while it streams (same `message.id` and `requestId`), and a resumed session copies earlier
 * entries into a new file. Only the **last** copy is complete: earlier ones carry a partial
 * `output_tokens` (ccusage #888 and #938 measured 2–3× undercounts from keeping the first). So a
 * later entry replaces an earlier one, in the earlier one's position.
 *
 * The key is `message.id:requestId`, or `message.id` alone when `requestId` is missing (some
 * gateways and sub-agent paths omit it; ccusage PR #985). Entries without `message.id` are kept
 * as they are.
 *
 * Share one deduper across the files of one `~/.claude/projects` tree (pass it to each reader as
 * `claudeCodeDedupe`) and `drain()` it after the last file, so copies in different session files
 * are folded too.
 */
export interface ClaudeCodeDedupe {
  /** Adds an entry; returns true when it replaced an earlier copy (a duplicate). */
  add(key: string | undefined, record: UsageLogRecord): boolean;
  /** Emits the kept entries in order of first appearance, then forgets them. Returns how many. */
  drain(onRecord: (record: UsageLogRecord) => void): number;
  /** Copies folded so far. */
  readonly duplicates: number;
  /** Entries held (not yet drained). */
  readonly size: number;
}

/** A fresh {@link ClaudeCodeDedupe}. */
export function createClaudeCodeDedupe(): ClaudeCodeDedupe {
  let kept: UsageLogRecord[] = [];
  let positions = new Map<string, number>();
  let duplicates = 0;
  return {
    add(key, record) {
      if (key === undefined) {
        kept.push(record);
        return false;
      }
      const position = positions.get(key);
      if (position === undefined) {
        positions.set(key, kept.length);
        kept.push(record);
        return false;
      }
      kept[position] = record;
      duplicates += 1;
      return true;
    },
    drain(onRecord) {
      const records = kept;
      kept = [];
      positions = new Map();
      for (const record of records) onRecord(record);
      return records.length;
    },
    get duplicates() {
      return duplicates;
    },
    get size() {
      return kept.length;
    },
  };
}

/** The de-duplication key of a Claude Code entry, see {@link ClaudeCodeDedupe}. */
export function claudeCodeDedupeKey(
  messageId: string | undefined,
  requestId: string | undefined,
): string | undefined {
  if (messageId === undefined) return undefined;
  return requestId === undefined ? messageId : `${messageId}:${requestId}`;
}
