// `--source-auth` / `--dest-auth`: a side's OAuth2 sign-in, read from a JSON file or an
// environment variable (`env:NAME`), never from the command line itself, where any user of
// the machine could read a secret in the process list.
import { z } from 'zod';
import type { OAuth2Client } from '../../../shared/oauth2-provider.ts';
import { presetClient, presetNamed } from '../../../shared/provider-presets.ts';
import type { SignInRequest } from '../../../shared/sign-in.ts';
import { oauth2Client } from '../../../preload/contract/sign-in-fields.ts';
import { CliExit } from './cli-context.ts';
import { ExitCode } from './exit-codes.ts';
import { readInputFile } from './read-input-file.ts';

const signInFile = z
  .object({
    method: z.enum(['password', 'user', 'app', 'delegation'], {
      error:
        'method is "user" (each user signs in), "app" (Microsoft 365 app-only) or "delegation" (Google service account)',
    }),
    provider: z.string().optional(),
    tenant: z.string().trim().min(1).optional(),
    clientId: z.string().trim().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    /** The app's certificate and private key (PEM), for Microsoft 365 app-only without a secret. */
    certificateFile: z.string().min(1).optional(),
    client: oauth2Client.optional(),
    serviceAccountKey: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    serviceAccountKeyFile: z.string().min(1).optional(),
  })
  .strict();

/** Reads `file` or `env:NAME` as a sign-in; a mistake says what to write instead. */
export function readSignIn(
  reference: string,
  option: string,
  env: NodeJS.ProcessEnv = process.env,
): SignInRequest {
  const text = reference.startsWith('env:')
    ? env[reference.slice(4)]
    : readInputFile(reference, `${option} sign-in`);
  if (text === undefined || text.trim() === '')
    throw usage(`${option} ${reference}: the environment variable ${reference.slice(4)} is not set.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw usage(
      `${option} ${reference}: not JSON. Write e.g. {"method": "app", "provider": "microsoft-365", …}; the README shows each kind.`,
    );
  }
  const parsed = signInFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'the file'}: ${i.message}`);
    throw usage(`${option} ${reference}: ${problems.join('; ')}.`);
  }
  const file = parsed.data;
  if (file.method === 'password') return { method: 'password' };
  const key = file.method === 'delegation' ? serviceAccountKey(file, option) : null;
  const client = clientOf(file, option, key);
  switch (file.method) {
    case 'user':
      return { method: 'user', client, clientSecret: file.clientSecret ?? null };
    case 'app':
      if (file.clientSecret && file.certificateFile)
        throw usage(`${option}: give the app's "clientSecret" or its "certificateFile", not both.`);
      if (file.certificateFile)
        return { method: 'app', client, certificate: readInputFile(file.certificateFile, 'app certificate') };
      if (!file.clientSecret)
        throw usage(
          `${option}: an "app" sign-in needs the app's "clientSecret", or "certificateFile" (its certificate and private key, PEM).`,
        );
      return { method: 'app', client, clientSecret: file.clientSecret };
    case 'delegation':
      return { method: 'delegation', client, serviceAccountKey: key! };
  }
}

function clientOf(file: z.infer<typeof signInFile>, option: string, key: string | null): OAuth2Client {
  if (file.client) return file.client;
  if (!file.provider)
    throw usage(
      `${option}: say which provider ("provider": "google" or "microsoft-365"), or give its "client" endpoints.`,
    );
  const preset = presetNamed(file.provider);
  if (!preset)
    throw usage(
      `${option}: "${file.provider}" is not a provider Cutover knows; use "google" or "microsoft-365", or give "client".`,
    );
  // A service account's key names its own client.
  const clientId =
    file.clientId ?? (key ? String((JSON.parse(key) as { client_id?: unknown }).client_id ?? '') : '');
  if (!clientId) throw usage(`${option}: the app registration's "clientId" is missing.`);
  if (preset === 'microsoft-365' && file.method === 'app' && !file.tenant)
    throw usage(
      `${option}: app-only access to Microsoft 365 needs the "tenant" (e.g. contoso.onmicrosoft.com).`,
    );
  return presetClient(preset, clientId, file.tenant);
}

function serviceAccountKey(file: z.infer<typeof signInFile>, option: string): string {
  if (file.serviceAccountKeyFile) return readInputFile(file.serviceAccountKeyFile, 'service account key');
  if (typeof file.serviceAccountKey === 'string') return file.serviceAccountKey;
  if (file.serviceAccountKey) return JSON.stringify(file.serviceAccountKey);
  throw usage(
    `${option}: a "delegation" sign-in needs "serviceAccountKeyFile" (the JSON key Google Cloud gives).`,
  );
}

function usage(message: string): CliExit {
  return new CliExit(ExitCode.usage, message);
}
