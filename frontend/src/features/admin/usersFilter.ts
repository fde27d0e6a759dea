import type { UserWhereInput } from "../../gql/graphql";

// The users list's filters, kept in the URL: search text, role, organisation.

export interface UsersFilter {
  q?: string;
  role?: string;
  org?: string;
}

export function usersFilterFromParams(params: URLSearchParams): UsersFilter {
  const f: UsersFilter = {};
  for (const key of ["q", "role", "org"] as const) {
    const v = params.get(key)?.trim();
    if (v) {
      f[key] = v;
    }
  }
  return f;
}

/**
 * The API's where: the text searched in name or e-mail, ignoring case, and
 * the organisation. The API has no predicate on roles (a list), so the role
 * is filtered on the users loaded (see matchesRole).
 */
export function usersWhere(f: UsersFilter): UserWhereInput {
  const where: UserWhereInput = {};
  if (f.q) {
    where.or = [{ nameContainsFold: f.q }, { emailContainsFold: f.q }];
  }
  if (f.org) {
    where.hasOrganizationWith = [{ id: f.org }];
  }
  return where;
}

export function matchesRole(user: { roles: readonly string[] }, role: string | undefined): boolean {
  return !role || user.roles.includes(role);
}
