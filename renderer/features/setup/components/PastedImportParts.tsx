import { Notice } from '../../../ui/Notice.tsx';
import type { SectionMessage } from './use-pasted-import.ts';

/** What the last import (or removal) of a section did. */
export function ImportMessage({ message }: { message: SectionMessage | null }) {
  if (!message) return null;
  return (
    <Notice tone={message.tone}>
      <p>{message.text}</p>
    </Notice>
  );
}

/** Imports the pasted text; says so while main reads it. */
export function ImportButton({ label, busy, onImport }: { label: string; busy: boolean; onImport(): void }) {
  return (
    <div className="form-actions">
      <button
        type="button"
        className="button button-primary"
        aria-disabled={busy || undefined}
        onClick={onImport}
      >
        {busy ? 'Importing…' : label}
      </button>
    </div>
  );
}
