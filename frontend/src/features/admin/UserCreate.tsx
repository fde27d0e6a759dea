import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { Role } from "../../gql/graphql";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, CheckboxesField, SelectField, TextField } from "../../ui/fields";
import { useEnumOptions } from "../../ui/enums";
import { usePageTitle } from "../../ui/usePageTitle";
import { useOrganizationOptions } from "../../ui/organizations";
import { userSchema, userServerFields, type UserForm } from "./userSchema";

const AdminUserCreateMutation = graphql(`
  mutation AdminUserCreate($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      name
    }
  }
`);

/** /admin/users/new: a new account; its password is set on the next page. */
export function UserCreate() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "admin.create.title" }));
  const navigate = useNavigate();
  const roles = useEnumOptions("Role");
  const orgs = useOrganizationOptions();
  const [state, create] = useMutation(AdminUserCreateMutation);
  const form = useForm<UserForm>({ resolver: zodResolver(userSchema), defaultValues: { name: "", email: "", organizationID: "", roles: [] } });
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await create({ input: { name: v.name.trim(), email: v.email.trim(), organizationID: v.organizationID, roles: v.roles as Role[] } });
    if (result.data?.createUser) {
      navigate(`/admin/users/${result.data.createUser.id}`, { state: { created: true } });
    } else {
      applyServerErrors(form, result.error, userServerFields);
    }
  });
  return (
    <>
      <p className="mb-1">
        <Link to="/admin/users">
          <FormattedMessage id="admin.user.backToList" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="admin.create.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.create.intro" />
      </p>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={form} name="name" type="text" label={intl.formatMessage({ id: "admin.user.name" })} autoComplete="off" />
        <TextField form={form} name="email" type="email" label={intl.formatMessage({ id: "admin.user.email" })} autoComplete="off" />
        <SelectField
          form={form}
          name="organizationID"
          label={intl.formatMessage({ id: "admin.user.organization" })}
          options={orgs}
          placeholder={intl.formatMessage({ id: "admin.user.choose" })}
        />
        <CheckboxesField form={form} name="roles" label={intl.formatMessage({ id: "admin.user.roles" })} options={roles} />
        <ErrorAlert error={state.error} />
        <Button color="primary" type="submit" disabled={state.fetching}>
          <FormattedMessage id="admin.create.submit" />
        </Button>
      </form>
    </>
  );
}
