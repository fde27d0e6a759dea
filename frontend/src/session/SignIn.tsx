import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Card, CardBody, Col, Container, Row } from "design-react-kit";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useSearchParams } from "react-router";
import { useMutation } from "urql";
import { z } from "zod";
import { apiErrors } from "../api/errors";
import { graphql } from "../gql";
import { TextField } from "../ui/fields";
import { usePageTitle } from "../ui/usePageTitle";

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

export function SignIn() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "session.signIn.title" }));
  const [params] = useSearchParams();
  const [state, login] = useMutation(LoginMutation);
  const form = useForm<SignInForm>({ resolver: zodResolver(schema), defaultValues: { email: "", password: "" } });
  const failed = apiErrors(state.error)[0];

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await login({ input: values });
    if (result.data?.login) {
      // A full load: the new session starts with an empty cache.
      window.location.assign(safeNext(params.get("next")));
    }
  });

  return (
    <Container className="my-5">
      <Row className="justify-content-center">
        <Col lg={5} md={8}>
          <Card className="shadow-sm">
            <CardBody>
              <h1 className="h3 mb-4">
                <FormattedMessage id="session.signIn.title" />
              </h1>
              {params.get("expired") && (
                <Alert color="warning">
                  <FormattedMessage id="session.signIn.expired" />
                </Alert>
              )}
              {failed && (
                <Alert color="danger" role="alert">
                  <FormattedMessage id={failed.code === "BAD_USER_INPUT" || failed.code === "UNAUTHENTICATED" ? "session.signIn.failed" : `error.${failed.code}`} />
                </Alert>
              )}
              <form onSubmit={onSubmit} noValidate>
                <TextField form={form} name="email" type="email" label={intl.formatMessage({ id: "session.signIn.email" })} autoComplete="username" />
                <TextField form={form} name="password" type="password" label={intl.formatMessage({ id: "session.signIn.password" })} autoComplete="current-password" />
                <Button color="primary" type="submit" disabled={state.fetching}>
                  <FormattedMessage id="session.signIn.submit" />
                </Button>
              </form>
            </CardBody>
          </Card>
        </Col>
      </Row>
    </Container>
  );
}
