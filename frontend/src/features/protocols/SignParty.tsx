import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "urql";
import { today } from "../../i18n/format";
import { applyServerErrors, TextField } from "../../ui/fields";
import { FormDialog } from "../../ui/FormDialog";
import { signatureSchema, type SignatureValues } from "./model";
import { ProtocolPageSignPartyMutation } from "./queries";

// A party's signature of the protocol, recorded once by the committee or
// an administrator: the day (today unless said otherwise, never in the
// future), who signed for the party and, if known, their office.

export function SignPartyDialog({ party, onDone, onCancel }: { party: { id: string; organization: { name: string } }; onDone: (name: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<SignatureValues>({ resolver: zodResolver(signatureSchema), defaultValues: { signedOn: today(), signerName: "", signerRole: "" } });
  const [state, sign] = useMutation(ProtocolPageSignPartyMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await sign({ id: party.id, signedOn: v.signedOn, signerName: v.signerName.trim(), signerRole: v.signerRole.trim() || null });
    if (r.error) {
      applyServerErrors(form, r.error, { signedOn: "signedOn", signerName: "signerName", signerRole: "signerRole" });
      return;
    }
    onDone(party.organization.name);
  });
  return (
    <FormDialog
      title={<FormattedMessage id="protocols.sign.title" values={{ name: party.organization.name }} />}
      error={state.error}
      submitLabel={<FormattedMessage id="protocols.sign.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField form={form} name="signedOn" type="date" label={t("protocols.sign.signedOn")} />
      <TextField form={form} name="signerName" label={t("protocols.sign.signerName")} />
      <TextField form={form} name="signerRole" label={t("protocols.sign.signerRole")} />
    </FormDialog>
  );
}
