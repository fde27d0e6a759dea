// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { CaseConsentsFragment } from "../../gql/graphql";
import { renderScreen } from "../../test/render";
import { ConsentsSection } from "./Consents";

const person: CaseConsentsFragment = {
  id: "per_1",
  consents: [
    {
      id: "cns_withdrawn",
      purpose: "CONTACT",
      basis: "CONSENT",
      legalReference: null,
      formReference: null,
      givenOn: "2026-01-10",
      withdrawnOn: "2026-03-01",
      withdrawalReason: "Non vuole essere chiamata",
      organization: null,
      recordedBy: { id: "usr_1", name: "Anna Operatrice" },
      withdrawnBy: { id: "usr_2", name: "Bruno Referente" },
    },
    {
      id: "cns_follow",
      purpose: "FOLLOW_UP",
      basis: "CONSENT",
      legalReference: null,
      formReference: "Modulo 12",
      givenOn: "2026-01-10",
      withdrawnOn: null,
      withdrawalReason: null,
      organization: null,
      recordedBy: { id: "usr_1", name: "Anna Operatrice" },
      withdrawnBy: null,
    },
  ],
};

const organizations = { organizations: { edges: [{ node: { __typename: "Organization", id: "org_coop", name: "Cooperativa Arcobaleno" } }] } };

function setup(tables: string[], onChanged = vi.fn(), readsIdentity = false) {
  const s = renderScreen(<ConsentsSection person={person} caseID="cas_1" tableID="tab_1" readsIdentity={readsIdentity} onChanged={onChanged} />, {
    session: { roles: ["OPERATOR"], tables: tables.map((id) => ({ id })) },
    queries: { OrganizationOptions: organizations },
    mutations: (name) =>
      name === "CaseRecordConsent"
        ? { data: { recordConsent: { __typename: "Consent", id: "cns_new", purpose: "SHARING" } } }
        : { data: { withdrawConsent: { __typename: "Consent", id: "cns_follow", withdrawnOn: "2026-04-01" } } },
  });
  return { ...s, onChanged };
}

describe("the consents of a case's person", () => {
  it("lists those in force first, then the withdrawn ones with who withdrew them and why", () => {
    setup(["tab_1"]);
    const items = [...screen.getByTestId("person-consents").querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(items).toHaveLength(2);
    expect(items[0]).toContain("Contatto per il follow-up a sei mesi");
    expect(items[0]).toContain("Modulo 12");
    expect(items[1]).toContain("Revocato il");
    expect(items[1]).toContain("Bruno Referente");
    expect(items[1]).toContain("Non vuole essere chiamata");
  });

  it("offers recording and withdrawing to the case's table only", () => {
    setup(["tab_other"]);
    expect(screen.queryByRole("button", { name: "Registra consenso o base giuridica" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Revoca/ })).toBeNull();
  });

  it("keeps each record's signed form, for those who read the person's identity", () => {
    setup(["tab_1"], vi.fn(), true);
    expect(screen.getByRole("button", { name: "Documenti — consenso «Contatto per il follow-up a sei mesi»" })).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Documenti/ })).toHaveLength(2);
  });

  it("hides the signed forms from those who do not read the identity", () => {
    setup(["tab_1"]);
    expect(screen.queryByRole("button", { name: /^Documenti/ })).toBeNull();
  });

  it("asks the organisation of a sharing basis, then records it and reads the case again", async () => {
    const s = setup(["tab_1"]);
    fireEvent.click(screen.getByRole("button", { name: "Registra consenso o base giuridica" }));
    fireEvent.change(screen.getByLabelText("Finalità"), { target: { value: "SHARING" } });
    fireEvent.change(screen.getByLabelText("Base"), { target: { value: "CONSENT" } });
    fireEvent.click(screen.getByRole("button", { name: "Registra" }));
    expect(await screen.findByText("Scegli l'ente con cui condividere i dati.")).toBeTruthy();
    expect(s.mutations).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Ente con cui condividere i dati"), { target: { value: "org_coop" } });
    fireEvent.click(screen.getByRole("button", { name: "Registra" }));
    await waitFor(() => expect(s.mutations).toHaveLength(1));
    expect(s.mutations[0]?.variables).toMatchObject({
      input: { caseID: "cas_1", purpose: "SHARING", basis: "CONSENT", organizationID: "org_coop", legalReference: null },
    });
    await waitFor(() => expect(s.onChanged).toHaveBeenCalled());
    expect(screen.getByText("Registrato.")).toBeTruthy();
  });

  it("withdraws a basis with its reason", async () => {
    const s = setup(["tab_1"]);
    fireEvent.click(screen.getByRole("button", { name: "Revoca (Contatto per il follow-up a sei mesi)" }));
    fireEvent.click(screen.getByRole("button", { name: "Revoca" }));
    expect(await screen.findByText("Indica il motivo della revoca.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Motivo della revoca"), { target: { value: "Ha cambiato idea" } });
    fireEvent.click(screen.getByRole("button", { name: "Revoca" }));
    await waitFor(() => expect(s.mutations).toHaveLength(1));
    expect(s.mutations[0]?.variables).toMatchObject({ id: "cns_follow", reason: "Ha cambiato idea" });
    await waitFor(() => expect(s.onChanged).toHaveBeenCalled());
  });
});
