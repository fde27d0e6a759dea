import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Badge, Button, Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { ApiTokenScope } from "../../gql/graphql";
import { addDays } from "../../i18n/calendar";
import { romeDayStart, today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SubmitFooter } from "../../ui/FormPanel";
import { Loading } from "../../ui/Loading";
import { applyServerErrors, SelectField, TextField } from "../../ui/fields";
import { useEnumOptions } from "../../ui/enums";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { maxTokenExpiry, tokenSchema, tokenState, type TokenForm } from "./schemas";
import { DataTable } from "../../ui/DataTable";
import { Section } from "../../ui/Section";

const AccountApiTokensQuery = graphql(`
  query AccountApiTokens {
    myApiTokens {
      id
      name
      scope
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);

const AccountCreateApiTokenMutation = graphql(`
  mutation AccountCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
        scope
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

const AccountRevokeApiTokenMutation = graphql(`
  mutation AccountRevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** The viewer's API tokens: list, creation (the secret shown once) and revocation. */
export function ApiTokens() {
  const intl = useIntl();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const [{ data, error }, refetch] = useQuery({ query: AccountApiTokensQuery });
  const [revokeState, revoke] = useMutation(AccountRevokeApiTokenMutation);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = data?.myApiTokens ?? [];
  const now = new Date();
  const confirmRevoke = async () => {
    if (!revoking) {
      return;
    }
    const result = await revoke({ id: revoking.id });
    if (!result.error) {
      setRevoking(null);
      refetch({ requestPolicy: "network-only" });
    }
  };
  return (
    <Section id="account-tokens" title="account.tokens.title" headingClassName="">
      <p>
        <FormattedMessage id="account.tokens.intro" />
      </p>
      <ErrorAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : tokens.length === 0 ? (
        <p>
          <FormattedMessage id="account.tokens.none" />
        </p>
      ) : (
        <DataTable caption={intl.formatMessage({ id: "account.tokens.title" })} hideCaption columns={["account.tokens.name", "account.tokens.scope", "account.tokens.created", "account.tokens.expires", "account.tokens.lastUsed", "account.tokens.state", "common.actions"]}>
            {tokens.map((t) => {
              const state = tokenState(t, now);
              return (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{enumLabel("ApiTokenScope", t.scope)}</td>
                  <td>{fmt.date(t.createdAt)}</td>
                  <td>{fmt.date(t.expiresAt)}</td>
                  <td>{t.lastUsedAt ? fmt.dateTime(t.lastUsedAt) : <FormattedMessage id="account.tokens.neverUsed" />}</td>
                  <td>
                    {state === "ACTIVE" ? (
                      <FormattedMessage id="account.tokens.active" />
                    ) : (
                      <Badge color={state === "REVOKED" ? "danger" : "secondary"}>
                        {state === "REVOKED" ? (
                          <FormattedMessage id="account.tokens.revokedOn" values={{ when: fmt.date(t.revokedAt) }} />
                        ) : (
                          <FormattedMessage id="account.tokens.expired" />
                        )}
                      </Badge>
                    )}
                  </td>
                  <td>
                    {state === "ACTIVE" && (
                      <Button color="danger" outline size="sm" onClick={() => setRevoking({ id: t.id, name: t.name })}>
                        <FormattedMessage id="account.tokens.revoke" />
                        <span className="visually-hidden"> {t.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
      )}
      <CreateTokenForm onCreated={(name, token) => setCreated({ name, token })} />
      <TokenSecretDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        isOpen={revoking !== null}
        title={intl.formatMessage({ id: "account.tokens.revokeTitle" }, { name: revoking?.name ?? "" })}
        confirmLabel={intl.formatMessage({ id: "account.tokens.revokeConfirm" })}
        busy={revokeState.fetching}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p>
          <FormattedMessage id="account.tokens.revokeText" />
        </p>
        <ErrorAlert error={revokeState.error} />
      </ConfirmDialog>
    </Section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (name: string, token: string) => void }) {
  const intl = useIntl();
  const scopes = useEnumOptions("ApiTokenScope");
  const day = today();
  const schema = useMemo(() => tokenSchema(day), [day]);
  const [state, create] = useMutation(AccountCreateApiTokenMutation);
  const defaults: TokenForm = { name: "", scope: "READ", expiresOn: addDays(day, 90) };
  const form = useForm<TokenForm>({ resolver: zodResolver(schema), defaultValues: defaults });
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await create({ input: { name: v.name.trim(), scope: v.scope as ApiTokenScope, expiresAt: romeDayStart(v.expiresOn) } });
    if (result.data?.createApiToken) {
      form.reset(defaults);
      onCreated(result.data.createApiToken.apiToken.name, result.data.createApiToken.token);
    } else {
      applyServerErrors(form, result.error, {
        name: "name",
        scope: "scope",
        expiresAt: "expiresOn",
        "input.name": "name",
        "input.scope": "scope",
        "input.expiresAt": "expiresOn",
      });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="account-token-new" className="mt-4 col-lg-6">
      <h3 id="account-token-new" className="h4">
        <FormattedMessage id="account.tokens.new" />
      </h3>
      <TextField form={form} name="name" type="text" label={intl.formatMessage({ id: "account.tokens.name" })} hint={intl.formatMessage({ id: "account.tokens.nameHint" })} autoComplete="off" />
      <SelectField form={form} name="scope" label={intl.formatMessage({ id: "account.tokens.scope" })} options={scopes} />
      <TextField
        form={form}
        name="expiresOn"
        type="date"
        min={addDays(day, 1)}
        max={maxTokenExpiry(day)}
        label={intl.formatMessage({ id: "account.tokens.expires" })}
        hint={intl.formatMessage({ id: "account.tokens.expiresHint" })}
      />
      <SubmitFooter error={state.error} submitLabel={<FormattedMessage id="account.tokens.create" />} busy={state.fetching} />
    </form>
  );
}

/** The secret of a token just created: shown here once, gone when closed. */
export function TokenSecretDialog({ created, onClose }: { created: { name: string; token: string } | null; onClose: () => void }) {
  const intl = useIntl();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  const copy = async () => {
    if (!created) {
      return;
    }
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      // No clipboard (e.g. not a secure context): select it for a manual copy.
      const input = document.getElementById(`${id}-secret`) as HTMLInputElement | null;
      input?.select();
    }
  };
  return (
    <Modal isOpen={created !== null} toggle={close} labelledBy={`${id}-title`} backdrop="static" centered unmountOnClose fade={false}>
      <ModalHeader tag="h2" id={`${id}-title`} className="h4">
        <FormattedMessage id="account.tokens.createdTitle" values={{ name: created?.name ?? "" }} />
      </ModalHeader>
      <ModalBody>
        <Alert color="warning">
          <FormattedMessage id="account.tokens.onceWarning" />
        </Alert>
        <label htmlFor={`${id}-secret`} className="form-label fw-semibold">
          <FormattedMessage id="account.tokens.secret" />
        </label>
        <input id={`${id}-secret`} type="text" readOnly className="form-control font-monospace" value={created?.token ?? ""} onFocus={(e) => e.currentTarget.select()} />
        <p className="small mt-2">
          <FormattedMessage id="account.tokens.usage" values={{ header: <code>Authorization: Bearer …</code> }} />
        </p>
        <div aria-live="polite">
          {copied && (
            <p className="fw-semibold">
              <FormattedMessage id="account.tokens.copied" />
            </p>
          )}
        </div>
      </ModalBody>
      <ModalFooter>
        <Button color="primary" outline onClick={copy}>
          {intl.formatMessage({ id: "account.tokens.copy" })}
        </Button>
        <Button color="primary" onClick={close}>
          <FormattedMessage id="account.tokens.closeSecret" />
        </Button>
      </ModalFooter>
    </Modal>
  );
}
