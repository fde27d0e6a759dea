import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import type { TableMembershipProfession, TablePageQuery } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, SelectField, TextField } from "../../ui/fields";
import { memberSchema, type MemberValues } from "./memberSchema";
import { TablePageAddMemberMutation, TablePageMemberOptionsQuery, TablePageRemoveMemberMutation } from "./queries";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Notice } from "../../ui/Notice";
import { FormPanel } from "../../ui/FormPanel";
import { TableScroll } from "../../ui/TableScroll";

type TableNode = Extract<NonNullable<TablePageQuery["node"]>, { __typename: "Table" }>;
type Member = NonNullable<NonNullable<NonNullable<TableNode["members"]["edges"]>[number]>["node"]>;

export function Members({
  tableID,
  members,
  coordinatorID,
  canManage,
  onChanged,
}: {
  tableID: string;
  members: Member[];
  coordinatorID: string | undefined;
  canManage: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [removal, remove] = useMutation(TablePageRemoveMemberMutation);
  const [confirming, setConfirming] = useState<Member | null>(null);

  const doRemove = async (m: Member) => {
    const r = await remove({ id: m.id });
    if (!r.error) {
      setConfirming(null);
      setNotice(intl.formatMessage({ id: "tables.members.removed" }, { name: m.user.name }));
      onChanged();
    }
  };

  return (
    <section aria-labelledby="tables-members-title" className="mb-5">
      <h2 id="tables-members-title" className="h3">
        <FormattedMessage id="tables.members.title" values={{ count: members.length }} />
      </h2>
      {notice && (
        <Notice>{notice}</Notice>
      )}
      {canManage &&
        (adding ? (
          <AddMemberForm
            tableID={tableID}
            onCancel={() => setAdding(false)}
            onDone={(name) => {
              setAdding(false);
              setNotice(intl.formatMessage({ id: "tables.members.added" }, { name }));
              onChanged();
            }}
          />
        ) : (
          <Button color="primary" className="mb-3" onClick={() => (setAdding(true), setNotice(null))}>
            <FormattedMessage id="tables.members.add" />
          </Button>
        ))}
      {members.length === 0 ? (
        <p>
          <FormattedMessage id="tables.members.none" />
        </p>
      ) : (
        <TableScroll>
          <table className="table align-middle">
            <caption className="visually-hidden">
              <FormattedMessage id="tables.members.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="tables.members.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="tables.members.organization" />
                </th>
                <th scope="col">
                  <FormattedMessage id="tables.members.profession" />
                </th>
                <th scope="col">
                  <FormattedMessage id="tables.members.joinedOn" />
                </th>
                {canManage && (
                  <th scope="col">
                    <FormattedMessage id="common.actions" />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.user.name}
                    {m.user.id === coordinatorID && (
                      <span className="badge bg-primary ms-2">
                        <FormattedMessage id="tables.members.coordinatorBadge" />
                      </span>
                    )}
                  </td>
                  <td>{m.organization.name}</td>
                  <td>{label("TableMembershipProfession", m.profession)}</td>
                  <td>{fmt.date(m.joinedOn)}</td>
                  {canManage && (
                    <td>
                      <Button
                        color="danger"
                        outline
                        size="xs"
                        aria-label={intl.formatMessage({ id: "tables.members.removeNamed" }, { name: m.user.name })}
                        onClick={() => (setConfirming(m), setNotice(null))}
                      >
                        <FormattedMessage id="tables.members.remove" />
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={intl.formatMessage({ id: "tables.members.confirmRemove" }, { name: confirming?.user.name ?? "" })}
        confirmLabel={intl.formatMessage({ id: "tables.members.confirmRemoveYes" })}
        busy={removal.fetching}
        onConfirm={() => confirming && void doRemove(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {removal.error && <ErrorAlert error={removal.error} />}
      </ConfirmDialog>
    </section>
  );
}

function AddMemberForm({ tableID, onDone, onCancel }: { tableID: string; onDone: (name: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [options] = useQuery({ query: TablePageMemberOptionsQuery });
  const users = nodes(options.data?.users);
  const organizations = nodes(options.data?.organizations);
  const professions = useEnumOptions("TableMembershipProfession");
  const form = useForm<MemberValues>({
    resolver: zodResolver(memberSchema),
    defaultValues: { userID: "", organizationID: "", profession: "", joinedOn: today() },
  });
  const [state, add] = useMutation(TablePageAddMemberMutation);
  // The organisation the chosen user works for is the one they usually
  // represent: proposed, and left alone once changed by hand.
  const userID = form.watch("userID");
  useEffect(() => {
    const org = users.find((u) => u.id === userID)?.organization.id;
    if (org && !form.getFieldState("organizationID").isDirty) {
      form.setValue("organizationID", org);
    }
  }, [userID, users, form]);

  const submit = form.handleSubmit(async (v) => {
    const r = await add({
      input: {
        tableID,
        userID: v.userID,
        organizationID: v.organizationID,
        profession: v.profession as TableMembershipProfession,
        joinedOn: v.joinedOn,
      },
    });
    if (r.error) {
      applyServerErrors(form, r.error, { userID: "userID", organizationID: "organizationID", profession: "profession", joinedOn: "joinedOn" });
      return;
    }
    onDone(r.data?.addTableMember.user.name ?? "");
  });

  return (
    <FormPanel
      title={<FormattedMessage id="tables.members.formTitle" />}
      error={options.error ?? state.error}
      submitLabel={<FormattedMessage id="tables.members.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        form={form}
        name="userID"
        label={t("tables.members.user")}
        placeholder={t("tables.members.choose")}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
      />
      <SelectField
        form={form}
        name="organizationID"
        label={t("tables.members.organization")}
        hint={t("tables.members.organizationHint")}
        placeholder={t("tables.members.choose")}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField form={form} name="profession" label={t("tables.members.profession")} placeholder={t("tables.members.choose")} options={professions} />
      <TextField form={form} name="joinedOn" type="date" label={t("tables.members.joinedOn")} />
    </FormPanel>
  );
}
