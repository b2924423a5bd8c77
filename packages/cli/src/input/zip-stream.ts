import { createReadStream } from "node:fs";
import { Unzip, type UnzipFile } from "fflate";
import { badInput } from "../cli-error.ts";
import type { ByteSink } from "./byte-sink.ts";
import { createNodeInflate } from "./node-inflate.ts";

/** Zip compression methods people meet, for messages about the ones fflate cannot read. */
const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  9: "Deflate64 (Windows Explorer's format for large files)",
  12: "BZIP2",
  14: "LZMA",
  93: "Zstandard",
  95: "XZ",
  99: "AES encryption",
};

/** The first bytes of a zip archive (a local file header). */
export function isZip(start: Uint8Array): boolean {
  return start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04;
}

/** What a zip held and what was read from it. */
export interface ZipScan {
  /** Every entry name, in archive order. */
  entryNames: string[];
  /** Entries handed to a sink. */
  entriesRead: string[];
}

/**
 * Streams the zip at `path` through fflate's streaming `Unzip`: the archive is read in 1 MiB chunks
 * and each selected entry is inflated chunk by chunk into its sink, so neither the archive nor the
 * entry is ever held whole in memory. `select` returns a sink for the entries to read;
 * `afterChunk` runs after each chunk's data has been handed to the sinks (to drain async work).
 *
 * @throws CliError `BAD_INPUT` for a damaged archive or an entry in a compression method fflate
 *   does not support (with what to do instead). Errors thrown by a sink propagate unchanged.
 */
export async function streamZip(
  path: string,
  displayName: string,
  select: (entryName: string) => ByteSink | undefined,
  onBytes: (bytesRead: number) => void,
  afterChunk: () => Promise<void> = async () => {},
): Promise<ZipScan> {
  const scan: ZipScan = { entryNames: [], entriesRead: [] };
  const open = new Map<string, ByteSink>();
  let failure: { error: unknown } | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    scan.entryNames.push(file.name);
    if (failure !== undefined) return;
    const sink = select(file.name);
    if (sink === undefined) return;
    scan.entriesRead.push(file.name);
    open.set(file.name, sink);
    file.ondata = (error, data, final) => {
      if (failure !== undefined) return;
      if (error !== null) {
        const method = COMPRESSION_NAMES[file.compression];
        failure = {
          error: badInput(
            method !== undefined
              ? `${displayName}: ${file.name} is compressed with ${method}, which tokenmeter cannot read.`
              : `${displayName}: the entry ${file.name} is damaged and cannot be inflated.`,
            {
              cause: error,
              hint: "Download the export again, or unzip it with another tool and pass the file inside.",
            },
          ),
        };
        return;
      }
      try {
        if (data.length > 0) sink.write(data);
        if (final) {
          open.delete(file.name);
          sink.end(true);
        }
      } catch (sinkError) {
        failure = { error: sinkError };
      }
    };
    try {
      file.start();
    } catch (cause) {
      const method = COMPRESSION_NAMES[file.compression] ?? `method ${file.compression}`;
      failure = {
        error: badInput(
          `${displayName}: ${file.name} is compressed with ${method}, which tokenmeter cannot read.`,
          { cause, hint: `Unzip the archive with another tool and pass ${file.name} itself.` },
        ),
      };
    }
  });
  const inflate = createNodeInflate();
  unzip.register(inflate.decoder);

  let bytesRead = 0;
  let finalPush = false;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      const bytes = chunk as Buffer;
      bytesRead += bytes.length;
      unzip.push(bytes);
      await inflate.ready();
      onBytes(bytesRead);
      if (failure !== undefined) break;
      await afterChunk();
    }
    finalPush = true;
    if (failure === undefined) {
      unzip.push(new Uint8Array(0), true);
      await inflate.finished();
      await afterChunk();
    }
  } catch (cause) {
    if (failure === undefined) {
      failure = {
        error: finalPush
          ? badInput(
              `${displayName} ends before the archive is complete (after ${bytesRead} bytes): the download was probably cut short.`,
              { cause, hint: "Download the export again." },
            )
          : badInput(
              `${displayName} is not a readable zip archive (damaged near byte ${bytesRead}).`,
              {
                cause,
                hint: "Download the export again; if it opens elsewhere, unzip it and pass conversations.json.",
              },
            ),
      };
    }
  }
  if (failure !== undefined) throw failure.error;
  // An entry that started but never reached its last byte: the archive was cut short.
  for (const sink of open.values()) sink.end(false);
  return scan;
}
