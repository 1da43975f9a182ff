// What the admin creates in their provider's console for each way of signing in, in the same
// words as the README ("Microsoft 365 and Google Workspace"). `code` marks what to type or pick
// exactly (rendered as code).
import type { Provider, SignInChoice } from './sign-in-options.ts';

export interface ConsoleSteps {
  /** Where to do it, as a heading: the console's name and address. */
  where: string;
  steps: readonly string[];
}

export interface SignInExplanation {
  summary: string;
  parts: readonly ConsoleSteps[];
  /** What happens next, or a caution. */
  note?: string;
}

const MICROSOFT_APP: SignInExplanation = {
  summary:
    'Cutover opens every mailbox with one app of your organisation: nobody needs to give a password or sign in.',
  parts: [
    {
      where: 'In the Microsoft Entra admin center (entra.microsoft.com)',
      steps: [
        'App registrations → New registration. Any name; “Accounts in this organizational directory only”.',
        'Copy the `Application (client) ID` and your tenant (`contoso.onmicrosoft.com` or the Directory (tenant) ID) into the fields below.',
        'Certificates & secrets → New client secret. Copy its `Value` (it is shown only once) into “Client secret”. Or, where your organisation wants certificates: Certificates → Upload certificate (the .cer), and choose the same certificate with its private key (a .pem file) below.',
        'API permissions → Add a permission → APIs my organization uses → `Office 365 Exchange Online` → Application permissions → `IMAP.AccessAsApp` → Grant admin consent.',
      ],
    },
    {
      where: 'Then in Exchange Online PowerShell',
      steps: [
        'Let the app in: `New-ServicePrincipal -AppId <client ID> -ObjectId <object ID of the app’s Enterprise application>`',
        'For each mailbox: `Add-MailboxPermission -Identity ann@contoso.com -User <that service principal’s ID> -AccessRights FullAccess`',
        'IMAP must be on for the mailboxes: `Set-CASMailbox -Identity ann@contoso.com -ImapEnabled $true`',
      ],
    },
  ],
};

const MICROSOFT_USER: SignInExplanation = {
  summary: 'Each person signs in once with their own Microsoft 365 account; no secret is needed.',
  parts: [
    {
      where: 'In the Microsoft Entra admin center (entra.microsoft.com)',
      steps: [
        'App registrations → New registration. Any name.',
        'Authentication → Add a platform → `Mobile and desktop applications`, with the redirect URI `http://localhost`.',
        'API permissions → Add a permission → Microsoft Graph → Delegated permissions → `IMAP.AccessAsUser.All` and `offline_access`.',
        'Copy the `Application (client) ID` into the field below.',
      ],
    },
  ],
  note: 'Until a person has signed in, their mailbox waits in “Sign in again”; the others go on.',
};

const GOOGLE_APP: SignInExplanation = {
  summary:
    'Cutover opens every mailbox with a service account of your organisation (domain-wide delegation): nobody needs to give a password or sign in.',
  parts: [
    {
      where: 'In the Google Cloud console (console.cloud.google.com)',
      steps: [
        'Pick or create a project → IAM & Admin → Service accounts → Create service account.',
        'Open it → Keys → Add key → Create new key → `JSON`. A key file downloads: choose it below.',
        'Note the service account’s `Client ID` (a long number) for the next step.',
      ],
    },
    {
      where: 'Then in the Google Admin console (admin.google.com)',
      steps: [
        'Security → Access and data control → API controls → Manage Domain-wide delegation → Add new.',
        'Client ID: the service account’s. OAuth scope: `https://mail.google.com/`',
        'IMAP must be on: Apps → Google Workspace → Gmail → End user access → IMAP access.',
      ],
    },
  ],
  note: 'Google takes about 500 MB into each mailbox a day: a large mailbox is copied over several days, by itself.',
};

const GOOGLE_USER: SignInExplanation = {
  summary: 'Each person signs in once with their own Google account.',
  parts: [
    {
      where: 'In the Google Cloud console (console.cloud.google.com)',
      steps: [
        'APIs & Services → OAuth consent screen: add the scope `https://mail.google.com/`.',
        'Credentials → Create credentials → OAuth client ID → Application type `Desktop app`.',
        'Copy its `Client ID` and `Client secret` into the fields below.',
      ],
    },
  ],
  note: 'Until a person has signed in, their mailbox waits in “Sign in again”; the others go on.',
};

const PASSWORDS: Readonly<Record<Provider, SignInExplanation>> = {
  other: { summary: 'Each mailbox logs in with its own password, from the accounts list.', parts: [] },
  google: {
    summary:
      'Google takes only app passwords over IMAP: each person makes one at myaccount.google.com → Security → App passwords (2-Step Verification must be on). For a whole organisation, choose “The organisation’s app” instead.',
    parts: [],
  },
  'microsoft-365': {
    summary:
      'Microsoft 365 no longer accepts passwords over IMAP. Choose “The organisation’s app” (or “Each person signs in”).',
    parts: [],
  },
};

/** What to create for a provider and a way of signing in. */
export function signInExplanation(provider: Provider, choice: SignInChoice): SignInExplanation {
  if (provider === 'other' || choice === 'password') return PASSWORDS[provider];
  if (provider === 'google') return choice === 'app' ? GOOGLE_APP : GOOGLE_USER;
  return choice === 'app' ? MICROSOFT_APP : MICROSOFT_USER;
}
