// A project server's sign-in as the server_profiles row keeps it (shared/sign-in.ts SignIn, JSON
// with secret ids), stored from a request with its secrets encrypted, and the public facts the
// UI may see (never a secret, key or token).
import { PASSWORD_PROFILE_SIGN_IN } from '../../../shared/sign-in.ts';
import type { ProfileSignIn } from '../../../preload/contract.ts';
import {
  storeSignIn,
  type SignIn,
  type SignInRequest,
  type SignInSecretSlot,
} from '../../../shared/sign-in.ts';
import { presetForIssuer } from '../../../shared/provider-presets.ts';
import type { SecretRepository } from './secret-repository.ts';

/** The stored secrets of a sign-in, by kind: an app's client secret, a service account key. */
function secretSlots(signIn: SignIn | null): { clientSecret: number | null; key: number | null } {
  if (!signIn || signIn.method === 'password') return { clientSecret: null, key: null };
  if (signIn.method === 'delegation') return { clientSecret: null, key: signIn.keySecretId };
  return { clientSecret: signIn.clientSecretId, key: null };
}

/**
 * Stores the request's secrets, each in place of the stored one of its kind (jobs refer to the
 * profile's secrets by id, so a running job reads the new one), and removes those left over.
 */
export function storeProfileSignIn(
  request: SignInRequest,
  before: SignIn | null,
  secrets: Pick<SecretRepository, 'put' | 'replace' | 'remove'>,
): SignIn {
  const slots = secretSlots(before);
  const keep = (slot: SignInSecretSlot, plain: string): number => {
    const id = slots[slot];
    slots[slot] = null;
    if (id === null) return secrets.put(plain);
    secrets.replace(id, plain);
    return id;
  };
  const stored = storeSignIn(request, keep);
  for (const left of [slots.clientSecret, slots.key]) if (left !== null) secrets.remove(left);
  return stored;
}

/** What the UI sees of a sign-in: which provider and app, and whether its secret is stored. */
export function publicSignIn(signIn: SignIn | null): ProfileSignIn {
  if (!signIn || signIn.method === 'password') return PASSWORD_PROFILE_SIGN_IN;
  const preset = presetForIssuer(signIn.client.issuer);
  const slots = secretSlots(signIn);
  return {
    method: signIn.method,
    provider: preset?.preset ?? null,
    issuer: signIn.client.issuer,
    tenant: preset?.tenant ?? null,
    clientId: signIn.client.clientId,
    hasSecret: slots.clientSecret !== null || slots.key !== null,
    hasCertificate: signIn.method === 'app' && signIn.clientAuth === 'certificate',
  };
}
