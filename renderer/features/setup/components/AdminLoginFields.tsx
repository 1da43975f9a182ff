import { FieldError } from '../../../ui/FieldError.tsx';

interface AdminLoginFieldsProps {
  id: string;
  user: string;
  /** What is typed now; the stored password is never sent back to the UI. */
  password: string;
  hasPassword: boolean;
  busy: boolean;
  userError: string | null;
  passwordError: string | null;
  onUser(value: string): void;
  onPassword(value: string): void;
  onRemove(): void;
}

/**
 * The new server's optional admin login (Dovecot master user, Cyrus admin): Cutover then opens
 * each mailbox on the person's behalf. The password is write-only: "saved" shows, never the text.
 */
export function AdminLoginFields(props: AdminLoginFieldsProps) {
  const { id, user, password, hasPassword, busy, userError, passwordError } = props;
  return (
    <fieldset className="admin-login" aria-describedby={`${id}-why`}>
      <legend>Admin login (optional)</legend>
      <p id={`${id}-why`} className="hint">
        With an admin login, Cutover opens each mailbox on the new server for its owner, so you do not need
        everyone’s new password. On Dovecot this is a “master user”; on Cyrus, an admin user. Leave it empty
        to log in with each person’s own password.
      </p>
      <div className="admin-login-fields">
        <div className="field">
          <label htmlFor={`${id}-user`}>Admin user name</label>
          <input
            id={`${id}-user`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={user}
            aria-invalid={userError ? true : undefined}
            aria-describedby={userError ? `${id}-user-error` : undefined}
            onChange={(e) => props.onUser(e.target.value)}
          />
          <FieldError id={`${id}-user-error`} message={userError} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Admin password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            placeholder={hasPassword ? 'Saved. Type a new one to replace it.' : ''}
            value={password}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={`${id}-password-state${passwordError ? ` ${id}-password-error` : ''}`}
            onChange={(e) => props.onPassword(e.target.value)}
          />
          <p id={`${id}-password-state`} className="hint admin-password-state">
            {hasPassword ? (
              <>
                <span aria-hidden="true">✓ </span>A password is saved. It is stored encrypted and never shown.
              </>
            ) : (
              'No admin password saved.'
            )}
          </p>
          <FieldError id={`${id}-password-error`} message={passwordError} />
        </div>
      </div>
      {hasPassword || user.trim() !== '' ? (
        <p>
          <button
            type="button"
            className="button button-small"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) props.onRemove();
            }}
          >
            Remove the admin login
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
