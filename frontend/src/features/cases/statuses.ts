import type { CaseStatus } from "../../gql/graphql";
import { enumValues } from "../../ui/enums";

/**
 * The statuses of an open case (not closed nor declined), in the order of
 * the pathway. The server defines them once (domain.OpenCaseStatuses) and
 * publishes them as the schema's enum OpenCaseStatus, which codegen
 * brings here: the SPA keeps no list of its own.
 */
export const openCaseStatuses: readonly CaseStatus[] = (() => {
  const open = enumValues("OpenCaseStatus");
  return enumValues<CaseStatus>("CaseStatus").filter((s) => open.includes(s));
})();
