import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { CombinedError } from "urql";
import { findError } from "../../api/errors";
import type { CaseAction, ConsentPurpose } from "../../gql/graphql";

// A step the server refuses for a missing basis (a service request that
// shares contact data with no SHARING basis for the organisation in
// force: CONFLICT with extensions missingBasis and organizationId) sends
// the user to the consents' section with the form to record it filled
// in; what they typed in the step is kept, to take the step up again
// once the basis is recorded.

/** The basis a refusal says is missing. */
export interface MissingBasis {
  purpose: ConsentPurpose;
  organizationID?: string;
}

/** The missing basis of an error, if it is a refusal for one. */
export function missingBasis(error: CombinedError | undefined): MissingBasis | null {
  const e = findError(error, "CONFLICT");
  const purpose = e?.extensions.missingBasis;
  if (typeof purpose !== "string") {
    return null;
  }
  const organization = e?.extensions.organizationId;
  return { purpose: purpose as ConsentPurpose, organizationID: typeof organization === "string" ? organization : undefined };
}

/** A basis to record, asked by a step; and the step to take up again, with its input. */
export interface BasisAsk extends MissingBasis {
  resume?: { action: CaseAction; values: unknown };
}

interface BasisAsks {
  /** The last ask, until the step it resumes is taken. */
  asked: BasisAsk | null;
  ask: (a: BasisAsk) => void;
  /** The input a step left when it asked, to open it with. */
  draft: (action: CaseAction) => unknown;
  /** The step is taken: its input is not needed any more. */
  settled: (action: CaseAction) => void;
}

const Context = createContext<BasisAsks | null>(null);

/** The asks of the case page's steps; null outside BasisAskProvider. */
export function useBasisAsk() {
  return useContext(Context);
}

/** Holds the asks for a case's page, between its steps and its consents. */
export function BasisAskProvider({ children }: { children: ReactNode }) {
  const [asked, setAsked] = useState<BasisAsk | null>(null);
  const value = useMemo<BasisAsks>(
    () => ({
      asked,
      ask: setAsked,
      draft: (action) => (asked?.resume?.action === action ? asked.resume.values : undefined),
      settled: (action) => setAsked((a) => (a?.resume?.action === action ? null : a)),
    }),
    [asked],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
