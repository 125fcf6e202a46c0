// Accessible form controls: every input has a visible label, its allowed range as a hint, and its
// error tied to it with aria-describedby. Number fields keep the text being typed ("6." on the way
// to "6.5") instead of fighting the user.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

interface FieldShell {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function describedBy({ id, hint, error }: FieldShell): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ id, hint, error }: FieldShell) {
  return (
    <>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
}

/** A labelled control with its hint and error under it, marked invalid while it has an error. */
function Field({ children, ...shell }: FieldShell & { children: ComponentChildren }) {
  return (
    <div class={`field${shell.error ? " invalid" : ""}`}>
      <label for={shell.id}>{shell.label}</label>
      {children}
      <Messages {...shell} />
    </div>
  );
}

export function NumberField(
  props: FieldShell & {
    value: number | undefined;
    onChange: (value: number | undefined) => void;
    min?: number;
    max?: number;
    step?: number;
  },
) {
  const { id, label, value, onChange, min, max, step } = props;
  const [text, setText] = useState(value === undefined ? "" : String(value));
  useEffect(() => {
    // Follow outside changes (reset, a shared link) without rewriting what is being typed.
    if (value === undefined ? text.trim() !== "" : Number(text) !== value)
      setText(value === undefined ? "" : String(value));
  }, [value]);
  return (
    <Field id={id} label={label} hint={props.hint} error={props.error}>
      <input
        id={id}
        name={id}
        type="number"
        inputMode={step && step < 1 ? "decimal" : "numeric"}
        value={text}
        min={min}
        max={max}
        step={step ?? 1}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value;
          setText(raw);
          const n = raw.trim() === "" ? undefined : Number(raw);
          onChange(n === undefined || Number.isNaN(n) ? undefined : n);
        }}
      />
    </Field>
  );
}

export function SelectField<V extends string>(
  props: FieldShell & {
    value: V | undefined;
    options: readonly (readonly [V, string])[];
    onChange: (v: V) => void;
  },
) {
  const { id, label, value, options, onChange } = props;
  return (
    <Field id={id} label={label} hint={props.hint} error={props.error}>
      <select
        id={id}
        name={id}
        value={value ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TextField(
  props: FieldShell & {
    value: string;
    onChange: (v: string) => void;
    maxLength?: number;
    readOnly?: boolean;
  },
) {
  const { id, label, value, onChange } = props;
  return (
    <Field id={id} label={label} hint={props.hint} error={props.error}>
      <input
        id={id}
        name={id}
        type="text"
        value={value}
        maxLength={props.maxLength}
        readOnly={props.readOnly}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </Field>
  );
}

export function DateField(
  props: FieldShell & {
    value: string | undefined;
    onChange: (v: string | undefined) => void;
    required?: boolean;
  },
) {
  const { id, label, value, onChange } = props;
  return (
    <Field id={id} label={label} hint={props.hint} error={props.error}>
      <input
        id={id}
        name={id}
        type="date"
        value={value ?? ""}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value || undefined)}
      />
    </Field>
  );
}

export function CheckField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class="check">
      <input
        id={props.id}
        name={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

export function Fieldset(props: { legend: string; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={props.class}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
