import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { SubmitFooter } from "../../ui/FormPanel";
import { applyServerErrors, TextField } from "../../ui/fields";
import { changePasswordSchema, type ChangePasswordForm } from "./schemas";

const AccountChangePasswordMutation = graphql(`
  mutation AccountChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const empty: ChangePasswordForm = { currentPassword: "", newPassword: "", confirmPassword: "" };

/** The viewer's change of password; their other sessions end. */
export function ChangePassword() {
  const intl = useIntl();
  const [state, change] = useMutation(AccountChangePasswordMutation);
  const [done, setDone] = useState(false);
  const form = useForm<ChangePasswordForm>({ resolver: zodResolver(changePasswordSchema), defaultValues: empty });
  const onSubmit = form.handleSubmit(async (v) => {
    setDone(false);
    const result = await change({ input: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
    if (result.error) {
      applyServerErrors(form, result.error, {
        currentPassword: "currentPassword",
        newPassword: "newPassword",
        "input.currentPassword": "currentPassword",
        "input.newPassword": "newPassword",
      });
    } else {
      form.reset(empty);
      setDone(true);
    }
  });
  return (
    <section aria-labelledby="account-password" className="mb-5">
      <h2 id="account-password">
        <FormattedMessage id="account.password.title" />
      </h2>
      <form onSubmit={onSubmit} noValidate className="col-lg-6">
        <TextField form={form} name="currentPassword" type="password" autoComplete="current-password" label={intl.formatMessage({ id: "account.password.current" })} />
        <TextField
          form={form}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={intl.formatMessage({ id: "account.password.new" })}
          hint={intl.formatMessage({ id: "account.password.hint" })}
        />
        <TextField form={form} name="confirmPassword" type="password" autoComplete="new-password" label={intl.formatMessage({ id: "account.password.confirm" })} />
        <SubmitFooter error={state.error} done={done && <FormattedMessage id="account.password.changed" />} submitLabel={<FormattedMessage id="account.password.submit" />} busy={state.fetching} />
      </form>
    </section>
  );
}
