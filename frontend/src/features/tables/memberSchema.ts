import { z } from "zod";

/** A new member of a table: who, for which organisation, in which profession, since when. */
export const memberSchema = z.object({
  userID: z.string().min(1, "tables.error.userRequired"),
  organizationID: z.string().min(1, "tables.error.organizationRequired"),
  profession: z.string().min(1, "tables.error.professionRequired"),
  joinedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "tables.error.joinedOnRequired"),
});

export type MemberValues = z.infer<typeof memberSchema>;
