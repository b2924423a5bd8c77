// Bundlers (Vite, Astro) turn `?url` imports into the URL of an emitted asset. Declared per
// specifier, not as a `*?url` pattern, so this never collides with `vite/client`'s declaration.
declare module "tiktoken/lite/tiktoken_bg.wasm?url" {
  const url: string;
  export default url;
}
declare module "tiktoken/encoders/o200k_base.json?url" {
  const url: string;
  export default url;
}
declare module "tiktoken/encoders/cl100k_base.json?url" {
  const url: string;
  export default url;
}
