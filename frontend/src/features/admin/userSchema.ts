import { z } from "zod";

/** The fields of a user the administrator edits (and creates with). */
export const userSchema = z.object({
  name: z.string().trim().min(1, "admin.error.nameRequired"),
  email: z.string().trim().min(1, "admin.error.emailRequired").email("admin.error.emailInvalid"),
  organizationID: z.string().min(1, "admin.error.organizationRequired"),
  roles: z.array(z.enum(["ADMIN", "STEERING", "COORDINATOR", "OPERATOR", "ANALYST", "DPO"])),
});
export type UserForm = z.infer<typeof userSchema>;

/** A membership to add: table, profession, organisation represented, day of joining. */
export const membershipSchema = z.object({
  tableID: z.string().min(1, "admin.error.tableRequired"),
  profession: z.string().min(1, "admin.error.professionRequired"),
  organizationID: z.string().min(1, "admin.error.organizationRequired"),
  joinedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "admin.error.joinedOnRequired"),
});
export type MembershipForm = z.infer<typeof membershipSchema>;

/** The API's field names to the form's, for BAD_USER_INPUT errors. */
export const userServerFields = {
  name: "name",
  email: "email",
  organizationID: "organizationID",
  roles: "roles",
  "input.name": "name",
  "input.email": "email",
  "input.organizationID": "organizationID",
  "input.roles": "roles",
} as const;
