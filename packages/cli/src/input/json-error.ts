/**
 * Where `JSON.parse` failed, without its message: V8's messages quote the input around the error,
 * and the input may be someone's private chat. Returns the character index when V8 gives one.
 */
export function jsonErrorPosition(error: unknown): number | undefined {
  if (!(error instanceof SyntaxError)) return undefined;
  const match = /position (\d+)/.exec(error.message);
  return match === null ? undefined : Number(match[1]);
}

/** UTF-8 byte offset of character index `charIndex` in `text`. */
export function byteOffsetOf(text: string, charIndex: number): number {
  return Buffer.byteLength(text.slice(0, Math.max(0, charIndex)), "utf8");
}
