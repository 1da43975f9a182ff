// A side's sign-in as a job request gives it (secrets in clear, from a file or the form), checked
// and turned into the job spec's SignIn with each secret stored encrypted.
import type { SignInRequest } from '../../../shared/sign-in.ts';
import { parseServiceAccountKey } from '../../infrastructure/oauth2/service-account-key.ts';
import { parseClientCertificate } from '../../infrastructure/oauth2/client-certificate.ts';

export type { SignInRequest };

/** What is wrong with a sign-in request, in words; empty when it can be stored. */
export function signInProblems(request: SignInRequest, where: string, now = new Date()): string[] {
  if (request.method === 'password') return [];
  const problems: string[] = [];
  const { client } = request;
  for (const [field, value] of [
    ['token endpoint', client.tokenEndpoint],
    ['sign-in page', client.authorizationEndpoint],
  ] as const) {
    if (!isUrl(value)) problems.push(`${where}: the ${field} "${value}" is not a web address.`);
  }
  if (!client.clientId.trim()) problems.push(`${where}: the app's client ID is missing.`);
  const scopes = request.method === 'user' ? client.userScopes : client.appScopes;
  if (scopes.length === 0) problems.push(`${where}: no scope to ask for IMAP access.`);
  if (request.method === 'app') problems.push(...appCredentialProblems(request, where, now));
  if (request.method === 'delegation') {
    try {
      parseServiceAccountKey(request.serviceAccountKey);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  return problems;
}

function appCredentialProblems(
  request: Extract<SignInRequest, { method: 'app' }>,
  where: string,
  now: Date,
): string[] {
  if (request.clientSecret && request.certificate)
    return [`${where}: give the app's client secret or its certificate, not both.`];
  if (!request.certificate)
    return request.clientSecret
      ? []
      : [`${where}: the app's client secret (or its certificate with the private key) is missing.`];
  try {
    const { validTo } = parseClientCertificate(request.certificate);
    if (validTo <= now)
      return [
        `${where}: the app's certificate expired on ${validTo.toISOString().slice(0, 10)}: make a new one, upload it to the app registration, and give it here.`,
      ];
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

function isUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
