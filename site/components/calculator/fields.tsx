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

export function NumberField(props: NumberFieldProps): ReactElement {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  // Follow outside changes (a preset, the back button) unless the box already says the same.
  useEffect(() => {
    setText((current) =>
      Number(current) === props.value && current.trim() !== "" ? current : String(props.value),
    );
  }, [props.value]);
  const parsed = parseWithin(text, props.min, props.max, props.integer === true);
  const localProblem =
    parsed === undefined
      ? `Enter ${props.integer ? "a whole number" : "a number"} from ${props.min} to ${props.max.toLocaleString("en-US")}.`
      : undefined;
  const problem = localProblem ?? props.problem;
  const describedBy = [props.hint ? `${id}-hint` : "", problem ? `${id}-problem` : ""]
    .filter(Boolean)
    .join(" ");
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
          aria-describedby={describedBy || undefined}
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
      {props.hint ? (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {problem ? (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      ) : null}
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
  const [text, setText] = useState(String(props.value.value));
  useEffect(() => {
    setText((current) =>
      Number(current) === props.value.value && current.trim() !== ""
        ? current
        : String(props.value.value),
    );
  }, [props.value.value]);
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
          aria-describedby={
            [props.hint ? `${id}-hint` : "", problem ? `${id}-problem` : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
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
      {props.hint ? (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {problem ? (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
