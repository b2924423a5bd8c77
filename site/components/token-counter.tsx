// The token counter island: text or a chat (typed, pasted or dropped as a file) counted for the
// chosen models side by side, with exact/estimated badges, the cost of sending and of receiving it,
// and the token boundaries of an OpenAI encoding. All counting happens in a Web Worker that is
// started on first input, so the page loads no tokenizer until it needs one.
import {
  type ChangeEvent,
  type DragEvent,
  memo,
  type ReactElement,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type {
  CounterChatMessage,
  CounterWorkerMessage,
  CountRequest,
  CountResult,
} from "../lib/counter-protocol.ts";
import { formatCount, formatDate, formatUsd } from "../lib/format.ts";

export interface CounterModel {
  id: string;
  displayName: string;
  providerDisplayName: string;
  tokenizer: string;
  /** OpenAI encodings count exactly and can show boundaries. */
  exact: boolean;
}

export interface TokenCounterProps {
  models: CounterModel[];
  defaultModelIds: string[];
  pricingVersion: string;
  /** The day the table's prices are in effect for (its publication date, ISO). */
  pricingPublishedOn: string;
}

/** Tokens drawn in the boundary view: enough to read, few enough to redraw while typing. */
const BOUNDARY_LIMIT = 1000;
/** From this many characters on, counting waits for a pause in typing of LONG_TEXT_PAUSE_MS. */
const LONG_TEXT_CHARS = 20_000;
const LONG_TEXT_PAUSE_MS = 150;
const MAX_FILE_BYTES = 25 * 1024 * 1024;
const EXAMPLE_TEXT =
  "Tokens are the pieces a model reads: common words are one token, rarer words split into several, and punctuation, spaces and emoji 🙂 count too. Special strings like <|endoftext|> are counted as plain text.";
const ROLES: CounterChatMessage["role"][] = ["system", "user", "assistant"];

function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === "" ? 0 : words.length;
}

/** Reads a chat from JSON: an array of `{role, content}` or `{ messages: [...] }`. */
function chatFromJson(value: unknown): CounterChatMessage[] | undefined {
  const list = Array.isArray(value)
    ? value
    : typeof value === "object" &&
        value !== null &&
        Array.isArray((value as { messages?: unknown }).messages)
      ? (value as { messages: unknown[] }).messages
      : undefined;
  if (list === undefined || list.length === 0) return undefined;
  const messages: CounterChatMessage[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null) return undefined;
    const { role, content } = item as { role?: unknown; content?: unknown };
    if (role !== "system" && role !== "user" && role !== "assistant" && role !== "developer") {
      return undefined;
    }
    if (typeof content !== "string") return undefined;
    messages.push({ role: role === "developer" ? "system" : role, content });
  }
  return messages;
}

export default function TokenCounter(props: TokenCounterProps): ReactElement {
  const [mode, setMode] = useState<"text" | "chat">("text");
  const [text, setTextState] = useState("");
  // The text box is uncontrolled: React keeps a controlled <textarea>'s defaultValue in sync,
  // rewriting a 50,000-character text node on every keystroke. Programmatic changes go through
  // setText, which also updates the box.
  const textBoxRef = useRef<HTMLTextAreaElement>(null);
  const setText = useCallback((value: string) => {
    if (textBoxRef.current && textBoxRef.current.value !== value) textBoxRef.current.value = value;
    setTextState(value);
  }, []);
  const [messages, setMessages] = useState<CounterChatMessage[]>([
    { role: "system", content: "" },
    { role: "user", content: "" },
  ]);
  const [selected, setSelected] = useState<string[]>(props.defaultModelIds);
  const [boundaryModel, setBoundaryModel] = useState<string | null>(
    props.defaultModelIds.find((id) => props.models.find((m) => m.id === id)?.exact) ?? null,
  );
  // A result is kept with the text it was computed for, so boundaries never misalign while typing.
  const [answer, setAnswer] = useState<{ result: CountResult; text: string } | null>(null);
  const sentTextRef = useRef("");
  const [loading, setLoading] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const workerRef = useRef<Worker | null>(null);
  const requestIdRef = useRef(0);
  const ids = { text: useId(), file: useId(), boundary: useId(), models: useId() };

  const modelsById = useMemo(() => new Map(props.models.map((m) => [m.id, m])), [props.models]);
  const byProvider = useMemo(() => {
    const groups = new Map<string, CounterModel[]>();
    for (const model of props.models) {
      const list = groups.get(model.providerDisplayName) ?? [];
      list.push(model);
      groups.set(model.providerDisplayName, list);
    }
    return [...groups];
  }, [props.models]);

  const hasInput =
    mode === "text" ? text.length > 0 : messages.some((message) => message.content.length > 0);

  const worker = useCallback((): Worker => {
    if (workerRef.current) return workerRef.current;
    const created = new Worker(new URL("../workers/counter.worker.ts", import.meta.url), {
      type: "module",
      name: "token-counter",
    });
    created.addEventListener("message", (event: MessageEvent<CounterWorkerMessage>) => {
      const data = event.data;
      if (data.type === "status") setLoading(data.loading);
      else if (data.requestId === requestIdRef.current) {
        setAnswer({ result: data, text: sentTextRef.current });
      }
    });
    workerRef.current = created;
    return created;
  }, []);

  useEffect(() => () => workerRef.current?.terminate(), []);

  useEffect(() => {
    if (!hasInput) {
      requestIdRef.current += 1;
      setAnswer(null);
      return;
    }
    requestIdRef.current += 1;
    sentTextRef.current = mode === "chat" ? messages.map((m) => m.content).join("\n") : text;
    const request: CountRequest = {
      type: "count",
      requestId: requestIdRef.current,
      mode,
      text,
      messages,
      models: selected,
      boundariesFor:
        boundaryModel !== null && selected.includes(boundaryModel) ? boundaryModel : null,
      boundaryLimit: BOUNDARY_LIMIT,
    };
    // Short texts are counted on every keystroke. Long ones wait for a pause in typing, so the
    // worker is not recounting 50,000 characters per key while the page needs the CPU to echo them.
    const size = sentTextRef.current.length;
    if (size < LONG_TEXT_CHARS) {
      worker().postMessage(request);
      return;
    }
    const timer = setTimeout(() => worker().postMessage(request), LONG_TEXT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [hasInput, mode, text, messages, selected, boundaryModel, worker]);

  const toggleModel = (id: string) => {
    setSelected((current) =>
      current.includes(id) ? current.filter((m) => m !== id) : [...current, id],
    );
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileNote({
        ok: false,
        text: `${file.name} is ${formatCount(file.size)} bytes; the counter takes files up to 25 MB. Count a part of it, or use the CLI for large files.`,
      });
      return;
    }
    try {
      const content = await file.text();
      if (/\.json$/i.test(file.name)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(content);
        } catch {
          parsed = undefined;
        }
        const chat = parsed === undefined ? undefined : chatFromJson(parsed);
        if (chat) {
          setMessages(chat);
          setMode("chat");
          setFileNote({ ok: true, text: `Read ${file.name}: a chat of ${chat.length} messages.` });
          return;
        }
      }
      setText(content);
      setMode("text");
      setFileNote({
        ok: true,
        text: `Read ${file.name} (${formatCount(content.length)} characters) as plain text.`,
      });
    } catch {
      setFileNote({
        ok: false,
        text: `Could not read ${file.name} as text. Is it a text file (.txt, .md, .json, code)?`,
      });
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  // Typing re-renders at full priority; redrawing results (and thousands of token spans) waits.
  const shown = useDeferredValue(answer);
  const result = shown?.result ?? null;
  const counts = result?.counts ?? [];
  const exactSelected = selected.filter((id) => modelsById.get(id)?.exact);

  return (
    <div className="counter">
      <div className="stack">
        <fieldset className="segmented">
          <legend>Count</legend>
          {(["text", "chat"] as const).map((value) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="counter-mode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {value === "text" ? "Plain text" : "A chat (messages with roles)"}
            </label>
          ))}
        </fieldset>

        <section
          className={dragging ? "dropzone dragging" : "dropzone"}
          aria-label="Text input; you can also drop a file here"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          {mode === "text" ? (
            <div className="field">
              <label htmlFor={ids.text}>Text to count</label>
              <textarea
                id={ids.text}
                ref={textBoxRef}
                defaultValue={text}
                spellCheck={false}
                placeholder="Type or paste text, or drop a file here."
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                  setTextState(event.target.value)
                }
              />
              <span className="hint">
                {formatCount(text.length)} characters · {formatCount(wordCount(text))} words
              </span>
            </div>
          ) : (
            <ol className="chat-editor">
              {messages.map((message, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity but their position
                <li key={index} className="chat-message">
                  <div className="row">
                    <label className="sr-only" htmlFor={`${ids.text}-role-${index}`}>
                      Role of message {index + 1}
                    </label>
                    <select
                      id={`${ids.text}-role-${index}`}
                      value={message.role}
                      onChange={(event) =>
                        setMessages((all) =>
                          all.map((m, i) =>
                            i === index
                              ? { ...m, role: event.target.value as CounterChatMessage["role"] }
                              : m,
                          ),
                        )
                      }
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setMessages((all) => all.filter((_, i) => i !== index))}
                      disabled={messages.length <= 1}
                    >
                      Remove<span className="sr-only"> message {index + 1}</span>
                    </button>
                  </div>
                  <label className="sr-only" htmlFor={`${ids.text}-content-${index}`}>
                    Content of message {index + 1} ({message.role})
                  </label>
                  <textarea
                    id={`${ids.text}-content-${index}`}
                    className="short"
                    value={message.content}
                    spellCheck={false}
                    placeholder={`${message.role} message`}
                    onChange={(event) =>
                      setMessages((all) =>
                        all.map((m, i) =>
                          i === index ? { ...m, content: event.target.value } : m,
                        ),
                      )
                    }
                  />
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    setMessages((all) => [
                      ...all,
                      { role: all.at(-1)?.role === "user" ? "assistant" : "user", content: "" },
                    ])
                  }
                >
                  Add a message
                </button>
              </li>
            </ol>
          )}
          <div className="row">
            <label htmlFor={ids.file} className="button secondary file-button">
              Open a file…
            </label>
            <input
              id={ids.file}
              className="sr-only file-input"
              type="file"
              accept=".txt,.md,.json,.jsonl,.csv,.html,.xml,.js,.ts,.py,.java,.c,.cpp,.go,.rs,text/*"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void readFile(file);
                event.target.value = "";
              }}
            />
            {mode === "text" && text.length === 0 ? (
              <button type="button" className="secondary" onClick={() => setText(EXAMPLE_TEXT)}>
                Try an example
              </button>
            ) : null}
            {hasInput ? (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setText("");
                  setMessages([
                    { role: "system", content: "" },
                    { role: "user", content: "" },
                  ]);
                  setFileNote(null);
                }}
              >
                Clear
              </button>
            ) : null}
          </div>
          {fileNote ? (
            <p className={fileNote.ok ? "small muted" : "notice bad small"} role="status">
              {fileNote.text}
            </p>
          ) : null}
          <p className="small muted">
            Your text stays in this tab: it is counted by a worker in your browser and never stored
            or sent.
          </p>
        </section>

        <div className="field">
          <label htmlFor={ids.models}>Add a model to compare</label>
          <select
            id={ids.models}
            value=""
            onChange={(event) => {
              const id = event.target.value;
              if (id !== "" && !selected.includes(id)) setSelected((current) => [...current, id]);
            }}
          >
            <option value="">Choose a model…</option>
            {byProvider.map(([provider, list]) => (
              <optgroup key={provider} label={provider}>
                {list
                  .filter((model) => !selected.includes(model.id))
                  .map((model) => (
                    <option key={model.id} value={model.id}>
                      {model.displayName}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <span className="hint">Remove a model with the × button in its row.</span>
        </div>
      </div>

      <div className="stack">
        <section className="card" aria-labelledby={`${ids.models}-h`}>
          <h2 id={`${ids.models}-h`}>Tokens and cost</h2>
          <p className="small muted" aria-live="polite">
            {!hasInput
              ? "Type, paste or drop something to count it."
              : loading
                ? `Loading the tokenizer for ${modelsById.get(loading)?.displayName ?? loading} (once)…`
                : result
                  ? `Counted in ${Math.max(1, Math.round(result.elapsedMs - result.loadMs))} ms${result.loadMs >= 1 ? ` (after loading the tokenizers once, ${(result.loadMs / 1000).toFixed(1)} s)` : ""}. Prices: table ${props.pricingVersion}, in effect on ${formatDate(props.pricingPublishedOn)}.`
                  : "Counting…"}
          </p>
          <div className="table-wrap">
            <table className="count-table">
              <caption className="sr-only">Token counts and costs per model</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col" className="num">
                    Tokens
                  </th>
                  <th scope="col" className="num">
                    <span className="sr-only">Cost to </span>Send
                    <br />
                    <span className="small muted">
                      <span className="sr-only">cost to </span>receive
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {selected.length === 0 ? (
                  <tr>
                    <td colSpan={3} className="muted">
                      Choose at least one model.
                    </td>
                  </tr>
                ) : null}
                {selected.map((id) => {
                  const model = modelsById.get(id);
                  const count = hasInput ? counts.find((c) => c.model === id) : undefined;
                  const failure = hasInput
                    ? result?.failures.find((f) => f.model === id)
                    : undefined;
                  return (
                    <tr key={id} data-model={id}>
                      <th scope="row">
                        <button
                          type="button"
                          className="icon-button remove-model"
                          aria-label={`Remove ${model?.displayName ?? id}`}
                          onClick={() => toggleModel(id)}
                        >
                          ×
                        </button>
                        {model?.displayName ?? id}{" "}
                        {count ? (
                          <span
                            className={count.exact ? "badge exact" : "badge estimated"}
                            title={count.method}
                          >
                            {count.exact ? "exact" : "estimated"}
                          </span>
                        ) : null}
                        {count ? <div className="small muted method">{count.method}</div> : null}
                        {failure ? (
                          <div className="small bad-text" role="alert">
                            {failure.message}
                          </div>
                        ) : null}
                      </th>
                      <td className="num tokens" data-tokens={count?.tokens ?? ""}>
                        {count ? formatCount(count.tokens) : hasInput ? "…" : "—"}
                      </td>
                      <td className="num">
                        {count ? formatUsd(count.sendUsd) : "—"}
                        <br />
                        <span className="small muted">
                          {count ? formatUsd(count.receiveUsd) : "—"}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="small muted">
            “Send” prices these tokens as uncached input (you send the text), “receive” as output (a
            model writes it), at each model's standard price. Costs of estimated counts are
            estimates too. Chats include each model's per-message formatting tokens.
          </p>
        </section>

        <section className="card" aria-labelledby={`${ids.boundary}-h`}>
          <h2 id={`${ids.boundary}-h`}>Token boundaries</h2>
          {exactSelected.length === 0 ? (
            <p className="small muted">
              Boundaries are shown for OpenAI models, whose tokenizer is public. Choose one above.
            </p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={ids.boundary}>Show the tokens of</label>
                <select
                  id={ids.boundary}
                  value={
                    boundaryModel !== null && exactSelected.includes(boundaryModel)
                      ? boundaryModel
                      : ""
                  }
                  onChange={(event) => setBoundaryModel(event.target.value || null)}
                >
                  <option value="">(none)</option>
                  {exactSelected.map((id) => (
                    <option key={id} value={id}>
                      {modelsById.get(id)?.displayName ?? id} ({modelsById.get(id)?.tokenizer})
                    </option>
                  ))}
                </select>
              </div>
              <TokenView
                text={shown?.text ?? ""}
                boundaries={hasInput ? (result?.boundaries ?? null) : null}
                total={result?.boundaryTotal ?? 0}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

const TokenView = memo(function TokenView(props: {
  text: string;
  boundaries: Uint32Array | null;
  total: number;
}): ReactElement | null {
  const boundaries = props.boundaries;
  if (!boundaries || boundaries.length === 0) return null;
  const pieces: ReactElement[] = [];
  let start = 0;
  for (let i = 0; i < boundaries.length; i++) {
    const end = boundaries[i] ?? start;
    pieces.push(
      <span key={i} className={i % 2 === 0 ? "tok a" : "tok b"}>
        {props.text.slice(start, end)}
      </span>,
    );
    start = end;
  }
  const hidden = props.total - boundaries.length;
  return (
    <>
      <p className="token-view">
        {pieces}
        {hidden > 0 ? <span className="muted">…</span> : null}
      </p>
      {hidden > 0 ? (
        <p className="small muted">
          Showing the first {formatCount(boundaries.length)} tokens; {formatCount(hidden)} more are
          counted above.
        </p>
      ) : null}
    </>
  );
});
