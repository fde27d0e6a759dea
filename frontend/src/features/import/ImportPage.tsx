import { Alert, Button, Progress } from "design-react-kit";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { sessionEnded } from "../../api/client";
import { useLocale } from "../../i18n/LocaleProvider";
import { useSession } from "../../session/session";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Notice } from "../../ui/Notice";
import { Section } from "../../ui/Section";
import { usePageTitle } from "../../ui/usePageTitle";
import { importsCases } from "./access";
import { FileDropZone, type DropZoneTexts } from "../documents/FileDropZone";
import { attachmentName, confirmMessage, importURL, readAnswer, templateURL, type Failure, type OnError, type Report } from "./model";
import { ReportView } from "./ReportView";
import { postFile, saveBlob } from "./upload";

// /import: an administrator, or a coordinator for the tables they
// coordinate, imports the caseload a table already follows from WIN's CSV
// template (docs/import.md). The file is first verified (a preview, which
// writes nothing), its report shown; only a file verified may be
// imported, after a confirmation saying what will be created. The server
// re-checks everything on import: a 422 is the report of an import it
// refused, nothing written.

/** What the page is sending: a preview, an import, or the preview again as the CSV report. */
type JobKind = "preview" | "import" | "csv";

interface Shown {
  report: Report;
  /** 200, or 422 for an import refused. */
  status: number;
}

const dropTexts: DropZoneTexts = {
  drop: "import.file.drop",
  chosen: "import.file.chosen",
  choose: "import.file.choose",
  chooseAnother: "import.file.chooseAnother",
  hint: "import.file.hint",
};

export function ImportPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "import.title" }));
  const session = useSession();
  if (!importsCases(session)) {
    return (
      <>
        <h1>
          <FormattedMessage id="import.title" />
        </h1>
        <Alert color="warning" role="alert">
          <FormattedMessage id="import.notAllowed" />
        </Alert>
      </>
    );
  }
  return <Importer />;
}

/** The import itself: the template, the file, its check and its import, the report. */
function Importer() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { locale } = useLocale();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [onError, setOnError] = useState<OnError>("abort");
  // The request under way, which Stop, or leaving the page, aborts;
  // aborting one that ended does nothing.
  const [job, setJob] = useState<{ kind: JobKind; controller: AbortController } | null>(null);
  useEffect(() => () => job?.controller.abort(), [job]);
  const [progress, setProgress] = useState(0);
  const [shown, setShown] = useState<Shown | null>(null);
  // The file whose preview succeeded: the only one that may be imported.
  const [previewed, setPreviewed] = useState<File | null>(null);
  const [alert, setAlert] = useState<Failure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A new report is announced by moving to its heading.
  useEffect(() => {
    if (shown) {
      resultHeading.current?.focus();
    }
  }, [shown]);

  const choose = (chosen: File) => {
    setFile(chosen);
    setFileError(undefined);
    setAlert(null);
    setShown(null);
    setPreviewed(null);
  };

  const refuseFile = (message: string) => {
    setFileError(message);
    // Once the input is enabled again: the reason is read out where it is.
    setTimeout(() => input.current?.focus(), 0);
  };

  const send = async (kind: JobKind) => {
    if (!file) {
      refuseFile(t("import.file.required"));
      return;
    }
    if (file.size === 0) {
      refuseFile(t("import.file.empty"));
      return;
    }
    setAlert(null);
    setFileError(undefined);
    const controller = new AbortController();
    setJob({ kind, controller });
    setProgress(0);
    const url = importURL({ mode: kind === "import" ? "import" : "preview", onError, format: kind === "csv" ? "csv" : "json", lang: locale });
    const r = await postFile(url, file, { onProgress: setProgress, signal: controller.signal, asBlob: kind === "csv" });
    setJob(null);
    if ("aborted" in r) {
      return;
    }
    if ("networkError" in r) {
      setAlert({ id: "error.NETWORK" });
      return;
    }
    if (kind === "csv" && r.status === 200 && r.blob) {
      saveBlob(r.blob, attachmentName(r.disposition, "importazione.csv"));
      return;
    }
    const answer = readAnswer(r.status, r.text, r.retryAfter);
    if ("failure" in answer) {
      if (answer.failure.sessionEnded) {
        sessionEnded();
      }
      if (answer.failure.onFile) {
        refuseFile(intl.formatMessage({ id: answer.failure.id }, answer.failure.values));
        setShown(null);
        setPreviewed(null);
      } else {
        setAlert(answer.failure);
      }
      return;
    }
    setShown(answer);
    if (kind === "preview") {
      setPreviewed(file);
    } else if (answer.status === 200) {
      // Written: what the file does now needs another preview.
      setPreviewed(null);
    }
  };

  const preview = (e: FormEvent) => {
    e.preventDefault();
    void send("preview");
  };

  const busy = job !== null;
  const mayImport = file !== null && previewed === file && !busy;
  const percent = Math.round(progress * 100);
  const confirm = shown && confirmMessage(shown.report.counts, onError);
  return (
    <>
      <h1 className="mb-4">
        <FormattedMessage id="import.title" />
      </h1>
      <div className="mb-4">
        <p>
          <FormattedMessage id="import.intro" />
        </p>
        <p>
          <FormattedMessage id="import.introRights" />
        </p>
      </div>

      <Section id={`${id}-template`} title="import.template.title">
        <p>
          <FormattedMessage id="import.template.text" />
        </p>
        <a className="btn btn-outline-primary btn-sm" href={templateURL(locale)} download>
          <FormattedMessage id="import.template.download" />
        </a>
      </Section>

      <Section id={`${id}-file`} title="import.file.title">
        <form noValidate onSubmit={preview} aria-labelledby={`${id}-file`}>
          {alert && (
            <Alert color="danger" role="alert">
              <FormattedMessage id={alert.id} values={alert.values} />
            </Alert>
          )}
          <FileDropZone ref={input} file={file} error={fileError} disabled={busy} accept=".csv,text/csv" messages={dropTexts} onChoose={choose} />
          <fieldset className="mb-3">
            <legend className="fs-6 fw-semibold">
              <FormattedMessage id="import.onError.legend" />
            </legend>
            {(["abort", "skip"] as const).map((v) => (
              <div key={v} className="form-check">
                <input
                  type="radio"
                  id={`${id}-onError-${v}`}
                  name={`${id}-onError`}
                  value={v}
                  checked={onError === v}
                  disabled={busy}
                  onChange={() => setOnError(v)}
                />
                <label htmlFor={`${id}-onError-${v}`}>
                  <FormattedMessage id={`import.onError.${v}`} />
                </label>
              </div>
            ))}
          </fieldset>
          {busy && (
            <div className="mb-3" data-testid="upload-progress">
              <Progress value={percent} label={intl.formatMessage({ id: "import.progress.sending" }, { percent })} aria-label={t("import.progress.label")} />
              {progress >= 1 && (
                <p className="small mt-1 mb-0" role="status">
                  <FormattedMessage id={`import.progress.working.${job.kind}`} />
                </p>
              )}
            </div>
          )}
          <div className="d-flex flex-wrap gap-2 align-items-center">
            <Button type="submit" color="primary" disabled={busy}>
              <FormattedMessage id="import.preview" />
            </Button>
            <Button type="button" color="primary" outline disabled={!mayImport} aria-describedby={`${id}-importHint`} onClick={() => setConfirming(true)}>
              <FormattedMessage id="import.import" />
            </Button>
            {busy && (
              <Button type="button" color="secondary" outline onClick={() => job.controller.abort()}>
                <FormattedMessage id="import.stop" />
              </Button>
            )}
          </div>
          <p id={`${id}-importHint`} className="small mt-2">
            <FormattedMessage id={mayImport ? "import.importHint.ready" : "import.importHint.previewFirst"} />
          </p>
        </form>
      </Section>

      {shown && (
        <section aria-labelledby={`${id}-result`} className="mb-5" data-testid="import-result">
          <h2 id={`${id}-result`} className="h3" ref={resultHeading} tabIndex={-1}>
            <FormattedMessage id={shown.report.mode === "preview" ? "import.result.preview" : shown.report.imported ? "import.result.imported" : "import.result.refused"} />
          </h2>
          {shown.report.imported && (
            <Notice>
              <FormattedMessage id="import.result.importedNotice" values={{ cases: shown.report.counts.casesCreated, persons: shown.report.counts.personsCreated }} />
            </Notice>
          )}
          {shown.status === 422 && (
            <Alert color="danger" role="alert">
              <FormattedMessage id="import.result.refusedAlert" />
            </Alert>
          )}
          <p className="small">
            <FormattedMessage
              id="import.result.file"
              values={{ fileName: file?.name ?? "", encoding: shown.report.encoding, separator: shown.report.separator }}
            />
          </p>
          <p className="d-flex flex-wrap gap-2 align-items-center">
            <Button type="button" color="primary" outline size="sm" disabled={busy} aria-describedby={`${id}-csvHint`} onClick={() => void send("csv")}>
              <FormattedMessage id="import.csv.download" />
            </Button>
            <span id={`${id}-csvHint`} className="small">
              <FormattedMessage id="import.csv.hint" />
            </span>
          </p>
          <ReportView key={`${shown.report.mode}-${shown.status}-${shown.report.fileSha256}`} report={shown.report} initialFilter={shown.status === 422 ? "PROBLEMS" : "ALL"} />
        </section>
      )}

      {confirm && (
        <ConfirmDialog
          isOpen={confirming}
          title={t("import.confirm.title")}
          confirmLabel={t("import.confirm.submit")}
          danger={false}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void send("import");
          }}
        >
          <p className="mb-0">
            <FormattedMessage id={confirm.id} values={confirm.values} />
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
