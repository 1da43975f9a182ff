import { PASSWORD_PROFILE_SIGN_IN } from '../../../shared/sign-in.ts';
import { describe, expect, it } from 'vitest';
import type { ProfileSignIn } from '../../../preload/contract.ts';
import {
  providerOf,
  signInToSend,
  signInValues,
} from '../../../renderer/features/servers/logic/sign-in-options.ts';
import { signInExplanation } from '../../../renderer/features/servers/logic/sign-in-steps.ts';

const PASSWORDS = PASSWORD_PROFILE_SIGN_IN;
const APP_STORED: ProfileSignIn = {
  method: 'app',
  provider: 'microsoft-365',
  issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0',
  tenant: 'contoso.onmicrosoft.com',
  clientId: 'cid',
  hasSecret: true,
  hasCertificate: false,
};
const typed = { ...signInValues(PASSWORDS), choice: 'app' as const };

describe('the sign-in a server form sends', () => {
  it('sends an app-only sign-in with its secret once, then keeps the stored one', () => {
    const values = { ...typed, tenant: 'contoso.onmicrosoft.com', clientId: 'cid', clientSecret: 's3cret' };
    expect(signInToSend('microsoft-365', values, PASSWORDS)).toMatchObject({
      ok: true,
      request: {
        method: 'app',
        clientSecret: 's3cret',
        client: {
          tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        },
      },
    });
    const again = { ...signInValues(APP_STORED) };
    expect(again).toMatchObject({
      choice: 'app',
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'cid',
      clientSecret: '',
    });
    expect(signInToSend('microsoft-365', again, APP_STORED)).toEqual({ ok: true, request: undefined });
    // Another app needs its own secret.
    expect(signInToSend('microsoft-365', { ...again, clientId: 'other' }, APP_STORED)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/client secret/),
    });
  });

  it("sends a Microsoft 365 app's certificate file in place of its secret, and keeps it once stored", () => {
    const pem =
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
    const values = {
      ...typed,
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'cid',
      keyText: pem,
      keyFileName: 'app.pem',
    };
    expect(signInToSend('microsoft-365', values, PASSWORDS)).toMatchObject({
      ok: true,
      request: { method: 'app', certificate: pem, client: { clientId: 'cid' } },
    });
    expect(
      signInToSend(
        'microsoft-365',
        { ...values, keyText: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
        PASSWORDS,
      ),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^app\.pem is not a certificate with its private key/),
    });
    const stored = { ...APP_STORED, hasCertificate: true };
    expect(signInToSend('microsoft-365', signInValues(stored), stored)).toEqual({
      ok: true,
      request: undefined,
    });
  });

  it('says what is missing, and goes back to passwords for another server', () => {
    expect(signInToSend('microsoft-365', { ...typed, clientId: 'cid' }, PASSWORDS)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/tenant/),
    });
    expect(
      signInToSend(
        'google',
        { ...typed, keyText: '{"type":"authorized_user"}', keyFileName: 'me.json' },
        PASSWORDS,
      ),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/me.json is not a service account key/),
    });
    const key = JSON.stringify({ type: 'service_account', client_id: '123', private_key: 'x' });
    expect(signInToSend('google', { ...typed, keyText: key }, PASSWORDS)).toMatchObject({
      ok: true,
      request: { method: 'delegation', client: { clientId: '123' }, serviceAccountKey: key },
    });
    expect(signInToSend('other', typed, APP_STORED)).toEqual({ ok: true, request: { method: 'password' } });
    expect(providerOf('imap.gmail.com', PASSWORDS)).toBe('google');
    expect(providerOf('mail.acme.test', APP_STORED)).toBe('microsoft-365');
  });

  it('explains the exact permissions to grant in each console', () => {
    const steps = (p: 'google' | 'microsoft-365', c: 'app' | 'user') =>
      JSON.stringify(signInExplanation(p, c));
    expect(steps('microsoft-365', 'app')).toMatch(/IMAP\.AccessAsApp.*Add-MailboxPermission/);
    expect(steps('microsoft-365', 'user')).toMatch(/IMAP\.AccessAsUser\.All.*offline_access/);
    expect(steps('google', 'app')).toMatch(/Domain-wide delegation.*https:\/\/mail\.google\.com\//);
    expect(steps('google', 'user')).toMatch(/Desktop app/);
  });
});
