import { useId } from "react";
import { useIntl } from "react-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { TextField } from "../../../ui/fields";

// Small additions to the shared fields for the actions' forms.

/** The actions' forms' shorthand for a catalogue message. */
export function useT() {
  const intl = useIntl();
  return (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
}

/** A date picked in an <input type="date">, as YYYY-MM-DD. */
export function DateField<T extends FieldValues>(props: { form: UseFormReturn<T>; name: Path<T>; label: string; hint?: string }) {
  return <TextField {...props} type="date" />;
}

/** The message of a list's own error (e.g. "at least one goal"), said to screen readers. */
export function ListError<T extends FieldValues>({ form, name }: { form: UseFormReturn<T>; name: Path<T> }) {
  const intl = useIntl();
  const error = form.getFieldState(name, form.formState).error as { message?: string; root?: { message?: string } } | undefined;
  const message = error?.message ?? error?.root?.message;
  if (!message) {
    return null;
  }
  return (
    <div className="invalid-feedback d-block mb-3" role="alert">
      {intl.formatMessage({ id: message })}
    </div>
  );
}

/** A yes/no question as two radio buttons (value "yes" or "no"). */
export function YesNoField<T extends FieldValues>({ form, name, label }: { form: UseFormReturn<T>; name: Path<T>; label: string }) {
  const id = useId();
  const intl = useIntl();
  const error = form.getFieldState(name, form.formState).error;
  return (
    <fieldset className="mb-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="form-label fw-semibold fs-6">{label}</legend>
      {(["yes", "no"] as const).map((v) => (
        <div className="form-check form-check-inline" key={v}>
          <input className="form-check-input" type="radio" id={`${id}-${v}`} value={v} {...form.register(name)} />
          <label className="form-check-label" htmlFor={`${id}-${v}`}>
            {intl.formatMessage({ id: v === "yes" ? "common.yes" : "common.no" })}
          </label>
        </div>
      ))}
      {error?.message && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {intl.formatMessage({ id: error.message })}
        </div>
      )}
    </fieldset>
  );
}

/** One checkbox for a boolean value. */
export function CheckField<T extends FieldValues>({ form, name, label }: { form: UseFormReturn<T>; name: Path<T>; label: string }) {
  const id = useId();
  return (
    <div className="form-check mb-3">
      <input className="form-check-input" type="checkbox" id={id} {...form.register(name)} />
      <label className="form-check-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
