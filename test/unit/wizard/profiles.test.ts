import { PASSWORD_PROFILE_SIGN_IN } from '../../../shared/sign-in.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/test-services.ts';
import type { Services } from '../../../main/hosts/services.ts';
import { connectionPorts } from '../../../main/features/profiles/connection-ports.ts';
import type { ServerProfile } from '../../../preload/contract.ts';

const FINGERPRINT = 'AB:'.repeat(31) + 'AB';
let services: Services;
let projectId: number;

beforeEach(() => {
  services = createTestServices();
  projectId = services.projects.create({ name: 'Acme', customer: '', domains: [], cutoverDate: null }).id;
});
afterEach(() => services.close());

describe('server profiles', () => {
  it('are null until saved, then come back with default ports and without the admin password', async () => {
    expect(await services.dispatch('profiles.get', { projectId })).toEqual({
      ok: true,
      value: { source: null, destination: null },
    });
    const saved = await services.dispatch('profiles.save', {
      projectId,
      role: 'destination',
      host: 'mail.new.test',
      protocol: 'imaps',
      ports: { imaps: 10993 },
      adminUser: 'admin',
      adminPassword: 'secret!',
    });
    expect(saved).toEqual({
      ok: true,
      value: {
        role: 'destination',
        host: 'mail.new.test',
        protocol: 'imaps',
        ports: { imap: 143, imaps: 10993, pop3: 110, pop3s: 995 },
        allowPlaintext: false,
        pinnedFingerprint: null,
        adminUser: 'admin',
        hasAdminPassword: true,
        signIn: PASSWORD_PROFILE_SIGN_IN,
      },
    });
    expect(JSON.stringify(await services.dispatch('profiles.get', { projectId }))).not.toContain('secret!');
    expect(services.serverProfiles.revealAdminPassword(projectId, 'destination')).toBe('secret!');
  });

  it('keeps the admin password when it is left out, and forgets it with the admin user', async () => {
    const base = { projectId, role: 'destination', host: 'mail.new.test', protocol: 'imaps' } as const;
    await services.dispatch('profiles.save', { ...base, adminUser: 'admin', adminPassword: 'pw' });
    expect(await services.dispatch('profiles.save', { ...base, allowPlaintext: true })).toMatchObject({
      ok: true,
      value: { adminUser: 'admin', hasAdminPassword: true, allowPlaintext: true },
    });
    expect(await services.dispatch('profiles.save', { ...base, adminUser: null })).toMatchObject({
      ok: true,
      value: { adminUser: null, hasAdminPassword: false },
    });
    expect(await services.dispatch('profiles.save', { ...base, adminUser: 'root' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'adminPassword' },
    });
  });

  it('refuses POP3 for the new server', async () => {
    expect(
      await services.dispatch('profiles.save', {
        projectId,
        role: 'destination',
        host: 'x.test',
        protocol: 'pop3s',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'protocol' } });
  });

  it('pins a certificate for that server only: another host name forgets it', async () => {
    const base = { projectId, role: 'source', protocol: 'imaps' } as const;
    expect(
      await services.dispatch('profiles.trustCertificate', {
        projectId,
        role: 'source',
        fingerprint256: FINGERPRINT,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await services.dispatch('profiles.save', { ...base, host: 'imap.old.test' });
    const trusted = await services.dispatch('profiles.trustCertificate', {
      projectId,
      role: 'source',
      fingerprint256: FINGERPRINT.replaceAll(':', '').toLowerCase(),
    });
    expect(trusted).toMatchObject({ ok: true, value: { pinnedFingerprint: FINGERPRINT } });
    expect(await services.dispatch('profiles.save', { ...base, host: 'IMAP.old.test' })).toMatchObject({
      ok: true,
      value: { pinnedFingerprint: FINGERPRINT },
    });
    expect(await services.dispatch('profiles.save', { ...base, host: 'imap.other.test' })).toMatchObject({
      ok: true,
      value: { pinnedFingerprint: null },
    });
  });

  it('tests only the ports the migration will use', () => {
    const profile = (role: 'source' | 'destination', protocol: ServerProfile['protocol']): ServerProfile => ({
      role,
      host: 'h.test',
      protocol,
      ports: { imap: 143, imaps: 993, pop3: 110, pop3s: 995 },
      allowPlaintext: false,
      pinnedFingerprint: null,
      adminUser: null,
      hasAdminPassword: false,
      signIn: PASSWORD_PROFILE_SIGN_IN,
    });
    const none = { imap: 0, imaps: 0, pop3: 0, pop3s: 0, submission: 0, submissions: 0 };
    expect(connectionPorts(profile('destination', 'imaps'))).toEqual({ ...none, imaps: 993 });
    expect(connectionPorts(profile('destination', 'imap'))).toEqual({ ...none, imap: 143 });
    expect(connectionPorts(profile('source', 'pop3'))).toEqual({ ...none, pop3: 110 });
    expect(connectionPorts(profile('source', 'auto'))).toEqual({ ...none, imaps: 993, pop3s: 995 });
    expect(
      connectionPorts({ ...profile('source', 'auto'), ports: { imap: 143, imaps: 0, pop3: 110, pop3s: 0 } }),
    ).toEqual({ ...none, imap: 143, pop3: 110 });
  });
});

describe('projects.update', () => {
  it('changes the cutover date, customer and domains, and clears the date with null', async () => {
    expect(
      await services.dispatch('projects.update', {
        projectId,
        customer: 'Acme Ltd',
        domains: ['Acme.test', 'acme.test', 'acme.example'],
        cutoverDate: '2026-03-02',
      }),
    ).toMatchObject({
      ok: true,
      value: { customer: 'Acme Ltd', domains: ['acme.test', 'acme.example'], cutoverDate: '2026-03-02' },
    });
    expect(await services.dispatch('projects.update', { projectId, cutoverDate: null })).toMatchObject({
      ok: true,
      value: { customer: 'Acme Ltd', cutoverDate: null },
    });
    expect(
      await services.dispatch('projects.update', { projectId, cutoverDate: '2026-02-30' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'cutoverDate' },
    });
  });
});
