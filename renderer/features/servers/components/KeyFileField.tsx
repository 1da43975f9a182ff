interface KeyFileFieldProps {
  id: string;
  fileName: string;
  stored: boolean;
  onChange(file: { text: string; name: string }): void;
}

/** A service account's JSON key file, read as text here and sent once when the form is saved. */
export function KeyFileField({ id, fileName, stored, onChange }: KeyFileFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Service account key file (JSON)</label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
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
            <span aria-hidden="true">✓ </span>A key is stored encrypted. Choose another file to replace it.
          </>
        ) : (
          'No key stored yet.'
        )}
      </p>
    </div>
  );
}
