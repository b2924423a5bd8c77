// Form fields of the calculator. Number fields keep the text being typed (an empty or half-typed
// value is not forced to 0) and report a number only when it is one within bounds.
import { type ReactElement, type ReactNode, useEffect, useId, useState } from "react";
import type { Length } from "../../lib/scenario.ts";

interface NumberFieldProps {
  label: string;
  hint?: ReactNode;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  /** Shown after the box, e.g. "%". */
  suffix?: string;
  /** A problem core reported for this field. */
  problem?: string | undefined;
  /** Also offer a slider up to this value. */
  sliderMax?: number;
}

function parseWithin(text: string, min: number, max: number, integer: boolean): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) return undefined;
  if (integer && !Number.isInteger(value)) return undefined;
  return value;
}

/**
 * The text in a number box: what the person typed, following outside changes to `value` (a
 * preset, the back button) unless the box already says the same number.
 */
function useNumberText(value: number): [string, (text: string) => void] {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) =>
      Number(current) === value && current.trim() !== "" ? current : String(value),
    );
  }, [value]);
  return [text, setText];
}

/** `aria-describedby` of a field: its hint and its problem, where shown. */
function describedByOf(
  id: string,
  hint: ReactNode,
  problem: string | undefined,
): string | undefined {
  return (
    [hint ? `${id}-hint` : "", problem ? `${id}-problem` : ""].filter(Boolean).join(" ") ||
    undefined
  );
}

/** The hint and the problem under a field, with the ids {@link describedByOf} points at. */
function FieldNotes(props: {
  id: string;
  hint: ReactNode;
  problem: string | undefined;
}): ReactElement {
  return (
    <>
      {props.hint ? (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.problem ? (
        <span className="field-problem" id={`${props.id}-problem`} role="alert">
          {props.problem}
        </span>
      ) : null}
    </>
  );
}

export function NumberField(props: NumberFieldProps): ReactElement {
  const id = useId();
  const [text, setText] = useNumberText(props.value);
  const parsed = parseWithin(text, props.min, props.max, props.integer === true);
  const localProblem =
    parsed === undefined
      ? `Enter ${props.integer ? "a whole number" : "a number"} from ${props.min} to ${props.max.toLocaleString("en-US")}.`
      : undefined;
  const problem = localProblem ?? props.problem;
  const update = (next: string) => {
    setText(next);
    const value = parseWithin(next, props.min, props.max, props.integer === true);
    if (value !== undefined) props.onChange(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="input-row">
        <input
          id={id}
          type="number"
          inputMode={props.integer ? "numeric" : "decimal"}
          min={props.min}
          max={props.max}
          step={props.step ?? (props.integer ? 1 : "any")}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedByOf(id, props.hint, problem)}
          onChange={(event) => update(event.target.value)}
        />
        {props.suffix ? <span className="suffix">{props.suffix}</span> : null}
      </div>
      {props.sliderMax !== undefined ? (
        <input
          type="range"
          aria-label={`${props.label} (slider)`}
          min={props.min}
          max={Math.max(props.sliderMax, props.value)}
          step={props.integer ? 1 : (props.step ?? 1)}
          value={props.value}
          onChange={(event) => update(event.target.value)}
        />
      ) : null}
      <FieldNotes id={id} hint={props.hint} problem={problem} />
    </div>
  );
}

interface LengthFieldProps {
  label: string;
  hint?: ReactNode;
  value: Length;
  onChange: (value: Length) => void;
  problem?: string | undefined;
}

export function LengthField(props: LengthFieldProps): ReactElement {
  const id = useId();
  const [text, setText] = useNumberText(props.value.value);
  const parsed = parseWithin(text, 0, 1_000_000, false);
  const problem = parsed === undefined ? "Enter a length from 0 to 1,000,000." : props.problem;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="input-row">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          max={1_000_000}
          step="any"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedByOf(id, props.hint, problem)}
          onChange={(event) => {
            setText(event.target.value);
            const value = parseWithin(event.target.value, 0, 1_000_000, false);
            if (value !== undefined) props.onChange({ ...props.value, value });
          }}
        />
        <select
          aria-label={`${props.label}: unit`}
          value={props.value.unit}
          onChange={(event) =>
            props.onChange({
              ...props.value,
              unit: event.target.value === "tokens" ? "tokens" : "words",
            })
          }
        >
          <option value="words">words</option>
          <option value="tokens">tokens</option>
        </select>
      </div>
      <FieldNotes id={id} hint={props.hint} problem={problem} />
    </div>
  );
}
