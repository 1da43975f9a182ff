// The server form's provider and sign-in choices: the providers Cutover has presets for, how the
// mailboxes sign in there, and the one sign-in request a save sends (secrets only when typed).
import type { ProfileSignIn } from '../../../../preload/contract.ts';
import type { ProviderPreset } from '../../../../shared/provider-presets.ts';
import { PRESET_IMAP, presetClient, presetForHost } from '../../../../shared/provider-presets.ts';
import type { SignInRequest } from '../../../../shared/sign-in.ts';

export type Provider = 'other' | ProviderPreset;

export const PROVIDER_OPTIONS: ReadonlyArray<{ value: Provider; label: string }> = [
  { value: 'other', label: 'Other server' },
  { value: 'google', label: 'Google Workspace or Gmail' },
  { value: 'microsoft-365', label: 'Microsoft 365' },
];

/** How the mailboxes sign in, as the form offers it; `app` is the organisation's app. */
export type SignInChoice = 'password' | 'user' | 'app';

export const SIGN_IN_LABELS: Readonly<Record<SignInChoice, string>> = {
  password: 'Password',
  user: 'Each person signs in with their account',
  app: 'The organisation’s app, for every mailbox',
};

/** The server a preset fills in: its host, IMAPS on 993. */
export function presetServer(preset: ProviderPreset): { host: string; protocol: 'imaps'; port: number } {
  return { host: PRESET_IMAP[preset].host, protocol: 'imaps', port: PRESET_IMAP[preset].port };
}

/** What the sign-in fields hold, as typed; secrets are write-only and empty once saved. */
export interface SignInValues {
  choice: SignInChoice;
  /** Microsoft 365's directory (contoso.onmicrosoft.com or its ID). */
  tenant: string;
  clientId: string;
  clientSecret: string;
  /**
   * The chosen file's text and name: a Google service account's JSON key, or a Microsoft 365
   * app's certificate with its private key (PEM).
   */
  keyText: string;
  keyFileName: string;
}

export function signInValues(stored: ProfileSignIn): SignInValues {
  return {
    choice: stored.method === 'delegation' ? 'app' : stored.method,
    tenant: stored.tenant && stored.tenant !== 'organizations' ? stored.tenant : '',
    clientId: stored.method === 'delegation' ? '' : (stored.clientId ?? ''),
    clientSecret: '',
    keyText: '',
    keyFileName: '',
  };
}

/** The provider a saved server belongs to: its sign-in's, else its host's. */
export function providerOf(host: string, stored: ProfileSignIn): Provider {
  return stored.provider ?? presetForHost(host) ?? 'other';
}

/** The sign-in to send with a save: undefined leaves the stored one as it is. */
export type SignInToSend = { ok: true; request: SignInRequest | undefined } | { ok: false; problem: string };

/**
 * The sign-in request a save sends. A stored secret stays when nothing about its app changed;
 * changing the app asks for its secret again (a secret belongs to one app).
 */
export function signInToSend(provider: Provider, values: SignInValues, stored: ProfileSignIn): SignInToSend {
  if (provider === 'other' || values.choice === 'password')
    return { ok: true, request: stored.method === 'password' ? undefined : { method: 'password' } };
  const clientId = values.clientId.trim();
  const tenant = values.tenant.trim();
  const secret = values.clientSecret.trim();
  if (provider === 'google' && values.choice === 'app') {
    if (!values.keyText) {
      return stored.method === 'delegation'
        ? { ok: true, request: undefined }
        : {
            ok: false,
            problem: 'Choose the service account’s key file (the JSON file Google Cloud gave you).',
          };
    }
    const keyClientId = clientIdOfKey(values.keyText);
    if (!keyClientId)
      return {
        ok: false,
        problem: `${values.keyFileName || 'This file'} is not a service account key file: in Google Cloud, open the service account → Keys → Add key → JSON, and choose the file that downloads.`,
      };
    return {
      ok: true,
      request: {
        method: 'delegation',
        client: presetClient('google', keyClientId),
        serviceAccountKey: values.keyText,
      },
    };
  }
  if (!clientId) return { ok: false, problem: 'Type the app’s client ID (Application (client) ID).' };
  if (provider === 'microsoft-365' && values.choice === 'app' && !tenant)
    return { ok: false, problem: 'Type your Microsoft 365 tenant, for example contoso.onmicrosoft.com.' };
  const client = presetClient(provider, clientId, tenant || 'organizations');
  const method = values.choice === 'app' ? 'app' : 'user';
  const sameApp =
    stored.method === method &&
    stored.clientId === clientId &&
    (stored.tenant ?? 'organizations') === (tenant || 'organizations');
  if (method === 'app' && provider === 'microsoft-365' && values.keyText) {
    if (!/-----BEGIN CERTIFICATE-----/.test(values.keyText) || !/PRIVATE KEY-----/.test(values.keyText))
      return {
        ok: false,
        problem: `${values.keyFileName || 'This file'} is not a certificate with its private key: choose a PEM file holding both (from a .pfx: openssl pkcs12 -in app.pfx -nodes -out app.pem).`,
      };
    return { ok: true, request: { method: 'app', client, certificate: values.keyText } };
  }
  if (!secret && sameApp) return { ok: true, request: undefined };
  if (method === 'app') {
    if (!secret)
      return {
        ok: false,
        problem:
          'Type the app’s client secret (its Value, shown once in Entra), or choose its certificate file.',
      };
    return { ok: true, request: { method: 'app', client, clientSecret: secret } };
  }
  if (provider === 'google' && !secret)
    return { ok: false, problem: 'Type the Desktop app’s client secret (Google Cloud → Credentials).' };
  return { ok: true, request: { method: 'user', client, clientSecret: secret || null } };
}

/** The client ID a service account key names, or null when the text is not such a key. */
function clientIdOfKey(text: string): string | null {
  try {
    const key = JSON.parse(text) as { type?: unknown; client_id?: unknown };
    return key.type === 'service_account' && typeof key.client_id === 'string' && key.client_id
      ? key.client_id
      : null;
  } catch {
    return null;
  }
}
