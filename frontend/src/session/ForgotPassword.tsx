import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useMutation } from "urql";
import { z } from "zod";
import { apiErrors } from "../api/errors";
import { graphql } from "../gql";
import { TextField } from "../ui/fields";
import { usePageTitle } from "../ui/usePageTitle";
import { SessionShell } from "./SessionShell";

const PasswordRequestResetMutation = graphql(`
  mutation PasswordRequestReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const schema = z.object({
  email: z.string().trim().min(1, "session.error.emailRequired").email("session.error.emailInvalid"),
});
type ForgotForm = z.infer<typeof schema>;

/**
 * /forgot-password: asks for a link to set a new password. The answer is
 * the same whether or not an account has the address (the server's too);
 * only too many requests are told apart.
 */
export function ForgotPassword() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "session.forgot.title" }));
  const [state, request] = useMutation(PasswordRequestResetMutation);
  const [outcome, setOutcome] = useState<"sent" | "throttled" | "failed">();
  const form = useForm<ForgotForm>({ resolver: zodResolver(schema), defaultValues: { email: "" } });
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await request({ email: v.email.trim() });
    const error = apiErrors(result.error)[0];
    setOutcome(!error ? "sent" : error.extensions.reason === "TOO_MANY_ATTEMPTS" ? "throttled" : "failed");
  });
  return (
    <SessionShell title={<FormattedMessage id="session.forgot.title" />}>
      {outcome === "sent" ? (
        <Alert color="success" role="status">
          <FormattedMessage id="session.forgot.sent" />
        </Alert>
      ) : (
        <>
          <p>
            <FormattedMessage id="session.forgot.intro" />
          </p>
          {outcome && (
            <Alert color="danger" role="alert">
              <FormattedMessage id={outcome === "throttled" ? "session.forgot.throttled" : "session.forgot.failed"} />
            </Alert>
          )}
          <form onSubmit={onSubmit} noValidate>
            <TextField form={form} name="email" type="email" label={intl.formatMessage({ id: "session.signIn.email" })} autoComplete="username" />
            <Button color="primary" type="submit" disabled={state.fetching}>
              <FormattedMessage id="session.forgot.submit" />
            </Button>
          </form>
        </>
      )}
      <p className="mt-4 mb-0">
        <Link to="/login">
          <FormattedMessage id="session.backToSignIn" />
        </Link>
      </p>
    </SessionShell>
  );
}
