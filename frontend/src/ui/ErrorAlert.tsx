import { Alert } from "design-react-kit";
import { FormattedMessage } from "react-intl";
import type { CombinedError } from "urql";
import { apiErrors } from "../api/errors";

/**
 * An API error in the user's language: what happened (by code) and, for
 * the curious or for support, the server's own words.
 */
export function ErrorAlert({ error }: { error: CombinedError | undefined | null }) {
  const errors = apiErrors(error);
  if (errors.length === 0) {
    return null;
  }
  return (
    <Alert color="danger" role="alert">
      {errors.map((e, i) => (
        <p key={i} className="mb-1">
          <strong>
            <FormattedMessage id={`error.${e.code}`} />
          </strong>{" "}
          {e.code !== "INTERNAL" && e.code !== "NETWORK" && <span>({e.message})</span>}
        </p>
      ))}
    </Alert>
  );
}
