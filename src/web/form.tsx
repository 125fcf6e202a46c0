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

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date typed as YYYY-MM-DD, in both languages. Not the browser's date input: that one shows the browser's
 * own format (mm/dd/yyyy on a French page in an American browser), never the page's. The date is passed
 * on once complete (or cleared); what is being typed stays in the field meanwhile.
 */
export function DateField(
  props: FieldShell & {
    value: string | undefined;
    onChange: (v: string | undefined) => void;
    required?: boolean;
    /** The format as the page's language writes it ("YYYY-MM-DD", "AAAA-MM-JJ"). */
    format: string;
  },
) {
  const { id, label, value, onChange, format } = props;
  const [text, setText] = useState(value ?? "");
  useEffect(() => {
    // Follow outside changes (reset, a shared link) without rewriting what is being typed.
    if ((value ?? "") !== text && (value !== undefined || isoDate.test(text))) setText(value ?? "");
  }, [value]);
  const hint = props.hint ? `${props.hint} (${format})` : format;
  return (
    <Field id={id} label={label} hint={hint} error={props.error}>
      <input
        id={id}
        name={id}
        type="text"
        class="date"
        inputMode="numeric"
        autoComplete="off"
        placeholder={format}
        pattern="\d{4}-\d{2}-\d{2}"
        maxLength={10}
        value={text}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy({ ...props, hint })}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          setText(raw);
          if (raw === "") onChange(undefined);
          else if (isoDate.test(raw)) onChange(raw);
        }}
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
