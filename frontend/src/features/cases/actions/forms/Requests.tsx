import { Alert, Button } from "design-react-kit";
import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../../gql";
import { useEnumOptions } from "../../../../ui/enums";
import { CheckboxesField, SelectField, TextAreaField } from "../../../../ui/fields";
import { missingBasis, useBasisAsk } from "../../basisAsk";
import { ActionDialog, useActionForm, type ActionProps } from "../ActionDialog";
import { DateField, useT } from "../fields";
import { requestsOf } from "../parts";
import { usePartNames } from "../partNames";
import { reasonSchema, requestServiceSchema } from "../schemas";
import { useOrganizationOptions } from "../../../../ui/organizations";

// Service requests to the network's organisations: the table asks, the
// organisation answers from its agenda (features/agenda). Sharing the
// person's contact data needs a SHARING basis for the organisation: the
// server refuses without one, and the dialog says which one is missing
// and offers to record it, keeping the request as typed.

const RequestServiceMutation = graphql(`
  mutation CaseActionsRequestService($id: ID!, $version: Int!, $input: RequestServiceInput!) {
    requestService(id: $id, version: $version, input: $input) {
      id
      status
      sentOn
      answerDueOn
    }
  }
`);

const emptyRequest = { organizationID: "", kind: "", need: "", neededBy: "", shareContact: [] as string[] };

export function RequestServiceForm(props: ActionProps) {
  const t = useT();
  const kinds = useEnumOptions("InterventionKind");
  const contactData = useEnumOptions("ContactDatum");
  const organizations = useOrganizationOptions();
  const asks = useBasisAsk();
  const [, mutate] = useMutation(RequestServiceMutation);
  const draft = asks?.draft("REQUEST_SERVICE") as typeof emptyRequest | undefined;
  const done = () => {
    asks?.settled("REQUEST_SERVICE");
    props.done();
  };
  const { form, dialog } = useActionForm(
    { ...props, done },
    requestServiceSchema,
    draft ?? emptyRequest,
    (v, version) => mutate({ id: props.caseId, version, input: { ...v, neededBy: v.neededBy ?? null } }),
    {
      "input.organizationID": "organizationID",
      "input.kind": "kind",
      "input.need": "need",
      "input.neededBy": "neededBy",
      "input.shareContact": "shareContact",
    },
  );
  const missing = missingBasis(dialog.error);
  const organization = organizations.find((o) => o.value === (missing?.organizationID ?? form.getValues("organizationID")))?.label ?? "";
  return (
    <ActionDialog
      {...dialog}
      error={missing ? undefined : dialog.error}
      title={t("caseActions.title.REQUEST_SERVICE")}
      intro={t("caseActions.intro.REQUEST_SERVICE")}
      submitLabel={t("caseActions.submit.REQUEST_SERVICE")}
    >
      <SelectField form={form} name="organizationID" label={t("caseActions.field.organization")} options={organizations} placeholder={t("caseActions.choose")} />
      <SelectField form={form} name="kind" label={t("caseActions.field.serviceKind")} options={kinds} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="need" label={t("caseActions.field.need")} hint={t("caseActions.hint.need")} rows={3} />
      <DateField form={form} name="neededBy" label={t("caseActions.field.neededBy")} />
      <CheckboxesField form={form} name="shareContact" label={t("caseActions.field.shareContact")} hint={t("caseActions.hint.shareContact")} options={contactData} />
      {missing && (
        <Alert color="warning" role="alert" data-testid="missing-basis">
          <p className="fw-bold mb-2">{t("caseActions.missingBasis.title")}</p>
          <p className="mb-2">{t("caseActions.missingBasis.text", { organization })}</p>
          {asks && (
            <p className="mb-2">
              <Button
                type="button"
                color="primary"
                size="sm"
                onClick={() => {
                  // Closed as asked, not abandoned: the input waits in the ask.
                  asks.ask({ ...missing, resume: { action: "REQUEST_SERVICE", values: form.getValues() } });
                  props.close();
                }}
              >
                {t("caseActions.missingBasis.record", { organization })}
              </Button>
            </p>
          )}
          <p className="mb-0">{t("caseActions.missingBasis.without")}</p>
        </Alert>
      )}
    </ActionDialog>
  );
}

const CancelServiceRequestMutation = graphql(`
  mutation CaseActionsCancelServiceRequest($id: ID!, $version: Int!, $reason: String!) {
    cancelServiceRequest(id: $id, version: $version, reason: $reason) {
      id
      status
    }
  }
`);

export function CancelServiceRequestForm(props: ActionProps) {
  const t = useT();
  const names = usePartNames();
  const [, mutate] = useMutation(CancelServiceRequestMutation);
  const request = requestsOf(props.parts).find((r) => r.id === props.part);
  // The request as it was when the dialog opened, for its title after a refresh.
  const [name] = useState(() => (request ? names.request(request) : ""));
  const { form, dialog } = useActionForm(props, reasonSchema, { reason: "" }, (v, version) => mutate({ id: props.part ?? "", version, ...v }), {
    reason: "reason",
  });
  return (
    <ActionDialog
      {...dialog}
      title={names.step("CANCEL_SERVICE_REQUEST", name)}
      intro={t("caseActions.intro.CANCEL_SERVICE_REQUEST")}
      submitLabel={t("caseActions.submit.CANCEL_SERVICE_REQUEST")}
    >
      <TextAreaField form={form} name="reason" label={t("caseActions.field.cancelReason")} rows={2} />
    </ActionDialog>
  );
}
