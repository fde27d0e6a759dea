// Where the audit log links the object of an event: the web app's page
// for objects of its type, by ID. The page decides what the viewer may
// see there (a case the viewer does not work reads as not found), so the
// log fetches nothing about the object. Objects without a page of their
// own — a person, identifying data, a goal, a session — are shown as text.

/** The page of an object of each AuditEntityType that has one. */
const objectPages: ReadonlyMap<string, string> = new Map([
  ["Case", "/cases/"],
  ["Table", "/tables/"],
  ["Protocol", "/protocols/"],
  ["User", "/admin/users/"],
]);

/** The types of object the log links to their page. */
export const linkedObjectTypes = [...objectPages.keys()];

/** The path of an event's object, or null when it has no page. */
export function auditObjectPath(entityType: string | null | undefined, entityID: string | null | undefined): string | null {
  const page = entityType ? objectPages.get(entityType) : undefined;
  return page && entityID ? page + encodeURIComponent(entityID) : null;
}
