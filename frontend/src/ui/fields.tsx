import type { InputHTMLAttributes, ReactNode } from "react";
import { useId } from "react";
import { useIntl } from "react-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { CombinedError } from "urql";
import { apiErrors } from "../api/errors";

// Form fields bound to react-hook-form, with a visible label, the error
// said next to the field and tied to it for screen readers. Validation
// messages are catalogue ids (zod schemas name them); errors the server
// returns on a field are shown in its words.

interface FieldProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  hint?: string;
}

function useFieldError<T extends FieldValues>(form: UseFormReturn<T>, name: Path<T>): string | undefined {
  const intl = useIntl();
  const error = form.getFieldState(name, form.formState).error;
  if (!error?.message) {
    return undefined;
  }
  return error.type === "server" ? intl.formatMessage({ id: "form.serverRejected" }, { detail: error.message }) : intl.formatMessage({ id: error.message });
}

/** The hint and the error under a field, tied to it by describedBy's ids. */
function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

function Shell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label fw-semibold">
        {label}
      </label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "form" | "name">;

// Bootstrap Italia draws the field's line only on inputs with an explicit
// type, hence type="text" by default.
export function TextField<T extends FieldValues>({ form, name, label, hint, type = "text", ...input }: FieldProps<T> & InputProps) {
  const id = useId();
  const error = useFieldError(form, name);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        type={type}
        {...input}
        {...form.register(name)}
      />
    </Shell>
  );
}

export function TextAreaField<T extends FieldValues>({ form, name, label, hint, rows = 3 }: FieldProps<T> & { rows?: number }) {
  const id = useId();
  const error = useFieldError(form, name);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name)}
      />
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<T extends FieldValues>({ form, name, label, hint, options, placeholder }: FieldProps<T> & { options: Option[]; placeholder?: string }) {
  const id = useId();
  const error = useFieldError(form, name);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={`form-select${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...form.register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A group of checkboxes for a list value (e.g. need areas). */
export function CheckboxesField<T extends FieldValues>({ form, name, label, hint, options }: FieldProps<T> & { options: Option[] }) {
  const id = useId();
  const error = useFieldError(form, name);
  return (
    <fieldset className="mb-3" aria-describedby={describedBy(id, hint, error)}>
      <legend className="form-label fw-semibold fs-6">{label}</legend>
      <div className="d-flex flex-wrap gap-3">
        {options.map((o) => (
          <div className="form-check" key={o.value}>
            <input className="form-check-input" type="checkbox" id={`${id}-${o.value}`} value={o.value} {...form.register(name)} />
            <label className="form-check-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/**
 * Puts the server's BAD_USER_INPUT errors on the form's fields: `fields`
 * maps the API's field names (e.g. "newPerson.taxCode") to the form's.
 * Returns whether every error found a field; the rest are for an alert.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: CombinedError | undefined, fields: Partial<Record<string, Path<T>>>): boolean {
  let all = true;
  for (const e of apiErrors(error)) {
    const target = e.code === "BAD_USER_INPUT" && e.field ? fields[e.field] : undefined;
    if (target) {
      form.setError(target, { type: "server", message: e.message });
    } else {
      all = false;
    }
  }
  return all;
}
