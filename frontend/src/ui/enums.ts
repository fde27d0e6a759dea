import type { IntrospectionEnumType } from "graphql";
import { useIntl } from "react-intl";
import schema from "../gql/introspection";
import { catalogues } from "../i18n/catalogue";
import type { Option } from "./fields";

// The values of the API's enums and their labels from the "enums"
// catalogue: a select or filter never lists values by hand. The minified
// introspection sorts values by name; the catalogue keeps the schema's
// order (e.g. PLANNED, ONGOING, COMPLETED), which is the order shown.

const catalogueOrder = new Map(Object.keys(catalogues.it).map((key, i) => [key, i]));
const position = (enumName: string, value: string) => catalogueOrder.get(`enum.${enumName}.${value}`) ?? Number.MAX_SAFE_INTEGER;

const enums = new Map(
  schema.__schema.types
    .filter((t): t is IntrospectionEnumType => t.kind === "ENUM")
    .map((t) => [t.name, t.enumValues.map((v) => v.name).sort((a, b) => position(t.name, a) - position(t.name, b))]),
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
