// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderScreen } from "../../test/render";
import { NotificationPreferences } from "./Preferences";

const prefs = [
  { __typename: "NotificationPreference", kind: "REFERRAL_RECEIVED", delivery: "EMAIL", defaultDelivery: "EMAIL" },
  { __typename: "NotificationPreference", kind: "PLAN_REVIEW_DUE", delivery: "IN_APP", defaultDelivery: "DIGEST" },
];

describe("notification preferences", () => {
  it("show each kind's choice and change it", async () => {
    const user = userEvent.setup();
    const s = renderScreen(<NotificationPreferences />, {
      path: "/account",
      session: {},
      queries: { NotificationPreferences: { notificationPreferences: prefs } },
      mutations: (_n, v) => ({ data: { setNotificationDelivery: { __typename: "NotificationPreference", kind: v.kind, delivery: v.delivery, defaultDelivery: "EMAIL" } } }),
    });
    const referral = await screen.findByRole("combobox", { name: "Segnalazione ricevuta" });
    expect((referral as HTMLSelectElement).value).toBe("EMAIL");
    const review = screen.getByRole("combobox", { name: "Scadenza della revisione del progetto" });
    expect((review as HTMLSelectElement).value).toBe("IN_APP");
    expect(screen.getAllByRole("option", { name: "Nel riepilogo giornaliero (predefinito)" })).toHaveLength(1);
    await user.selectOptions(referral, "DIGEST");
    await waitFor(() => expect(s.mutations).toHaveLength(1));
    expect(s.mutations[0]).toMatchObject({ name: "NotificationPreferencesSet", variables: { kind: "REFERRAL_RECEIVED", delivery: "DIGEST" } });
  });
});
