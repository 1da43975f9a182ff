import { z } from 'zod';

/** The fields of a Google service account key file (JSON) that the JWT bearer grant uses. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  tokenUri: string | null;
}

const keyFile = z.object({
  type: z.literal('service_account'),
  client_email: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY'),
  token_uri: z.string().url().optional(),
});

/** Reads a key file's text; a wrong file says what it is missing, never its content. */
export function parseServiceAccountKey(text: string): ServiceAccountKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      'The service account key is not JSON: use the key file Google Cloud downloads (Keys → Add key → JSON).',
    );
  }
  const parsed = keyFile.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'type'))];
    throw new Error(
      `The service account key file is not usable (${fields.join(', ')}): use the JSON key file of a service account (Google Cloud → IAM → Service accounts → Keys).`,
    );
  }
  return {
    clientEmail: parsed.data.client_email,
    privateKey: parsed.data.private_key,
    tokenUri: parsed.data.token_uri ?? null,
  };
}
