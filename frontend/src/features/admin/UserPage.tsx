import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { AdminUserQuery, Role, TableMembershipProfession } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SubmitFooter } from "../../ui/FormPanel";
import { Loading } from "../../ui/Loading";
import { MembershipsTable } from "../../ui/MembershipsTable";
import { applyServerErrors, CheckboxesField, SelectField, TextField } from "../../ui/fields";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { usePageTitle } from "../../ui/usePageTitle";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { newPasswordSchema, type NewPasswordForm } from "../account/schemas";
import { useTableOptions } from "./options";
import { useOrganizationOptions } from "../../ui/organizations";
import { membershipSchema, userSchema, userServerFields, type MembershipForm, type UserForm } from "./userSchema";
import { Notice } from "../../ui/Notice";

const AdminUserQueryDoc = graphql(`
  query AdminUser($id: ID!) {
    node(id: $id) {
      __typename
      ... on User {
        id
        name
        email
        roles
        disabled
        createdAt
        passwordChangedAt
        organization {
          id
          name
        }
        memberships(first: 100) {
          edges {
            node {
              ...MembershipsTableRow
            }
          }
        }
      }
    }
  }
`);

const AdminUserUpdateMutation = graphql(`
  mutation AdminUserUpdate($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      name
      email
      roles
      disabled
      organization {
        id
        name
      }
    }
  }
`);

const AdminUserSetPasswordMutation = graphql(`
  mutation AdminUserSetPassword($id: ID!, $password: String!) {
    setUserPassword(id: $id, password: $password)
  }
`);

const AdminUserInviteMutation = graphql(`
  mutation AdminUserInvite($id: ID!) {
    inviteUser(id: $id)
  }
`);

const AdminUserAddMemberMutation = graphql(`
  mutation AdminUserAddMember($input: CreateTableMembershipInput!) {
    addTableMember(input: $input) {
      id
    }
  }
`);

const AdminUserRemoveMemberMutation = graphql(`
  mutation AdminUserRemoveMember($id: ID!) {
    removeTableMember(id: $id)
  }
`);

type User = Extract<NonNullable<AdminUserQuery["node"]>, { __typename: "User" }>;

/** /admin/users/:id: a user's account, roles, password, state and memberships. */
export function UserPage() {
  const { id = "" } = useParams();
  const intl = useIntl();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminUserQueryDoc, variables: { id } });
  const node = data?.node;
  const user = node?.__typename === "User" ? node : undefined;
  usePageTitle(user?.name ?? intl.formatMessage({ id: "admin.user.title" }));
  if (!data && fetching) {
    return <Loading />;
  }
  if (!user) {
    return (
      <>
        <h1>
          <FormattedMessage id="admin.user.title" />
        </h1>
        {error ? (
          <ErrorAlert error={error} />
        ) : (
          <Alert color="warning">
            <FormattedMessage id="admin.user.notFound" />
          </Alert>
        )}
        <Link to="/admin/users">
          <FormattedMessage id="admin.user.backToList" />
        </Link>
      </>
    );
  }
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <>
      <p className="mb-1">
        <Link to="/admin/users">
          <FormattedMessage id="admin.user.backToList" />
        </Link>
      </p>
      <h1>{user.name}</h1>
      <p>
        {user.email} —{" "}
        <strong>
          <FormattedMessage id={user.disabled ? "admin.user.stateDisabled" : "admin.user.stateActive"} />
        </strong>
      </p>
      <CreatedNotice />
      <ErrorAlert error={error} />
      <UserDetailsForm key={`${user.id}-${user.name}-${user.email}-${user.organization.id}-${user.roles.join()}`} user={user} />
      <UserStateSection user={user} />
      <UserInvitationSection user={user} />
      <UserPasswordSection user={user} />
      <UserMembershipsSection user={user} onChange={reload} />
    </>
  );
}

/** After creation the list sends here: say what is left to do. */
function CreatedNotice() {
  const location = useLocation();
  if (!(location.state as { created?: boolean } | null)?.created) {
    return null;
  }
  return (
    <Notice>
      <FormattedMessage id="admin.user.created" />
    </Notice>
  );
}

function UserDetailsForm({ user }: { user: User }) {
  const intl = useIntl();
  const roles = useEnumOptions("Role");
  const orgs = useOrganizationOptions();
  const [state, update] = useMutation(AdminUserUpdateMutation);
  const [saved, setSaved] = useState(false);
  const form = useForm<UserForm>({
    resolver: zodResolver(userSchema),
    defaultValues: { name: user.name, email: user.email, organizationID: user.organization.id, roles: [...user.roles] },
  });
  const orgOptions = orgs.some((o) => o.value === user.organization.id) ? orgs : [{ value: user.organization.id, label: user.organization.name }, ...orgs];
  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(false);
    const result = await update({ id: user.id, input: { name: v.name.trim(), email: v.email.trim(), organizationID: v.organizationID, roles: v.roles as Role[] } });
    if (result.error) {
      applyServerErrors(form, result.error, userServerFields);
    } else {
      setSaved(true);
    }
  });
  return (
    <section aria-labelledby="admin-user-details" className="mb-5">
      <h2 id="admin-user-details">
        <FormattedMessage id="admin.user.details" />
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={form} name="name" type="text" label={intl.formatMessage({ id: "admin.user.name" })} autoComplete="off" />
        <TextField form={form} name="email" type="email" label={intl.formatMessage({ id: "admin.user.email" })} autoComplete="off" />
        <SelectField form={form} name="organizationID" label={intl.formatMessage({ id: "admin.user.organization" })} options={orgOptions} />
        <CheckboxesField form={form} name="roles" label={intl.formatMessage({ id: "admin.user.roles" })} options={roles} />
        <SubmitFooter error={state.error} done={saved && <FormattedMessage id="common.saved" />} submitLabel={<FormattedMessage id="admin.user.save" />} busy={state.fetching} />
      </form>
    </section>
  );
}

function UserStateSection({ user }: { user: User }) {
  const intl = useIntl();
  const [state, update] = useMutation(AdminUserUpdateMutation);
  const [confirming, setConfirming] = useState(false);
  const toggle = async () => {
    const result = await update({ id: user.id, input: { disabled: !user.disabled } });
    if (!result.error) {
      setConfirming(false);
    }
  };
  return (
    <section aria-labelledby="admin-user-state" className="mb-5">
      <h2 id="admin-user-state">
        <FormattedMessage id="admin.user.state" />
      </h2>
      <p>
        <FormattedMessage id={user.disabled ? "admin.user.stateDisabledText" : "admin.user.stateActiveText"} />
      </p>
      {!confirming && <ErrorAlert error={state.error} />}
      {user.disabled ? (
        <Button color="primary" outline disabled={state.fetching} onClick={toggle}>
          <FormattedMessage id="admin.user.enable" />
        </Button>
      ) : (
        <Button color="danger" outline onClick={() => setConfirming(true)}>
          <FormattedMessage id="admin.user.disable" />
        </Button>
      )}
      <ConfirmDialog
        isOpen={confirming}
        title={intl.formatMessage({ id: "admin.user.disableTitle" }, { name: user.name })}
        confirmLabel={intl.formatMessage({ id: "admin.user.disableConfirm" })}
        busy={state.fetching}
        onConfirm={toggle}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <FormattedMessage id="admin.user.disableWarning" />
        </p>
        <ErrorAlert error={state.error} />
      </ConfirmDialog>
    </section>
  );
}

/**
 * The invitation by e-mail to set the password: createUser sent one; a new
 * one (valid 7 days) voids the user's older links.
 */
function UserInvitationSection({ user }: { user: User }) {
  const [state, invite] = useMutation(AdminUserInviteMutation);
  const [done, setDone] = useState(false);
  const send = async () => {
    setDone(false);
    const result = await invite({ id: user.id });
    setDone(!result.error);
  };
  return (
    <section aria-labelledby="admin-user-invitation" className="mb-5">
      <h2 id="admin-user-invitation">
        <FormattedMessage id="admin.user.invitation" />
      </h2>
      <p>
        <FormattedMessage id="admin.user.invitationText" values={{ email: user.email }} />
      </p>
      <ErrorAlert error={state.error} />
      {done && (
        <p role="status" className="text-success">
          <FormattedMessage id="admin.user.invitationSent" values={{ email: user.email }} />
        </p>
      )}
      <Button color="primary" outline disabled={state.fetching || user.disabled} onClick={send}>
        <FormattedMessage id="admin.user.invite" />
      </Button>
    </section>
  );
}

function UserPasswordSection({ user }: { user: User }) {
  const intl = useIntl();
  const fmt = useFormat();
  const [state, setPassword] = useMutation(AdminUserSetPasswordMutation);
  const [done, setDone] = useState(false);
  const form = useForm<NewPasswordForm>({ resolver: zodResolver(newPasswordSchema), defaultValues: { newPassword: "", confirmPassword: "" } });
  const onSubmit = form.handleSubmit(async (v) => {
    setDone(false);
    const result = await setPassword({ id: user.id, password: v.newPassword });
    if (result.error) {
      applyServerErrors(form, result.error, { password: "newPassword" });
    } else {
      form.reset();
      setDone(true);
    }
  });
  return (
    <section aria-labelledby="admin-user-password" className="mb-5">
      <h2 id="admin-user-password">
        <FormattedMessage id="admin.user.password" />
      </h2>
      <p>
        {user.passwordChangedAt ? (
          <FormattedMessage id="admin.user.passwordChangedAt" values={{ when: fmt.dateTime(user.passwordChangedAt) }} />
        ) : (
          <FormattedMessage id="admin.user.passwordNever" />
        )}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          form={form}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={intl.formatMessage({ id: "admin.user.newPassword" })}
          hint={intl.formatMessage({ id: "account.password.hint" })}
        />
        <TextField form={form} name="confirmPassword" type="password" autoComplete="new-password" label={intl.formatMessage({ id: "admin.user.confirmPassword" })} />
        <SubmitFooter error={state.error} done={done && <FormattedMessage id="admin.user.passwordSet" />} submitLabel={<FormattedMessage id="admin.user.setPassword" />} busy={state.fetching} />
      </form>
    </section>
  );
}

function UserMembershipsSection({ user, onChange }: { user: User; onChange: () => void }) {
  const intl = useIntl();
  const [removeState, remove] = useMutation(AdminUserRemoveMemberMutation);
  const [removing, setRemoving] = useState<{ id: string; table: string } | null>(null);
  const memberships = nodes(user.memberships);
  const confirmRemove = async () => {
    if (!removing) {
      return;
    }
    const result = await remove({ id: removing.id });
    if (!result.error) {
      setRemoving(null);
      onChange();
    }
  };
  return (
    <section aria-labelledby="admin-user-memberships" className="mb-5">
      <h2 id="admin-user-memberships">
        <FormattedMessage id="admin.user.memberships" />
      </h2>
      {memberships.length === 0 ? (
        <p>
          <FormattedMessage id="admin.user.noMemberships" />
        </p>
      ) : (
        <MembershipsTable
          caption={intl.formatMessage({ id: "admin.user.membershipsCaption" }, { name: user.name })}
          memberships={memberships}
          linkTables
          action={(m) => (
            <Button color="danger" outline size="sm" onClick={() => setRemoving({ id: m.id, table: m.table.name })}>
              <FormattedMessage id="admin.user.removeMember" />
              <span className="visually-hidden"> {m.table.name}</span>
            </Button>
          )}
        />
      )}
      <AddMembershipForm user={user} onAdded={onChange} />
      <ConfirmDialog
        isOpen={removing !== null}
        title={intl.formatMessage({ id: "admin.user.removeTitle" })}
        confirmLabel={intl.formatMessage({ id: "admin.user.removeConfirm" })}
        busy={removeState.fetching}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        <p>
          <FormattedMessage id="admin.user.removeText" values={{ name: user.name, table: removing?.table ?? "" }} />
        </p>
        <ErrorAlert error={removeState.error} />
      </ConfirmDialog>
    </section>
  );
}

function AddMembershipForm({ user, onAdded }: { user: User; onAdded: () => void }) {
  const intl = useIntl();
  const tables = useTableOptions();
  const orgs = useOrganizationOptions();
  const professions = useEnumOptions("TableMembershipProfession");
  const [state, add] = useMutation(AdminUserAddMemberMutation);
  const [added, setAdded] = useState(false);
  const defaults: MembershipForm = { tableID: "", profession: "", organizationID: user.organization.id, joinedOn: today() };
  const form = useForm<MembershipForm>({ resolver: zodResolver(membershipSchema), defaultValues: defaults });
  // The user's own organisation is there from the start, preselected.
  const orgOptions = orgs.some((o) => o.value === user.organization.id) ? orgs : [{ value: user.organization.id, label: user.organization.name }, ...orgs];
  const onSubmit = form.handleSubmit(async (v) => {
    setAdded(false);
    const result = await add({
      input: {
        userID: user.id,
        tableID: v.tableID,
        organizationID: v.organizationID,
        profession: v.profession as TableMembershipProfession,
        joinedOn: v.joinedOn,
      },
    });
    if (result.error) {
      applyServerErrors(form, result.error, {
        tableID: "tableID",
        profession: "profession",
        organizationID: "organizationID",
        joinedOn: "joinedOn",
        "input.tableID": "tableID",
        "input.profession": "profession",
        "input.organizationID": "organizationID",
        "input.joinedOn": "joinedOn",
      });
    } else {
      form.reset(defaults);
      setAdded(true);
      onAdded();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="admin-user-add-member" className="mt-4">
      <h3 id="admin-user-add-member" className="h4">
        <FormattedMessage id="admin.user.addMember" />
      </h3>
      <div className="row">
        <div className="col-md-6">
          <SelectField form={form} name="tableID" label={intl.formatMessage({ id: "admin.user.table" })} options={tables} placeholder={intl.formatMessage({ id: "admin.user.choose" })} />
        </div>
        <div className="col-md-6">
          <SelectField
            form={form}
            name="profession"
            label={intl.formatMessage({ id: "admin.user.profession" })}
            options={professions}
            placeholder={intl.formatMessage({ id: "admin.user.choose" })}
          />
        </div>
        <div className="col-md-6">
          <SelectField form={form} name="organizationID" label={intl.formatMessage({ id: "admin.user.represents" })} options={orgOptions} placeholder={intl.formatMessage({ id: "admin.user.choose" })} />
        </div>
        <div className="col-md-6">
          <TextField form={form} name="joinedOn" type="date" label={intl.formatMessage({ id: "admin.user.joinedOn" })} />
        </div>
      </div>
      <SubmitFooter error={state.error} done={added && <FormattedMessage id="admin.user.memberAdded" />} submitLabel={<FormattedMessage id="admin.user.addMemberSubmit" />} busy={state.fetching} />
    </form>
  );
}
