import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { governs, useSession, type Session } from "../../session/session";
import { usePageTitle } from "../../ui/usePageTitle";
import { Directives } from "./Directives";
import { Meetings } from "./Meetings";
import { Objectives } from "./Objectives";
import { TimeLimits } from "./TimeLimits";

// The steering committee's screen: its directives and their
// acknowledgement by the tables, the meetings and their decisions, the
// objectives against the indicators, and the tables' time limits. Each
// section shows what the API lets the viewer read; the actions are for
// the roles the API allows them to.

export type Section = "directives" | "meetings" | "objectives" | "timeLimits";

/** The sections a viewer sees: time limits only for the committee and administrators. */
export function sectionsFor(s: Pick<Session, "has">): Section[] {
  const all: Section[] = ["directives", "meetings", "objectives"];
  return governs(s) ? [...all, "timeLimits"] : all;
}

export function Steering() {
  const intl = useIntl();
  const session = useSession();
  usePageTitle(intl.formatMessage({ id: "steering.title" }));
  const [params] = useSearchParams();
  const sections = sectionsFor(session);
  const asked = params.get("section") as Section | null;
  const current = asked && sections.includes(asked) ? asked : "directives";
  return (
    <>
      <h1>
        <FormattedMessage id="steering.title" />
      </h1>
      <nav aria-label={intl.formatMessage({ id: "steering.sections" })} className="mb-4">
        <ul className="nav nav-tabs">
          {sections.map((s) => (
            <li className="nav-item" key={s}>
              <Link
                to={`?section=${s}`}
                className={`nav-link${s === current ? " active" : ""}`}
                aria-current={s === current ? "page" : undefined}
              >
                <FormattedMessage id={`steering.section.${s}`} />
              </Link>
            </li>
          ))}
          <li className="nav-item">
            {/* The funds have a page of their own: a list with its filter and dialogs. */}
            <Link to="/steering/funds" className="nav-link">
              <FormattedMessage id="funds.title" />
            </Link>
          </li>
        </ul>
      </nav>
      {current === "directives" && <Directives />}
      {current === "meetings" && <Meetings />}
      {current === "objectives" && <Objectives />}
      {current === "timeLimits" && <TimeLimits />}
    </>
  );
}
