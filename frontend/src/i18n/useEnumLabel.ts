import { useIntl } from "react-intl";

/** The label of a GraphQL enum value, from the "enums" catalogue. */
export function useEnumLabel() {
  const intl = useIntl();
  return (enumName: string, value: string | null | undefined): string =>
    value ? intl.formatMessage({ id: `enum.${enumName}.${value}`, defaultMessage: value }) : "—";
}
