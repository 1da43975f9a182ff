interface KeyFileFieldProps {
  id: string;
  label: string;
  /** The file chooser's filter, e.g. `.json,application/json`. */
  accept: string;
  /** What the file holds, in the hint's words: "key" or "certificate". */
  noun: string;
  fileName: string;
  stored: boolean;
  onChange(file: { text: string; name: string }): void;
}

/**
 * A secret that comes as a file (a service account's JSON key, an app's certificate with its
 * private key), read as text here and sent once when the form is saved.
 */
export function KeyFileField({ id, label, accept, noun, fileName, stored, onChange }: KeyFileFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-state`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void file.text().then((text) => onChange({ text, name: file.name }));
        }}
      />
      <p id={`${id}-state`} className="hint">
        {fileName ? (
          `${fileName} is chosen. It is sent once when you save, then kept encrypted.`
        ) : stored ? (
          <>
            <span aria-hidden="true">✓ </span>A {noun} is stored encrypted. Choose another file to replace it.
          </>
        ) : (
          `No ${noun} stored yet.`
        )}
      </p>
    </div>
  );
}
