import type { OrganizationKind, OrganizationWhereInput } from "../../gql/graphql";

// Contacts as links a phone or mail client opens, and the directory's
// filters as the API's where.

/** A tel: link of a phone number as typed ("0571 757 111" → "tel:0571757111"); null when it has no digits. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) {
    return null;
  }
  const plus = phone.trim().startsWith("+") ? "+" : "";
  const digits = phone.replace(/\D/g, "");
  return digits ? `tel:${plus}${digits}` : null;
}

/** A mailto: link of an e-mail address; null when it is not one. */
export function mailHref(email: string | null | undefined): string | null {
  const e = email?.trim();
  return e && /^[^\s@]+@[^\s@]+$/.test(e) ? `mailto:${e}` : null;
}

/** A web link of a site written with or without its scheme; only http(s). */
export function websiteHref(site: string | null | undefined): string | null {
  const s = site?.trim();
  if (!s) {
    return null;
  }
  if (/^https?:\/\//i.test(s)) {
    return s;
  }
  return /^[\w.-]+\.[a-z]{2,}(\/.*)?$/i.test(s) ? `https://${s}` : null;
}

/** The where of the organisations' search: name contains, kind equals. */
export function organizationWhere(name: string, kind: string): OrganizationWhereInput | undefined {
  const where: OrganizationWhereInput = {};
  if (name.trim()) {
    where.nameContainsFold = name.trim();
  }
  if (kind) {
    where.kind = kind as OrganizationKind;
  }
  return Object.keys(where).length ? where : undefined;
}
