import type { ProfileSignIn } from '../../../../preload/contract.ts';
import type { ProviderPreset } from '../../../../shared/provider-presets.ts';
import type { SignInChoice, SignInValues } from '../logic/sign-in-options.ts';
import { SIGN_IN_LABELS } from '../logic/sign-in-options.ts';
import { signInExplanation } from '../logic/sign-in-steps.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { SignInExplanationPanel } from './SignInExplanationPanel.tsx';
import { SecretField } from './SecretField.tsx';
import { KeyFileField } from './KeyFileField.tsx';

interface SignInFieldsProps {
  id: string;
  provider: ProviderPreset;
  values: SignInValues;
  stored: ProfileSignIn;
  error: string | null;
  onChange(patch: Partial<SignInValues>): void;
}

const CHOICES: readonly SignInChoice[] = ['app', 'user', 'password'];

/**
 * How a provider's mailboxes sign in, the app's details for that choice, and what to create in
 * the provider's console first. Secrets are write-only.
 */
export function SignInFields({ id, provider, values, stored, error, onChange }: SignInFieldsProps) {
  const { choice } = values;
  const storedSecret = stored.hasSecret && stored.method !== 'password';
  const text = (field: 'tenant' | 'clientId', label: string, placeholder: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={values[field]}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className="sign-in" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>How mailboxes sign in</legend>
      <div className="radio-group">
        {CHOICES.map((c) => (
          <label key={c} className="radio">
            <input
              type="radio"
              name={`${id}-choice`}
              value={c}
              checked={choice === c}
              onChange={() => onChange({ choice: c })}
            />
            <span>
              {SIGN_IN_LABELS[c]}
              {c === 'app' ? (
                <span className="muted">
                  {provider === 'google' ? ' (service account)' : ' (app-only access)'}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      <SignInExplanationPanel id={`${id}-steps`} explanation={signInExplanation(provider, choice)} />
      {choice === 'app' && provider === 'google' ? (
        <KeyFileField
          id={`${id}-key`}
          label="Service account key file (JSON)"
          accept=".json,application/json"
          noun="key"
          fileName={values.keyFileName}
          stored={stored.method === 'delegation' && storedSecret}
          onChange={({ text: keyText, name }) => onChange({ keyText, keyFileName: name })}
        />
      ) : null}
      {choice !== 'password' && !(choice === 'app' && provider === 'google') ? (
        <div className="sign-in-fields">
          {provider === 'microsoft-365'
            ? text('tenant', choice === 'app' ? 'Tenant' : 'Tenant (optional)', 'contoso.onmicrosoft.com')
            : null}
          {text(
            'clientId',
            'Client ID',
            provider === 'google' ? '…apps.googleusercontent.com' : 'Application (client) ID',
          )}
          {choice === 'app' || provider === 'google' ? (
            <SecretField
              id={`${id}-secret`}
              label="Client secret"
              value={values.clientSecret}
              stored={stored.method === choice && storedSecret && !stored.hasCertificate}
              onChange={(clientSecret) => onChange({ clientSecret, keyText: '', keyFileName: '' })}
            />
          ) : null}
          {choice === 'app' && provider === 'microsoft-365' ? (
            <KeyFileField
              id={`${id}-certificate`}
              label="Or a certificate instead of the secret (PEM file with its private key)"
              accept=".pem,.crt,.cer,.key,application/x-pem-file"
              noun="certificate"
              fileName={values.keyFileName}
              stored={stored.method === 'app' && stored.hasCertificate}
              onChange={({ text: keyText, name }) =>
                onChange({ keyText, keyFileName: name, clientSecret: '' })
              }
            />
          ) : null}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
