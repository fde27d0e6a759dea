import type { IntrospectionEnumType } from "graphql";
import { useIntl } from "react-intl";
import schema from "../gql/introspection";
import type { Option } from "./fields";

// The values of the API's enums, in the schema's order, and their labels
// from the "enums" catalogue: a select or filter never lists values by hand.

const enums = new Map(
  schema.__schema.types.filter((t): t is IntrospectionEnumType => t.kind === "ENUM").map((t) => [t.name, t.enumValues.map((v) => v.name)]),
);

/** The values of an enum of the API, e.g. enumValues("NeedArea"). */
export function enumValues<T extends string = string>(enumName: string): T[] {
  const values = enums.get(enumName);
  if (!values) {
    throw new Error(`no enum ${enumName} in the schema`);
  }
  return values as T[];
}

/** Options for a select or checkboxes of an enum, labelled in the user's language. */
export function useEnumOptions(enumName: string, only?: readonly string[]): Option[] {
  const intl = useIntl();
  return enumValues(enumName)
    .filter((v) => !only || only.includes(v))
    .map((value) => ({ value, label: intl.formatMessage({ id: `enum.${enumName}.${value}`, defaultMessage: value }) }));
}
