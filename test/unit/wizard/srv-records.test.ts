import { PASSWORD_PROFILE_SIGN_IN } from '../../../shared/sign-in.ts';
import { describe, expect, it } from 'vitest';
import { wantedSrvRecords, zoneLine } from '../../../main/features/playbook/srv-records.ts';
import type { ServerProfile } from '../../../preload/contract.ts';

const profile = (protocol: 'imap' | 'imaps'): ServerProfile => ({
  role: 'destination',
  host: 'Mail.Dest.Test.',
  protocol,
  ports: { imap: 143, imaps: 993, pop3: 110, pop3s: 995 },
  allowPlaintext: false,
  pinnedFingerprint: null,
  adminUser: null,
  hasAdminPassword: false,
  signIn: PASSWORD_PROFILE_SIGN_IN,
});

describe('the SRV records to publish (RFC 6186, RFC 8314)', () => {
  it('points IMAP over TLS and both submission ports at the new host', () => {
    expect(wantedSrvRecords('acme.test', profile('imaps')).map(zoneLine)).toEqual([
      '_imaps._tcp.acme.test. 3600 IN SRV 0 1 993 mail.dest.test.',
      '_submissions._tcp.acme.test. 3600 IN SRV 0 1 465 mail.dest.test.',
      '_submission._tcp.acme.test. 3600 IN SRV 0 1 587 mail.dest.test.',
    ]);
  });

  it('publishes _imap._tcp when the new server is reached with STARTTLS', () => {
    expect(wantedSrvRecords('acme.test', profile('imap'))[0]).toMatchObject({
      name: '_imap._tcp.acme.test',
      port: 143,
      target: 'mail.dest.test',
    });
  });
});
