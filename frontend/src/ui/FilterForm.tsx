import { Button } from "design-react-kit";
import type { FormEvent, ReactNode } from "react";
import { FormattedMessage } from "react-intl";

/**
 * The filters above a list: a search landmark named by label, the fields
 * in a row, then the submit button and "Reset filters" (which applies none).
 */
export function FilterForm({
  label,
  submitLabel,
  onSubmit,
  onReset,
  actionsClassName = "col-md-4",
  children,
}: {
  label: string;
  submitLabel: ReactNode;
  onSubmit: () => void;
  onReset: () => void;
  actionsClassName?: string;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form role="search" aria-label={label} onSubmit={submit} className="row g-3 align-items-end mb-4">
      {children}
      <div className={`${actionsClassName} d-flex gap-2`}>
        <Button color="primary" type="submit">
          {submitLabel}
        </Button>
        <Button color="secondary" outline type="button" onClick={onReset}>
          <FormattedMessage id="common.reset" />
        </Button>
      </div>
    </form>
  );
}

/** A filter's labelled select; the options are the children. */
export function LabelledSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <>
      <label htmlFor={id} className="form-label fw-semibold">
        {label}
      </label>
      <select id={id} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </>
  );
}

/**
 * A filter's select: "any" first, then the options; a value from the URL
 * that is not (or not yet) among them stays selectable as itself.
 */
export function FilterSelect({
  id,
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  label: ReactNode;
  anyLabel: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <LabelledSelect id={id} label={label} value={value} onChange={onChange}>
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
    </LabelledSelect>
  );
}
