import type { ReactNode } from 'react';
import type { LineError } from '../../preload/contract.ts';
import { LineProblems } from './LineProblems.tsx';

interface PasteFieldProps {
  id: string;
  label: string;
  hint: ReactNode;
  value: string;
  onChange(value: string): void;
  /** The bad lines of the last import, listed under the field (id `${id}-problems`). */
  errors: readonly LineError[];
  rows?: number;
}

/** A list pasted as text (accounts, aliases, hashes), with the bad lines of its last import. */
export function PasteField({ id, label, hint, value, onChange, errors, rows = 5 }: PasteFieldProps) {
  const errorsId = `${id}-problems`;
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
        <textarea
          id={id}
          className="mono"
          rows={rows}
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={errors.length > 0 ? `${id}-hint ${errorsId}` : `${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <LineProblems id={errorsId} errors={errors} />
    </>
  );
}

/** Reads a text file on this computer into the pasted list, where it is seen before any import. */
export function TextFileField({
  id,
  label,
  accept,
  onText,
  hint,
}: {
  id: string;
  label: string;
  accept: string;
  onText(text: string): void;
  hint?: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void file.text().then(onText);
          // The same file picked again after an edit is read again.
          e.target.value = '';
        }}
      />
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}
