import { Alert, Badge, Button } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { DataTable } from "../../ui/DataTable";
import { canCreateNew, canLink, type Match } from "./wizard";

/**
 * The persons WIN already knows who match the search: a warning that the
 * person may exist already, each match with why it matched and its open
 * case, and the choice of linking to one or recording a new person.
 */
export function MatchList({
  matches,
  onLink,
  onCreate,
  creating,
  chosenID,
}: {
  matches: Match[];
  onLink: (m: Match) => void;
  onCreate: () => void;
  creating: boolean;
  /** The person linked before, when the user came back to this step. */
  chosenID?: string;
}) {
  const intl = useIntl();
  const enumLabel = useEnumLabel();
  const allowNew = canCreateNew(matches);
  return (
    <section aria-labelledby="referral-matches-title" className="mb-4">
      <h3 id="referral-matches-title" className="h4">
        <FormattedMessage id="referral.matches.title" />
      </h3>
      {matches.length === 0 ? (
        <Alert fade={false} color="info">
          <FormattedMessage id="referral.matches.none" />
        </Alert>
      ) : (
        <div data-testid="duplicate-warning">
          <Alert fade={false} color="warning">
            <p className="fw-semibold mb-1">
              <FormattedMessage id="referral.matches.warning" values={{ count: matches.length }} />
            </p>
            <p className="mb-0">
              <FormattedMessage id="referral.matches.warningHelp" />
            </p>
          </Alert>
          <DataTable
            caption={<FormattedMessage id="referral.matches.caption" />}
            hideCaption
            className="table"
            columns={["referral.matches.pseudonym", "referral.matches.birthYear", "referral.matches.reasons", "referral.matches.openCase", "referral.matches.action"]}
          >
            {matches.map((m) => (
              <tr key={m.personID} aria-current={m.personID === chosenID ? "true" : undefined}>
                <td>
                  {m.pseudonym}
                  {m.personID === chosenID && (
                    <Badge color="primary" className="ms-2">
                      <FormattedMessage id="referral.matches.chosen" />
                    </Badge>
                  )}
                </td>
                <td>{m.birthYear}</td>
                <td>{m.reasons.map((r) => enumLabel("PersonMatchReason", r)).join("; ")}</td>
                <td>
                  {m.openCaseID ? (
                    <>
                      <Link to={`/cases/${m.openCaseID}`}>{m.openCaseCode}</Link>
                      {m.openCaseTable && <span className="d-block small">{m.openCaseTable}</span>}
                    </>
                  ) : (
                    <FormattedMessage id="referral.matches.noOpenCase" />
                  )}
                </td>
                <td>
                  {canLink(m) ? (
                    <Button
                      color="primary"
                      size="sm"
                      onClick={() => onLink(m)}
                      aria-label={intl.formatMessage({ id: "referral.matches.linkNamed" }, { pseudonym: m.pseudonym })}
                    >
                      <FormattedMessage id="referral.matches.link" />
                    </Button>
                  ) : (
                    <span>
                      <FormattedMessage id="referral.matches.hasOpenCase" />{" "}
                      <Link to={`/cases/${m.openCaseID}`}>
                        <FormattedMessage id="referral.matches.goToCase" values={{ code: m.openCaseCode }} />
                      </Link>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      {allowNew ? (
        !creating && (
          <Button color="primary" outline onClick={onCreate}>
            <FormattedMessage id="referral.matches.createNew" />
          </Button>
        )
      ) : (
        <Alert fade={false} color="danger">
          <FormattedMessage id="referral.matches.taxCodeKnown" />
        </Alert>
      )}
    </section>
  );
}
