import { describe, expect, it } from 'vitest';
import { presetClient, presetForMailExchangers, presetNamed } from '../../../shared/provider-presets.ts';

describe('provider presets', () => {
  it("knows Google and Microsoft 365 from a domain's mail exchangers", () => {
    expect(presetForMailExchangers(['aspmx.l.google.com.', 'alt1.aspmx.l.google.com'])).toBe('google');
    expect(presetForMailExchangers(['smtp.google.com'])).toBe('google');
    expect(presetForMailExchangers(['contoso-com.mail.protection.outlook.com'])).toBe('microsoft-365');
  });

  it('names no provider for another host, a look-alike, mixed exchangers or none', () => {
    expect(presetForMailExchangers(['mx.example.com'])).toBeNull();
    expect(presetForMailExchangers(['aspmx.l.google.com.evil.example'])).toBeNull();
    expect(
      presetForMailExchangers(['aspmx.l.google.com', 'contoso-com.mail.protection.outlook.com']),
    ).toBeNull();
    expect(presetForMailExchangers(['aspmx.l.google.com', 'backup.example.com'])).toBeNull();
    expect(presetForMailExchangers([])).toBeNull();
  });

  it('takes the names people type', () => {
    expect(presetNamed('Gmail')).toBe('google');
    expect(presetNamed(' office365 ')).toBe('microsoft-365');
    expect(presetNamed('imap.example.com')).toBeNull();
  });

  it("builds Microsoft's endpoints for the tenant, and asks IMAP with offline access", () => {
    const client = presetClient('microsoft-365', 'app-id', 'contoso.onmicrosoft.com');
    expect(client.tokenEndpoint).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
    expect(client.userScopes).toEqual(['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access']);
    expect(client.appScopes).toEqual(['https://outlook.office365.com/.default']);
    expect(presetClient('microsoft-365', 'app-id').authorizationEndpoint).toContain('/organizations/');
  });

  it('asks Google for offline access, the only way it gives a refresh token', () => {
    expect(presetClient('google', 'id').authorizationParams).toEqual({
      access_type: 'offline',
      prompt: 'consent',
    });
  });
});
