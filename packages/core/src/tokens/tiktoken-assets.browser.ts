// Browsers (Vite/Astro client builds, Web Workers): selected by the `browser` condition of
// `#tiktoken-assets`. No Vite plugin is needed: the lite WASM and the ranks are emitted as plain
// assets (`?url`) and fetched from the site's own origin only when a tokenizer is first requested.

import cl100kUrl from "tiktoken/encoders/cl100k_base.json?url";
import o200kUrl from "tiktoken/encoders/o200k_base.json?url";
import { init, Tiktoken } from "tiktoken/lite/init";
import wasmUrl from "tiktoken/lite/tiktoken_bg.wasm?url";
import type { TiktokenConstructor, TiktokenEncodingName } from "./tiktoken-types.ts";

const RANK_URLS: Record<TiktokenEncodingName, string> = {
  o200k_base: o200kUrl,
  cl100k_base: cl100kUrl,
};

let ready: Promise<TiktokenConstructor> | undefined;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response;
}

async function instantiate(imports: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  const response = await fetchOk(wasmUrl);
  // Servers that send .wasm without `application/wasm` make instantiateStreaming fail; fall back.
  if (response.headers.get("content-type")?.startsWith("application/wasm")) {
    return (await WebAssembly.instantiateStreaming(response, imports)).instance;
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}

/** Fetches and instantiates tiktoken's lite WASM once per page or worker. */
export function loadTiktoken(): Promise<TiktokenConstructor> {
  ready ??= init(instantiate).then(
    () => Tiktoken,
    (error: unknown) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}

/** Fetches the ranks of one encoding from the site's own origin; the caller validates them. */
export async function loadRanks(encoding: TiktokenEncodingName): Promise<unknown> {
  const response = await fetchOk(RANK_URLS[encoding]);
  return response.json();
}
