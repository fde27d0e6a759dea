import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { z } from "zod";
import { apiErrors, type ApiError } from "../api/errors";
import { graphql } from "../gql";
import { TextField } from "../ui/fields";
import { usePageTitle } from "../ui/usePageTitle";
import { SessionShell } from "./SessionShell";

const LoginMutation = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      viewer {
        id
        name
      }
    }
  }
`);

const schema = z.object({
  email: z.string().trim().min(1, "session.error.emailRequired").email("session.error.emailInvalid"),
  password: z.string().min(1, "session.error.passwordRequired"),
});
type SignInForm = z.infer<typeof schema>;

// A base no real origin can equal: resolving against it parses `next` as
// the browser's location.assign would (backslashes, tabs and newlines
// included), so whatever would leave this origin resolves elsewhere.
const nextBase = "https://win.invalid";

/** Only a path of this app, never another site, is a place to return to. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/")) {
    return "/";
  }
  const url = new URL(next, nextBase);
  if (url.origin !== nextBase || url.pathname.startsWith("/login")) {
    return "/";
  }
  return url.pathname + url.search + url.hash;
}

// The clock read when an answer arrives, in the submit handler (the
// compiler's purity rule cannot tell that handler from rendering).
const answerTime = () => Date.now();

/** The reason extension of a throttled sign-in (server/auth/throttle.go). */
const throttledReason = "TOO_MANY_ATTEMPTS";

/** When a refused sign-in may be tried again, in ms since the epoch, if the server said it was throttled. */
export function retryAt(error: ApiError | undefined, answeredAt: number): number | undefined {
  const seconds = error?.extensions.retryAfterSeconds;
  if (error?.extensions.reason !== throttledReason || typeof seconds !== "number") {
    return undefined;
  }
  return answeredAt + seconds * 1000;
}

/**
 * Why a sign-in failed, in the user's language: too many attempts (with
 * the time to retry, the server's wait from when it answered), a wrong
 * e-mail or password (the server never says which, nor whether the
 * account exists), or the error's own message.
 */
function SignInFailure({ error, answeredAt }: { error: ApiError; answeredAt: number }) {
  const intl = useIntl();
  const at = retryAt(error, answeredAt);
  if (at !== undefined) {
    return (
      <FormattedMessage
        id="session.signIn.throttled"
        values={{
          time: intl.formatTime(at, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
          minutes: Math.max(1, Math.ceil((at - answeredAt) / 60_000)),
        }}
      />
    );
  }
  const wrong = error.code === "BAD_USER_INPUT" || error.code === "UNAUTHENTICATED";
  return <FormattedMessage id={wrong ? "session.signIn.wrong" : `error.${error.code}`} />;
}

export function SignIn() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "session.signIn.title" }));
  const [params] = useSearchParams();
  const [state, login] = useMutation(LoginMutation);
  const form = useForm<SignInForm>({ resolver: zodResolver(schema), defaultValues: { email: "", password: "" } });
  // The last refusal, with when it came: a throttled sign-in's wait
  // counts from the answer.
  const [failure, setFailure] = useState<{ error: ApiError; at: number }>();

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await login({ input: values });
    const error = apiErrors(result.error)[0];
    setFailure(error && { error, at: answerTime() });
    if (result.data?.login) {
      // A full load: the new session starts with an empty cache.
      window.location.assign(safeNext(params.get("next")));
    }
  });

  return (
    <SessionShell title={<FormattedMessage id="session.signIn.title" />}>
      {params.get("expired") && (
        <Alert color="warning">
          <FormattedMessage id="session.signIn.expired" />
        </Alert>
      )}
      {failure && (
        <Alert color="danger" role="alert">
          <SignInFailure error={failure.error} answeredAt={failure.at} />
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <TextField form={form} name="email" type="email" label={intl.formatMessage({ id: "session.signIn.email" })} autoComplete="username" />
        <TextField form={form} name="password" type="password" label={intl.formatMessage({ id: "session.signIn.password" })} autoComplete="current-password" />
        <Button color="primary" type="submit" disabled={state.fetching}>
          <FormattedMessage id="session.signIn.submit" />
        </Button>
      </form>
      <p className="mt-4 mb-0">
        <Link to="/forgot-password">
          <FormattedMessage id="session.signIn.forgot" />
        </Link>
      </p>
    </SessionShell>
  );
}
