// The import page's worker: reads the dropped files in 1 MiB slices, unzips exports, and runs the
// same estimate as `tokenmeter estimate`, posting progress as it goes. Nothing leaves the worker
// but progress and the finished report; the files are never sent anywhere.
/// <reference lib="webworker" />
import { isTokenmeterError } from "@tokenmeter/core";
import { estimateFiles, ImportError, type ImportFile } from "../lib/import-estimate.ts";
import type { ImportMessage, ImportRequest } from "../lib/import-protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

const CHUNK_BYTES = 1 << 20;
/** At most this often, so a fast read does not flood the page with messages. */
const PROGRESS_EVERY_MS = 80;

function post(message: ImportMessage): void {
  self.postMessage(message);
}

function importFile(file: File): ImportFile {
  return {
    name: file.name,
    sizeBytes: file.size,
    start: async (bytes) => new Uint8Array(await file.slice(0, bytes).arrayBuffer()),
    chunks: async function* () {
      for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
        yield new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
      }
    },
  };
}

self.addEventListener("message", async (event: MessageEvent<ImportRequest>) => {
  if (event.data?.type !== "estimate") return;
  const started = performance.now();
  let lastProgress = 0;
  try {
    const { report, document } = await estimateFiles(
      event.data.files.map(importFile),
      event.data.options,
      (progress) => {
        const now = performance.now();
        if (now - lastProgress < PROGRESS_EVERY_MS && progress.doneBytes < progress.totalBytes)
          return;
        lastProgress = now;
        post({ type: "progress", ...progress });
      },
    );
    post({ type: "done", report, document, elapsedMs: performance.now() - started });
  } catch (error) {
    // Messages of ImportError and TokenmeterError name files, lines and byte offsets, never content.
    const message =
      error instanceof ImportError || isTokenmeterError(error)
        ? error.message
        : "The file could not be processed. If it is an export as downloaded, please report this.";
    post({ type: "error", message });
  }
});
