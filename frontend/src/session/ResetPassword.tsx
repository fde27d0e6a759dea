import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation } from "react-router";
import { useMutation } from "urql";
import { apiErrors } from "../api/errors";
import { newPasswordSchema, type NewPasswordForm } from "../features/account/schemas";
import { graphql } from "../gql";
import { ErrorAlert } from "../ui/ErrorAlert";
import { applyServerErrors, TextField } from "../ui/fields";
import { usePageTitle } from "../ui/usePageTitle";
import { SessionShell } from "./SessionShell";

const PasswordResetMutation = graphql(`
  mutation PasswordReset($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

/**
 * The token of a reset or invitation link: it is in the fragment
 * (#token), which the browser sends to no server.
 */
export function tokenOf(hash: string): string {
  return hash.replace(/^#/, "").trim();
}

/**
 * /reset-password#token: the page the e-mail of a reset or an invitation
 * links to. A new password, typed twice under the rules of a change of
 * password; then the user signs in with it.
 */
export function ResetPassword() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "session.reset.title" }));
  const token = tokenOf(useLocation().hash);
  const [state, reset] = useMutation(PasswordResetMutation);
  const [outcome, setOutcome] = useState<"done" | "badLink">();
  const form = useForm<NewPasswordForm>({ resolver: zodResolver(newPasswordSchema), defaultValues: { newPassword: "", confirmPassword: "" } });
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await reset({ token, password: v.newPassword });
    if (result.data?.resetPassword) {
      setOutcome("done");
      return;
    }
    if (apiErrors(result.error).some((e) => e.code === "BAD_USER_INPUT" && e.field === "token")) {
      setOutcome("badLink");
      return;
    }
    applyServerErrors(form, result.error, { password: "newPassword" });
  });
  const unmatched = apiErrors(state.error).some((e) => !(e.code === "BAD_USER_INPUT" && (e.field === "password" || e.field === "token")));
  let body;
  if (outcome === "done") {
    body = (
      <>
        <Alert color="success" role="status">
          <FormattedMessage id="session.reset.done" />
        </Alert>
        <Link to="/login" className="btn btn-primary">
          <FormattedMessage id="session.reset.signIn" />
        </Link>
      </>
    );
  } else if (!token || outcome === "badLink") {
    body = (
      <>
        <Alert color="danger" role="alert">
          <FormattedMessage id="session.reset.badLink" />
        </Alert>
        <Link to="/forgot-password">
          <FormattedMessage id="session.reset.askAgain" />
        </Link>
      </>
    );
  } else {
    body = (
      <>
        <p>
          <FormattedMessage id="session.reset.intro" />
        </p>
        <form onSubmit={onSubmit} noValidate>
          <TextField
            form={form}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            label={intl.formatMessage({ id: "account.password.new" })}
            hint={intl.formatMessage({ id: "account.password.hint" })}
          />
          <TextField form={form} name="confirmPassword" type="password" autoComplete="new-password" label={intl.formatMessage({ id: "account.password.confirm" })} />
          {unmatched && <ErrorAlert error={state.error} />}
          <Button color="primary" type="submit" disabled={state.fetching}>
            <FormattedMessage id="session.reset.submit" />
          </Button>
        </form>
      </>
    );
  }
  return <SessionShell title={<FormattedMessage id="session.reset.title" />}>{body}</SessionShell>;
}
