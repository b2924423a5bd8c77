// The import page's estimate, run in a Web Worker: core's log estimator (the pipeline behind
// `tokenmeter estimate`: format detection, readers, replay, pricing, assumptions, coverage) fed from
// File objects instead of the file system, so the page shows the report the command prints for the
// same files. This module only reads the files and unzips exports (fflate's streaming inflate); the
// golden e2e test compares its report with the CLI's.
import {
  commandLineWording,
  createLogEstimator,
  type EstimateReport,
  estimateDocument,
  isTokenmeterError,
  type LogFileSink,
  type ReportDocument,
  type ReportGrouping,
} from "@tokenmeter/core";
import { Unzip, type UnzipFile, UnzipInflate } from "fflate";

/** A file the person dropped or picked. */
export interface ImportFile {
  name: string;
  sizeBytes: number;
  /** The first bytes (to recognise a zip). */
  start(bytes: number): Promise<Uint8Array>;
  /** The whole file, in chunks. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface ImportOptions {
  /** Plans to compare each month with; empty → ChatGPT Plus, or Claude Pro for Claude-only logs. */
  plans: string[];
  /** Models to re-price everything on, besides "as used". */
  models: string[];
  groupBy: ReportGrouping;
  /** IANA time zone for days and months. */
  timeZone: string;
}

export interface ImportProgress {
  doneBytes: number;
  totalBytes: number;
  file: string;
}

export interface ImportResult {
  report: EstimateReport;
  /** What `tokenmeter estimate` prints for this report (blocks for people, CSV table, JSON). */
  document: ReportDocument;
}

/** A problem the person can act on; never contains the file's contents. */
export class ImportError extends Error {
  override name = "ImportError";
}

function isZip(start: Uint8Array): boolean {
  return start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
}

/** Yields to the event loop so progress messages go out while a big file is read. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Estimates the cost of the given logs: the same report `tokenmeter estimate` produces for the
 * same files and options. Files are read in chunks (zips through fflate's streaming inflate), so
 * an export is never held whole in memory. Token counting runs inline: this already runs in a Web
 * Worker.
 *
 * @throws ImportError when a file is not a log, an archive is damaged, or nothing could be counted.
 */
export async function estimateFiles(
  files: readonly ImportFile[],
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const estimator = createLogEstimator({
    models: options.models,
    plans: options.plans,
    groupBy: options.groupBy,
    timeZone: options.timeZone,
    wording: commandLineWording,
  });
  const totalBytes = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  const drain = () => estimator.drain();
  let report: EstimateReport;
  try {
    let doneBytes = 0;
    for (const file of files) {
      const progress = (bytesRead: number) =>
        onProgress({ doneBytes: doneBytes + bytesRead, totalBytes, file: file.name });
      if (isZip(await file.start(4))) {
        const archive = estimator.openArchive(file.name);
        const entryCount = await readZip(
          file,
          (entryName) => archive.openEntry(entryName),
          progress,
          drain,
        );
        archive.end(entryCount);
      } else {
        const sink = estimator.openFile(file.name);
        let bytesRead = 0;
        for await (const chunk of file.chunks()) {
          bytesRead += chunk.length;
          sink.write(chunk);
          progress(bytesRead);
          await drain();
          await tick();
        }
        sink.end(true);
        await drain();
      }
      doneBytes += file.sizeBytes;
    }
    onProgress({ doneBytes: totalBytes, totalBytes, file: "" });
    ({ report } = await estimator.finish());
  } catch (error) {
    if (isTokenmeterError(error, "BAD_LOG")) throw new ImportError(error.message, { cause: error });
    throw error;
  } finally {
    await estimator.close();
  }
  const shownInputs = files.length === 1 ? (files[0]?.name ?? "") : `${files.length} inputs`;
  return {
    report,
    document: estimateDocument(report, { inputs: shownInputs, wording: commandLineWording }),
  };
}

const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  9: "Deflate64 (Windows Explorer's format for large files)",
  12: "BZIP2",
  14: "LZMA",
  93: "Zstandard",
  95: "XZ",
  99: "AES encryption",
};

/**
 * Streams a zip through fflate's Unzip, inflating only the entries `select` wants, and returns how
 * many entries the archive holds.
 */
async function readZip(
  file: ImportFile,
  select: (entryName: string) => LogFileSink | undefined,
  onBytes: (bytesRead: number) => void,
  afterChunk: () => Promise<void>,
): Promise<number> {
  let entryCount = 0;
  const open = new Map<string, LogFileSink>();
  let failure: { error: unknown } | undefined;
  const unzip = new Unzip((entry: UnzipFile) => {
    entryCount += 1;
    if (failure !== undefined) return;
    const sink = select(entry.name);
    if (sink === undefined) return;
    open.set(entry.name, sink);
    entry.ondata = (error, data, final) => {
      if (failure !== undefined) return;
      if (error !== null) {
        failure = {
          error: new ImportError(
            `${file.name}: the entry ${entry.name} is damaged and cannot be inflated. Download the export again, or unzip it and drop the file inside.`,
            { cause: error },
          ),
        };
        return;
      }
      try {
        if (data.length > 0) sink.write(data);
        if (final) {
          open.delete(entry.name);
          sink.end(true);
        }
      } catch (sinkError) {
        failure = { error: sinkError };
      }
    };
    try {
      entry.start();
    } catch (cause) {
      const method = COMPRESSION_NAMES[entry.compression] ?? `method ${entry.compression}`;
      failure = {
        error: new ImportError(
          `${file.name}: ${entry.name} is compressed with ${method}, which tokenmeter cannot read. Unzip the archive with another tool and drop ${entry.name} itself.`,
          { cause },
        ),
      };
    }
  });
  unzip.register(UnzipInflate);

  let bytesRead = 0;
  let finalPush = false;
  try {
    for await (const chunk of file.chunks()) {
      bytesRead += chunk.length;
      unzip.push(chunk);
      onBytes(bytesRead);
      if (failure !== undefined) break;
      await afterChunk();
      await tick();
    }
    finalPush = true;
    if (failure === undefined) {
      unzip.push(new Uint8Array(0), true);
      await afterChunk();
    }
  } catch (cause) {
    if (failure === undefined) {
      failure = {
        error: new ImportError(
          finalPush
            ? `${file.name} ends before the archive is complete (after ${bytesRead} bytes): the download was probably cut short. Download the export again.`
            : `${file.name} is not a readable zip archive (damaged near byte ${bytesRead}). Download the export again; if it opens elsewhere, unzip it and drop conversations.json.`,
          { cause },
        ),
      };
    }
  }
  if (failure !== undefined) throw failure.error;
  for (const sink of open.values()) sink.end(false);
  return entryCount;
}
