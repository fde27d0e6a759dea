import { Button } from "design-react-kit";
import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { useSubscription } from "urql";
import { graphql } from "../../gql";

export const CaseChangedDoc = graphql(`
  subscription CaseChangedNotice($id: ID!) {
    caseChanged(id: $id) {
      version
      kind
      byViewer
    }
  }
`);

/**
 * On an open case page, says when someone else changed the case and
 * offers to reload it: a step taken on the old version would only fail
 * with CONFLICT. The viewer's own changes (in this tab or another) are
 * not announced. Only the version is asked for, not the case: the page
 * reloads it whole when the user says so.
 */
export function CaseChangedNotice({ caseId, version, onReload }: { caseId: string; version: number; onReload: () => void }) {
  const [{ data }] = useSubscription({ query: CaseChangedDoc, variables: { id: caseId } });
  const [dismissed, setDismissed] = useState(0);
  const change = data?.caseChanged;
  if (!change || change.byViewer || change.version <= version || change.version <= dismissed) {
    return null;
  }
  return (
    <div className="alert alert-warning d-flex flex-wrap align-items-center gap-3" role="status" data-testid="case-changed">
      <span>
        <FormattedMessage id="cases.changed.text" />
      </span>
      <Button
        color="primary"
        size="sm"
        onClick={() => {
          setDismissed(change.version);
          onReload();
        }}
      >
        <FormattedMessage id="cases.changed.reload" />
      </Button>
    </div>
  );
}
