// The big providers Cutover knows: their IMAP servers, their OAuth2 endpoints and scopes, and
// the mail exchangers that give them away in a domain's MX records.
import type { OAuth2Client } from './oauth2-provider.ts';

export type ProviderPreset = 'google' | 'microsoft-365';

export const PROVIDER_NAMES: Readonly<Record<ProviderPreset, string>> = {
  google: 'Google Workspace / Gmail',
  'microsoft-365': 'Microsoft 365',
};

/** Where each provider serves IMAP: implicit TLS on 993. */
export const PRESET_IMAP: Readonly<Record<ProviderPreset, { host: string; port: number }>> = {
  google: { host: 'imap.gmail.com', port: 993 },
  'microsoft-365': { host: 'outlook.office365.com', port: 993 },
};

/** Gmail's IMAP upload limit, about 500 MB a mailbox a day. */
export const GMAIL_DAILY_UPLOAD_BYTES = 500 * 1024 * 1024;

/** Names people type for a preset (CLI `--source google`, the form's field). */
const ALIASES: Readonly<Record<string, ProviderPreset>> = {
  google: 'google',
  gmail: 'google',
  'google-workspace': 'google',
  'microsoft-365': 'microsoft-365',
  m365: 'microsoft-365',
  office365: 'microsoft-365',
  'office-365': 'microsoft-365',
  outlook: 'microsoft-365',
};

export function presetNamed(name: string): ProviderPreset | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

/**
 * The app registration's OAuth2 client at a provider. `tenant`: Microsoft's directory (its
 * domain or ID); a user's sign-in may use `organizations`, app-only access needs the tenant.
 */
export function presetClient(
  preset: ProviderPreset,
  clientId: string,
  tenant = 'organizations',
): OAuth2Client {
  switch (preset) {
    case 'google':
      return {
        issuer: 'https://accounts.google.com',
        authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenEndpoint: 'https://oauth2.googleapis.com/token',
        clientId,
        userScopes: ['https://mail.google.com/'],
        appScopes: ['https://mail.google.com/'],
        // Google gives a refresh token only for offline access, and again only with consent.
        authorizationParams: { access_type: 'offline', prompt: 'consent' },
      };
    case 'microsoft-365': {
      const base = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`;
      return {
        issuer: `${base}/v2.0`,
        authorizationEndpoint: `${base}/oauth2/v2.0/authorize`,
        tokenEndpoint: `${base}/oauth2/v2.0/token`,
        clientId,
        userScopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'],
        appScopes: ['https://outlook.office365.com/.default'],
      };
    }
  }
}

/** The preset whose IMAP server this is (imap.gmail.com, outlook.office365.com), or null. */
export function presetForHost(host: string): ProviderPreset | null {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  const found = (Object.keys(PRESET_IMAP) as ProviderPreset[]).find((p) => PRESET_IMAP[p].host === name);
  return found ?? null;
}

/**
 * The preset an OAuth2 issuer belongs to, with Microsoft's tenant (its domain or ID) read from
 * the issuer's path; null for another provider.
 */
export function presetForIssuer(issuer: string): { preset: ProviderPreset; tenant: string | null } | null {
  if (issuer === 'https://accounts.google.com') return { preset: 'google', tenant: null };
  const microsoft = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0$/.exec(issuer);
  if (microsoft) return { preset: 'microsoft-365', tenant: decodeURIComponent(microsoft[1]!) };
  return null;
}

const MX_PATTERNS: ReadonlyArray<[RegExp, ProviderPreset]> = [
  [/(^|\.)(aspmx\.l\.google\.com|googlemail\.com|smtp\.google\.com)$/, 'google'],
  [/\.mail\.protection\.outlook\.com$/, 'microsoft-365'],
];

/** The provider a domain's mail exchangers belong to, or null (another provider, or mixed). */
export function presetForMailExchangers(exchanges: readonly string[]): ProviderPreset | null {
  const found = new Set<ProviderPreset>();
  for (const exchange of exchanges) {
    const host = exchange.trim().toLowerCase().replace(/\.$/, '');
    const match = MX_PATTERNS.find(([pattern]) => pattern.test(host));
    if (!match) return null;
    found.add(match[1]);
  }
  return found.size === 1 ? [...found][0]! : null;
}
