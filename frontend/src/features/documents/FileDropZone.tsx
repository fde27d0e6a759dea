import { useId, useState, type DragEvent, type Ref } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { fileSize } from "./model";

// A file dropped on the zone, or chosen with its button (the input itself,
// focusable, behind Bootstrap Italia's upload label): for documents and
// for the import's CSV. The hint and the error are tied to the input.

/** The ids of a drop zone's texts in the catalogue. */
export interface DropZoneTexts {
  /** Before a file is chosen. */
  drop: string;
  /** A file chosen: {fileName}, {size}. */
  chosen: string;
  choose: string;
  chooseAnother: string;
  hint: string;
}

export function FileDropZone({
  file,
  error,
  disabled,
  accept,
  messages,
  onChoose,
  onBlur,
  ref,
}: {
  file: File | null | undefined;
  error?: string;
  disabled: boolean;
  /** The input's accept attribute. */
  accept: string;
  /** The catalogue's texts of the zone. */
  messages: DropZoneTexts;
  onChoose: (file: File) => void;
  onBlur?: () => void;
  /** The input, to move the focus to it when the file is refused. */
  ref?: Ref<HTMLInputElement>;
}) {
  const intl = useIntl();
  const id = useId();
  const [over, setOver] = useState(false);
  const choose = (files: FileList | null | undefined) => {
    const chosen = files?.[0];
    if (chosen && !disabled) {
      onChoose(chosen);
    }
  };
  const drag = (entering: boolean) => (ev: DragEvent) => {
    ev.preventDefault();
    setOver(entering && !disabled);
  };
  const described = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="mb-3">
      <div
        className={`win-drop-zone p-3 mb-1${over ? " win-drop-over" : ""}${error ? " win-drop-invalid" : ""}`}
        data-testid="drop-zone"
        onDragEnter={drag(true)}
        onDragOver={drag(true)}
        onDragLeave={drag(false)}
        onDrop={(ev) => {
          ev.preventDefault();
          setOver(false);
          choose(ev.dataTransfer?.files);
        }}
      >
        <p className="mb-2">
          {file ? (
            <FormattedMessage id={messages.chosen} values={{ fileName: <strong>{file.name}</strong>, size: fileSize(intl, file.size) }} />
          ) : (
            <FormattedMessage id={messages.drop} />
          )}
        </p>
        <input
          ref={ref}
          type="file"
          id={id}
          className="upload"
          accept={accept}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onBlur={onBlur}
          onChange={(ev) => {
            choose(ev.target.files);
            // The same file can be chosen again, e.g. once corrected.
            ev.target.value = "";
          }}
        />
        <label htmlFor={id}>
          <FormattedMessage id={file ? messages.chooseAnother : messages.choose} />
        </label>
      </div>
      <small id={`${id}-hint`} className="form-text d-block">
        <FormattedMessage id={messages.hint} />
      </small>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert" data-testid="file-error">
          {error}
        </div>
      )}
    </div>
  );
}
