import type { FileCoverage, RecordLocation, SkippedReason } from "./report-schema.ts";

/** How many locations of one skip reason a report keeps. */
export const MAX_LOCATIONS_PER_REASON = 5;

/** What the readers saw: files, records read and records skipped (with where, never what). */
export interface CoverageSnapshot {
  files: FileCoverage[];
  recordsRead: number;
  recordsSkipped: number;
  skipped: SkippedReason[];
  notices: SkippedReason[];
}

/** Collects what the readers saw while a log is read. Feed its snapshot to the report builder. */
export interface CoverageTracker {
  /** Registers an input file; later calls for the same file update its format. */
  addFile(file: string, format: string, recordKind: string): void;
  /** Counts `recordCount` records read from `file`. */
  recordRead(file: string, recordCount?: number): void;
  /**
   * Counts one skipped record. `reason` is a stable code (`MALFORMED_JSON`, `NO_USAGE`…);
   * `description` says what it means and what to do, and must never quote the record.
   */
  recordSkipped(
    file: string,
    reason: string,
    description: string,
    location?: Omit<RecordLocation, "file">,
  ): void;
  /**
   * Counts something the user should know that lost no billable data (a failed request, a
   * duplicate log copy, an unused CSV column). `recordCount` may be more than one.
   */
  recordNotice(
    file: string,
    reason: string,
    description: string,
    location?: Omit<RecordLocation, "file">,
    recordCount?: number,
  ): void;
  snapshot(): CoverageSnapshot;
}

/**
 * A fresh coverage tracker.
 *
 * @example
 * const coverage = createCoverageTracker();
 * coverage.addFile("api.jsonl", "openai-jsonl", "line");
 * coverage.recordRead("api.jsonl", 3);
 * coverage.recordSkipped("api.jsonl", "MALFORMED_JSON", "Not valid JSON; fix or remove the line.", { line: 2 });
 */
function copy(reasons: Map<string, SkippedReason>): SkippedReason[] {
  return [...reasons.values()].map((entry) => ({
    ...entry,
    firstLocations: entry.firstLocations.map((location) => ({ ...location })),
  }));
}

export function createCoverageTracker(): CoverageTracker {
  const files = new Map<string, FileCoverage>();
  const reasons = new Map<string, SkippedReason>();
  const notices = new Map<string, SkippedReason>();

  function tally(
    into: Map<string, SkippedReason>,
    file: string,
    reason: string,
    description: string,
    location: Omit<RecordLocation, "file"> | undefined,
    recordCount: number,
  ): void {
    let entry = into.get(reason);
    if (entry === undefined) {
      entry = { reason, description, recordCount: 0, firstLocations: [] };
      into.set(reason, entry);
    }
    entry.recordCount += recordCount;
    if (location !== undefined && entry.firstLocations.length < MAX_LOCATIONS_PER_REASON) {
      entry.firstLocations.push({ file, ...location });
    }
  }

  function fileEntry(file: string): FileCoverage {
    let entry = files.get(file);
    if (entry === undefined) {
      entry = { file, format: "unknown", recordKind: "record", recordsRead: 0, recordsSkipped: 0 };
      files.set(file, entry);
    }
    return entry;
  }

  return {
    addFile(file, format, recordKind) {
      const entry = fileEntry(file);
      entry.format = format;
      entry.recordKind = recordKind;
    },
    recordRead(file, recordCount = 1) {
      fileEntry(file).recordsRead += recordCount;
    },
    recordSkipped(file, reason, description, location) {
      fileEntry(file).recordsSkipped += 1;
      tally(reasons, file, reason, description, location ?? {}, 1);
    },
    recordNotice(file, reason, description, location, recordCount = 1) {
      // A notice may concern a file that was never read (an ignored file): no file entry for it.
      tally(notices, file, reason, description, location, recordCount);
    },
    snapshot() {
      const fileList = [...files.values()].map((entry) => ({ ...entry }));
      return {
        files: fileList,
        recordsRead: fileList.reduce((sum, entry) => sum + entry.recordsRead, 0),
        recordsSkipped: fileList.reduce((sum, entry) => sum + entry.recordsSkipped, 0),
        skipped: copy(reasons),
        notices: copy(notices),
      };
    },
  };
}
