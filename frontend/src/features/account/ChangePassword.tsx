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

const empty: ChangePasswordForm = { currentPassword: "", newPassword: "", confirmPassword: "", revokeApiTokens: false };

/**
 * The viewer's change of password; their other sessions end, and their API
 * tokens are revoked if they choose to (when the password may have leaked).
 */
export function ChangePassword() {
  const intl = useIntl();
  const [state, change] = useMutation(AccountChangePasswordMutation);
  const [done, setDone] = useState<"kept" | "revoked" | null>(null);
  const form = useForm<ChangePasswordForm>({ resolver: zodResolver(changePasswordSchema), defaultValues: empty });
  const onSubmit = form.handleSubmit(async (v) => {
    setDone(null);
    const result = await change({ input: { currentPassword: v.currentPassword, newPassword: v.newPassword, revokeApiTokens: v.revokeApiTokens } });
    if (result.error) {
      applyServerErrors(form, result.error, {
        currentPassword: "currentPassword",
        newPassword: "newPassword",
        "input.currentPassword": "currentPassword",
        "input.newPassword": "newPassword",
      });
    } else {
      form.reset(empty);
      setDone(v.revokeApiTokens ? "revoked" : "kept");
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
        <div className="form-check mb-3">
          <input id="account-password-revoke" type="checkbox" className="form-check-input" aria-describedby="account-password-revoke-hint" {...form.register("revokeApiTokens")} />
          <label htmlFor="account-password-revoke" className="form-check-label">
            <FormattedMessage id="account.password.revokeTokens" />
          </label>
          <small id="account-password-revoke-hint" className="form-text d-block">
            <FormattedMessage id="account.password.revokeTokensHint" />
          </small>
        </div>
        <SubmitFooter
          error={state.error}
          done={done && <FormattedMessage id={done === "revoked" ? "account.password.changedRevoked" : "account.password.changed"} />}
          submitLabel={<FormattedMessage id="account.password.submit" />}
          busy={state.fetching}
        />
      </form>
    </section>
  );
}
