import { z } from "zod";
import type { CommunityActivityKind, CommunityActivityWhereInput, OutcomeValueDimension } from "../../gql/graphql";
import { addDays, isDay } from "../../i18n/calendar";

// The community activities screen's filters and form, apart from the
// components so they can be tested on their own.

/** The list's filter as the user picks it: a period with its last day included. */
export interface ActivityFilter {
  from: string;
  to: string;
  /** A municipality's ID, "network" for the activities across the network, "" for all. */
  municipality: string;
  kind: CommunityActivityKind | "";
  valueDimension: OutcomeValueDimension | "";
}

export const NETWORK = "network";

export function defaultActivityFilter(today: string): ActivityFilter {
  return { from: `${today.slice(0, 4)}-01-01`, to: today, municipality: "", kind: "", valueDimension: "" };
}

/** The list's where: the period's end the day after, excluded. */
export function activityWhere(f: ActivityFilter): CommunityActivityWhereInput {
  const where: CommunityActivityWhereInput = {};
  if (isDay(f.from)) where.heldOnGTE = f.from;
  if (isDay(f.to)) where.heldOnLT = addDays(f.to, 1);
  if (f.municipality === NETWORK) where.hasMunicipality = false;
  else if (f.municipality) where.hasMunicipalityWith = [{ id: f.municipality }];
  if (f.kind) where.kind = f.kind;
  if (f.valueDimension) where.valueDimension = f.valueDimension;
  return where;
}

export const activitySchema = z.object({
  title: z.string().trim().min(1, "community.error.titleRequired"),
  kind: z.enum(["WORKSHOP", "EVENT", "OPERATOR_TRAINING", "AWARENESS_CAMPAIGN", "OTHER"], { message: "community.error.kindRequired" }),
  heldOn: z.string().refine(isDay, "community.error.dateRequired"),
  municipalityID: z.string(),
  organizerIDs: z.array(z.string()).min(1, "community.error.organizersRequired"),
  participants: z.string().regex(/^\d+$/, "community.error.participantsRequired"),
  valueDimension: z.enum(["ECONOMIC", "SOCIAL", "CULTURAL"], { message: "community.error.valueDimensionRequired" }),
  protocolID: z.string(),
  directiveID: z.string(),
  description: z.string(),
});
export type ActivityValues = z.infer<typeof activitySchema>;

/** The organisers to add and to remove when editing. */
export function organizerChanges(before: string[], after: string[]): { add: string[]; remove: string[] } {
  return { add: after.filter((id) => !before.includes(id)), remove: before.filter((id) => !after.includes(id)) };
}
