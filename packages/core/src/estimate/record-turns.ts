import type { ConversationLogRecord } from "../logs/log-record.ts";

/**
 * One API call of a replayed chat: the user message(s) sent and the answer that came back.
 * Consecutive messages of one role (an answer split around a tool call, a prompt sent twice) are
 * merged into one turn; their chat overhead is still counted per message.
 */
export interface RecordTurn {
  /** Indexes into the record's `messages`. */
  userMessages: number[];
  replyMessages: number[];
  /** When the call happened: the answer's time, else the prompt's (ISO 8601, UTC). */
  timestamp: string | undefined;
  /** The API model that answered (mapped from the ChatGPT slug), when known. */
  apiModel: string | undefined;
  /** The model as the export records it (a ChatGPT slug), when recorded. */
  recordedModel: string | undefined;
  reasoningEffort: "none" | "low" | "medium" | "high" | undefined;
}

/** Splits a conversation's visible messages into turns (one API call each), oldest first. */
export function recordTurns(record: ConversationLogRecord): RecordTurn[] {
  const turns: RecordTurn[] = [];
  let current: RecordTurn | undefined;
  record.messages.forEach((message, index) => {
    if (message.role === "user") {
      if (current === undefined || current.replyMessages.length > 0) {
        current = {
          userMessages: [],
          replyMessages: [],
          timestamp: undefined,
          apiModel: undefined,
          recordedModel: undefined,
          reasoningEffort: undefined,
        };
        turns.push(current);
      }
      current.userMessages.push(index);
      if (current.replyMessages.length === 0 && message.timestamp !== undefined)
        current.timestamp = message.timestamp;
      return;
    }
    if (current === undefined) {
      current = {
        userMessages: [],
        replyMessages: [],
        timestamp: undefined,
        apiModel: undefined,
        recordedModel: undefined,
        reasoningEffort: undefined,
      };
      turns.push(current);
    }
    current.replyMessages.push(index);
    if (message.timestamp !== undefined) current.timestamp = message.timestamp;
    if (message.model !== undefined) {
      current.recordedModel = message.model;
      current.apiModel = message.apiModel;
      current.reasoningEffort = message.reasoningEffort;
    }
  });
  // A turn without any time takes the one before it (or the conversation's start).
  let lastKnown = record.createdAt ?? record.updatedAt;
  for (const turn of turns) {
    if (turn.timestamp === undefined) turn.timestamp = lastKnown;
    else lastKnown = turn.timestamp;
  }
  return turns;
}
