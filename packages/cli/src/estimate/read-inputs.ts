import { createReadStream } from "node:fs";
import type { LogEstimator } from "@tokenmeter/core";
import type { InputFile } from "../input/collect-inputs.ts";
import { isZip, streamZip } from "../input/zip-stream.ts";
import type { Progress } from "../output/progress-bar.ts";

const CHUNK_BYTES = 1 << 16;

/**
 * Feeds every input to core's log estimator: files are streamed in 64 KiB chunks, zip archives
 * through the streaming unzip (only the conversations files of a data export are inflated). After
 * each chunk the estimator drains, so token counting keeps pace with reading.
 *
 * A file the user named that cannot be read as a log makes the estimator throw `BAD_LOG`; a file
 * found while walking a directory is listed in coverage and skipped.
 */
export async function readInputs(
  estimator: LogEstimator,
  files: readonly InputFile[],
  progress: Progress,
): Promise<void> {
  const totalBytes = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  const drain = () => estimator.drain();
  let doneBytes = 0;
  for (const file of files) {
    progress.label(file.displayName);
    const explicit = { explicit: file.explicit };
    const first = await readStart(file.path);
    if (isZip(first)) {
      const archive = estimator.openArchive(file.displayName, explicit);
      const scan = await streamZip(
        file.path,
        file.displayName,
        (entryName) => archive.openEntry(entryName),
        (bytesRead) => progress.update(doneBytes + bytesRead),
        drain,
      );
      archive.end(scan.entryNames.length);
    } else {
      const sink = estimator.openFile(file.displayName, explicit);
      let bytesRead = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
        const bytes = chunk as Buffer;
        bytesRead += bytes.length;
        sink.write(bytes);
        progress.update(doneBytes + bytesRead);
        await drain();
      }
      sink.end(true);
      await drain();
    }
    doneBytes += file.sizeBytes;
  }
  progress.update(totalBytes);
}

async function readStart(path: string): Promise<Uint8Array> {
  const stream = createReadStream(path, { start: 0, end: 3 });
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
