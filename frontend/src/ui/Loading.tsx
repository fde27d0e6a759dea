import { Spinner } from "design-react-kit";
import { useIntl } from "react-intl";

export function Loading() {
  const intl = useIntl();
  return (
    <div className="d-flex align-items-center gap-2 my-4" role="status" aria-live="polite">
      <Spinner active small />
      <span>{intl.formatMessage({ id: "common.loading" })}</span>
    </div>
  );
}
