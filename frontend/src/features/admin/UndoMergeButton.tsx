import { Alert, Button } from "design-react-kit";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, type CombinedError } from "urql";
import { graphql } from "../../gql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { undoMergeProblems } from "./undoMerge";

const UndoPersonMergeMutation = graphql(`
  mutation AdminUndoPersonMerge($mergedID: ID!) {
    undoPersonMerge(mergedID: $mergedID)
  }
`);

/** "Annulla unione" on a merge's row of the audit log: asks, undoes, and says why when refused. */
export function UndoMergeButton({ personID, onUndone }: { personID: string; onUndone: (restoredID: string) => void }) {
  const intl = useIntl();
  const [asking, setAsking] = useState(false);
  const [state, undo] = useMutation(UndoPersonMergeMutation);
  const [error, setError] = useState<CombinedError>();
  const problems = undoMergeProblems(error);
  const confirm = async () => {
    const r = await undo({ mergedID: personID });
    setError(r.error);
    if (r.data) {
      setAsking(false);
      onUndone(r.data.undoPersonMerge);
    }
  };
  return (
    <>
      <Button
        type="button"
        color="primary"
        outline
        size="xs"
        className="d-block mt-1"
        aria-label={intl.formatMessage({ id: "admin.undoMerge.buttonNamed" }, { id: personID })}
        onClick={() => {
          setError(undefined);
          setAsking(true);
        }}
      >
        <FormattedMessage id="admin.undoMerge.button" />
      </Button>
      <ConfirmDialog
        isOpen={asking}
        title={intl.formatMessage({ id: "admin.undoMerge.title" })}
        confirmLabel={intl.formatMessage({ id: "admin.undoMerge.confirm" })}
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <p>
          <FormattedMessage id="admin.undoMerge.text" values={{ id: <code>{personID}</code> }} />
        </p>
        <p className="small mb-0">
          <FormattedMessage id="admin.undoMerge.which" />
        </p>
        {problems.length > 0 && (
          <Alert color="danger" role="alert" className="mt-3 mb-0">
            {problems.map((p, i) => (
              <p key={i} className="mb-1">
                <strong>
                  <FormattedMessage id={p.message} />
                </strong>
                {p.detail && <span className="d-block small">({p.detail})</span>}
              </p>
            ))}
          </Alert>
        )}
      </ConfirmDialog>
    </>
  );
}
