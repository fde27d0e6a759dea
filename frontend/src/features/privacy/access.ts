import type { Session } from "../../session/session";

/**
 * Whether the viewer serves persons' data rights — the privacy desk:
 * administrators and the data-protection officer (docs/domain.md#the-privacy-desk).
 * The server decides; this chooses what to show.
 */
export function servesDataRights(s: Pick<Session, "has">): boolean {
  return s.has("ADMIN") || s.has("DPO");
}
