import { useId } from "react";
import { useIntl } from "react-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { TextField } from "../../../ui/fields";
import { useEnumOptions } from "../../../ui/enums";

// Small additions to the shared fields for the actions' forms.

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

/**
 * The options of an enum in a natural order: by label, or in the order
 * given (the introspection lists values alphabetically by code).
 */
export function useOrderedEnumOptions(enumName: string, order?: readonly string[]) {
  const options = useEnumOptions(enumName);
  return order
    ? [...options].sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
    : [...options].sort((a, b) => (a.value === "OTHER" ? 1 : b.value === "OTHER" ? -1 : a.label.localeCompare(b.label, "it")));
}

/** Natural orders of some enums (the schema's). */
export const enumOrder = {
  InterventionStatus: ["PLANNED", "ONGOING", "COMPLETED", "INTERRUPTED"],
  GoalStatus: ["OPEN", "ACHIEVED", "PARTIALLY_ACHIEVED", "NOT_ACHIEVED", "DROPPED"],
  NeedLevel: ["NONE", "LOW", "MODERATE", "SEVERE"],
  OutcomeValueDimension: ["ECONOMIC", "SOCIAL", "CULTURAL"],
  OutcomeKind: [
    "EMPLOYMENT_PERMANENT",
    "EMPLOYMENT_FIXED_TERM",
    "APPRENTICESHIP",
    "SELF_EMPLOYMENT",
    "INTERNSHIP_COMPLETED",
    "TRAINING_COMPLETED",
    "QUALIFICATION_OBTAINED",
    "HOUSING_SECURED",
    "INCOME_STABILISED",
    "HEALTH_PATHWAY_STARTED",
    "SOCIAL_REINTEGRATION",
    "COMMUNITY_ENGAGEMENT",
    "DROPPED_OUT",
    "OTHER",
  ],
  CaseClosureReason: ["GOALS_MET", "PARTIALLY_MET", "DROPPED_OUT", "MOVED_AWAY", "TRANSFERRED", "DECEASED", "OTHER"],
} as const;
