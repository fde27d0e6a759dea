import type { AuditEventWhereInput } from "../../gql/graphql";
import { addDays, isDay } from "../../i18n/calendar";
import { romeDayStart } from "../../i18n/format";

// The audit log's filters live in the URL (so a view can be shared or
// bookmarked) and become the API's AuditEventWhereInput.

export interface AuditFilter {
  /** First day included, YYYY-MM-DD (Italian time). */
  from?: string;
  /** Last day included, YYYY-MM-DD (Italian time). */
  to?: string;
  action?: string;
  /** ID of the user who acted. */
  actor?: string;
  /** A value of the API's enum AuditEntityType. */
  entityType?: string;
  entityID?: string;
  /** Whether identity reads (identityReadActions) are listed when no action is chosen: "1", or absent. */
  identityReads?: "1";
}

export const auditFilterKeys = ["from", "to", "action", "actor", "entityType", "entityID", "identityReads"] as const satisfies readonly (keyof AuditFilter)[];

/**
 * The actions that record a read of identifying data as it happens: one
 * event per identity a screen or a duplicate check showed. They are most
 * of the log, so the log hides them unless asked (the toggle, or choosing
 * one as the action); the person's rights (export, report, erasure) and
 * linking a case to a person stay shown.
 */
export const identityReadActions = ["READ_IDENTITY", "MATCH_PERSON"] as const;

/** The filter in the URL's parameters; malformed days are ignored. */
export function filterFromParams(params: URLSearchParams): AuditFilter {
  const f: AuditFilter = {};
  for (const key of auditFilterKeys) {
    const value = params.get(key)?.trim();
    if (!value || ((key === "from" || key === "to") && !isDay(value))) {
      continue;
    }
    if (key === "identityReads") {
      if (value === "1") {
        f.identityReads = "1";
      }
      continue;
    }
    f[key] = value;
  }
  return f;
}

/** The URL's parameters for a filter, empty values left out. */
export function filterToParams(f: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of auditFilterKeys) {
    const value = f[key]?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  return params;
}

/**
 * The API's where for a filter: whole days in Italian time, exact matches
 * otherwise; identity reads left out unless asked for or chosen as the action.
 */
export function filterToWhere(f: AuditFilter): AuditEventWhereInput {
  const where: AuditEventWhereInput = {};
  if (f.from) {
    where.occurredAtGTE = romeDayStart(f.from);
  }
  if (f.to) {
    where.occurredAtLT = romeDayStart(addDays(f.to, 1));
  }
  if (f.action) {
    where.action = f.action;
  } else if (!f.identityReads) {
    where.actionNotIn = [...identityReadActions];
  }
  if (f.actor) {
    where.hasActorWith = [{ id: f.actor }];
  }
  if (f.entityType) {
    where.entityType = f.entityType;
  }
  if (f.entityID) {
    where.entityID = f.entityID;
  }
  return where;
}
