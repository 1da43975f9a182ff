import { useId, useState } from 'react';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';

interface SignInAgainProps {
  jobName: string;
  username: string;
}

/**
 * An account whose OAuth2 sign-in expired, was withdrawn or never happened: one button opens
 * the provider's page in the browser; once the person signed in there, the account is retried.
 * The sign-in itself never reaches this window.
 */
export function SignInAgain({ jobName, username }: SignInAgainProps) {
  const signInAndRetry = useAppState((s) => s.signInAndRetry);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    // In the desktop app the window's open handler sends it to the system browser.
    const result = await signInAndRetry({ name: jobName, account: username }, (url) =>
      window.open(url, '_blank', 'noopener'),
    );
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <div className="correct-password" aria-labelledby={`${id}-title`} role="group">
      <p id={`${id}-title`} className="correct-password-title">
        Sign in again and try this account again
      </p>
      <p className="hint">
        {busy
          ? `Waiting for ${username} to sign in in the browser page that opened…`
          : `The provider’s sign-in page opens in your browser: sign in there as ${username}, then come back. Cutover keeps the sign-in, encrypted, and copies the rest by itself.`}
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => void onClick()}>
        {busy ? 'Waiting for the sign-in…' : `Sign in as ${username}`}
      </button>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  );
}
