import { useState } from 'react';
import type { LineError, Result } from '../../../../preload/contract.ts';

export interface SectionMessage {
  tone: 'success' | 'error';
  text: string;
}

/**
 * A pasted list imported all or nothing: the text, the bad lines of the last try (focus goes
 * back to the field, `fieldId`), and the section's message. A clean import empties the field,
 * says what `describe` makes of it and runs `after`, if given (reload what the section shows).
 */
export function usePastedImport<R extends { errors: LineError[] }>(options: {
  fieldId: string;
  importText(text: string): Promise<Result<R>>;
  describe(result: R): string;
  after?(): Promise<void>;
}) {
  const [text, setText] = useState('');
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [message, setMessage] = useState<SectionMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const result = await options.importText(text);
    setBusy(false);
    if (!result.ok) {
      setLineErrors([]);
      setMessage({ tone: 'error', text: `Nothing was imported. ${result.error.message}` });
      return;
    }
    setLineErrors(result.value.errors);
    if (result.value.errors.length > 0) {
      document.getElementById(options.fieldId)?.focus();
      return;
    }
    setText('');
    setMessage({ tone: 'success', text: options.describe(result.value) });
    await options.after?.();
  };

  return { text, setText, lineErrors, busy, message, setMessage, run };
}
