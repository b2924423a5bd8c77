import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";
import { isJsonWhitespace } from "./file-start.ts";
import type { ReaderContext } from "./reader-context.ts";

/** Receives each element of the top-level array (or the top-level object itself), fully parsed. */
export type JsonElementHandler = (value: unknown, index: number, byteOffset: number) => void;

/** A streaming reader of one JSON document whose top level is an array of records (or one record). */
export interface JsonDocumentStream {
  write(chunk: Uint8Array): void;
  end(): void;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const BOM = [0xef, 0xbb, 0xbf] as const;
const ABSOLUTE_POSITION = /absolute position "(\d+)"/;

/**
 * Streams a JSON document such as `conversations.json` with `@streamparser/json`, handing each
 * top-level array element to `onElement` as soon as it is complete and then dropping it
 * (`keepStack: false`), so memory stays at one element however large the file is.
 *
 * Bad input becomes issues located by byte offset: `EMPTY_FILE`, `BAD_JSON` (syntax error; reading stops there), `TRUNCATED` (the document ends
 * early; everything before it was read). The parser's own messages quote the input, so they are
 * never passed on. An exception thrown by `onElement` (strict mode, a caller's callback) propagates
 * out of `write()` unchanged.
 *
 * @param what the record's name in messages, e.g. "conversation".
 */
export function createJsonDocumentStream(
  ctx: ReaderContext,
  onElement: JsonElementHandler,
  what: string,
): JsonDocumentStream {
  let position = 0; // bytes handed to the document scanner so far
  let bomIndex = 0;
  let phase: "start" | "document" | "stopped" = "start";
  let tokenizer: Tokenizer | undefined;
  let documentBase = 0;
  let documentEnded = false;
  let depth = 0;
  let index = 0;
  let elementStart = 0;
  let lastTokenOffset = 0;
  let syntaxErrorAt: number | undefined;
  let handlerError: { error: unknown } | undefined;

  function stop(): void {
    phase = "stopped";
    tokenizer = undefined;
  }

  function startDocument(isArray: boolean, base: number): void {
    documentBase = base;
    // Buffering strings as bytes and decoding once measured ~10% faster than the default.
    const tok = new Tokenizer({ stringBufferSize: 64 * 1024 });
    const par = new TokenParser({ paths: isArray ? ["$.*"] : ["$"], keepStack: false });
    tok.onToken = (info) => {
      if (handlerError !== undefined || syntaxErrorAt !== undefined) return;
      const offset = documentBase + info.offset;
      lastTokenOffset = offset;
      const token = info.token;
      if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
        if (depth === 1) elementStart = offset;
        depth += 1;
      } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
        depth -= 1;
      } else if (depth === 1 && token !== TokenType.COMMA && token !== TokenType.COLON) {
        elementStart = offset;
      }
      par.write(info);
    };
    par.onValue = ({ value }) => {
      if (handlerError !== undefined) return;
      const at = isArray ? elementStart : documentBase;
      const elementIndex = index;
      index += 1;
      try {
        onElement(value, elementIndex, at);
      } catch (error) {
        handlerError = { error };
      }
    };
    const onError = (error: Error): void => {
      if (handlerError !== undefined || syntaxErrorAt !== undefined) return;
      const match = ABSOLUTE_POSITION.exec(error.message);
      syntaxErrorAt = match?.[1] === undefined ? lastTokenOffset : documentBase + Number(match[1]);
    };
    tok.onError = onError;
    par.onError = onError;
    par.onEnd = () => {
      documentEnded = true;
      if (!tok.isEnded) tok.end();
    };
    tok.onEnd = () => {
      if (!par.isEnded) par.end();
    };
    tokenizer = tok;
    phase = "document";
  }

  function afterWrite(): void {
    if (handlerError !== undefined) {
      const { error } = handlerError;
      stop();
      throw error;
    }
    if (syntaxErrorAt !== undefined) {
      const at = syntaxErrorAt;
      stop();
      if (documentEnded) {
        ctx.issue(
          "BAD_JSON",
          `unexpected data after the end of the JSON document at byte ${at}; everything before it was read`,
          { byteOffset: at },
          false,
        );
      } else {
        ctx.incomplete();
        ctx.issue(
          "BAD_JSON",
          `invalid JSON at byte ${at} (in ${what} #${index + 1}, which starts at byte ${elementStart}); the ${index} ${what}s before it were read, the rest of the file was not`,
          { byteOffset: at, path: `$[${index}]` },
        );
      }
    }
  }

  function scan(chunk: Uint8Array): void {
    let i = 0;
    if (phase === "start") {
      for (; i < chunk.length; i += 1) {
        const byte = chunk[i];
        const absolute = position + i;
        if (absolute === bomIndex && bomIndex < BOM.length && byte === BOM[bomIndex]) {
          bomIndex += 1;
          continue;
        }
        if (isJsonWhitespace(byte)) continue;
        if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
          startDocument(byte === OPEN_BRACKET, absolute);
          break;
        }
        position += chunk.length;
        stop();
        ctx.incomplete();
        ctx.issue(
          "BAD_JSON",
          `the file is not a JSON document (byte ${absolute} should start an array "[" or an object "{"); check that this is the export's conversations.json`,
          { byteOffset: absolute },
        );
        return;
      }
      if (phase === "start") {
        position += chunk.length;
        return;
      }
    }
    position += chunk.length;
    if (tokenizer === undefined) return;
    tokenizer.write(i === 0 ? chunk : chunk.subarray(i));
    afterWrite();
  }

  return {
    write(chunk) {
      if (phase !== "stopped") scan(chunk);
    },
    end() {
      if (phase === "stopped") return;
      if (phase === "start") {
        stop();
        ctx.issue(
          "EMPTY_FILE",
          "the file is empty (or only whitespace): there is nothing to read",
          {
            byteOffset: 0,
          },
        );
        return;
      }
      if (!documentEnded) {
        const openElement =
          depth > 1 ? ` inside ${what} #${index + 1}, which starts at byte ${elementStart}` : "";
        stop();
        ctx.incomplete();
        ctx.issue(
          "TRUNCATED",
          `the JSON ends early at byte ${position}${openElement}: the file is cut short (an interrupted download or unzip?). The ${index} complete ${what}s before it were read; download or unzip the export again to read the rest`,
          { byteOffset: position, path: `$[${index}]` },
        );
        return;
      }
      // The parser ended the tokenizer when the document closed; only trailing bytes remain checked.
      afterWrite();
      stop();
    },
  };
}
