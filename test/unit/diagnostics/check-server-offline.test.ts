// The certificate check's choices that need no network: which resolver it uses, and the
// verdict words for a name mismatch.
import { describe, expect, it } from 'vitest';
import { checkServer } from '../../../main/engine/diagnostics/tls/check-server.ts';
import type { NameResolver } from '../../../main/engine/diagnostics/dns/name-resolver.ts';
import { DEFAULT_PORTS } from '../../../main/engine/diagnostics/tls/mail-ports.ts';
import { verdictFor } from '../../../main/engine/diagnostics/tls/verdict-words.ts';
import { defaultResolvers, PUBLIC_RESOLVERS } from '../../../main/engine/diagnostics/dns/public-resolvers.ts';

const clock = { now: () => new Date('2026-12-01T09:00:00Z') };

describe('checkServer without network', () => {
  it("uses the injected system resolver only when asked to, and probes nothing for a name that isn't there", async () => {
    const asked: string[] = [];
    const resolver: NameResolver = {
      label: 'fake',
      addresses: async (name) => {
        asked.push(name);
        return { ok: false, reason: 'not-found', detail: `${name} does not exist in DNS` };
      },
      srv: async () => [],
      mx: async () => [],
    };
    const report = await checkServer(
      'nowhere.invalid',
      { ports: DEFAULT_PORTS, resolver: 'system', timeoutMs: 500 },
      { clock, systemResolver: () => resolver },
    );
    expect(asked).toEqual(['nowhere.invalid']);
    expect(report).toMatchObject({
      kind: 'certificate',
      target: 'nowhere.invalid',
      checkedAt: '2026-12-01T09:00:00.000Z',
      resolver: 'fake',
      verdict: 'unreachable',
      problemsFound: true,
    });
    expect(report.servers[0]?.ports.map((port) => port.failure)).toEqual(
      Array(6).fill({ kind: 'name-not-found', detail: 'nowhere.invalid does not exist in DNS' }),
    );
  });
});

describe('checkServer for an e-mail address with no server at all', () => {
  it('lists the guessed names, finds none, and calls that a problem', async () => {
    const resolver: NameResolver = {
      label: 'fake',
      addresses: async (name) => ({
        ok: false,
        reason: 'not-found',
        detail: `${name} does not exist in DNS`,
      }),
      srv: async () => [],
      mx: async () => [],
    };
    const report = await checkServer(
      'bob@nothing.invalid',
      { ports: DEFAULT_PORTS, resolver: 'system', timeoutMs: 500 },
      { clock, systemResolver: () => resolver },
    );
    expect(report.servers.map((server) => [server.host, server.problemsFound])).toEqual([
      ['mail.nothing.invalid', false],
      ['imap.nothing.invalid', false],
      ['pop.nothing.invalid', false],
      ['smtp.nothing.invalid', false],
    ]);
    expect(report.verdict).toBe('unreachable');
    expect(report.headline).toBe('No mail server found for bob@nothing.invalid.');
    expect(report.problemsFound).toBe(true);
  });
});

describe('verdict words', () => {
  it('names the host to use, and for which direction', () => {
    const verdict = verdictFor('name-mismatch', {
      host: 'mail.customer.com',
      suggestedHost: 'luna.example.net',
      direction: 'incoming and outgoing',
      certificateNames: ['luna.example.net'],
    });
    expect(verdict.kind).toBe('name-mismatch');
    expect(verdict.suggestedHost).toBe('luna.example.net');
    expect(verdict.fix).toBe(
      'Use luna.example.net (the name on the certificate) as your incoming and outgoing server.',
    );
    expect(verdict.clientMessages.map((message) => message.client)).toEqual([
      'Thunderbird',
      'Apple Mail and iOS',
      'Outlook',
    ]);
    expect(verdict.clientMessages[2]?.shows).toContain(
      'The server you are connected to is using a security certificate that cannot be verified.',
    );
  });

  it('tells a user with a warning on a healthy server to update the device', () => {
    expect(verdictFor('healthy', { host: 'mail.example.net' }).fix).toBe(
      'Nothing to fix on the server. If a device still warns, that device may be missing current root certificates; update it.',
    );
  });
});

describe('default resolvers', () => {
  it("puts the device's resolvers first (in node:dns's notation) and the public ones after", () => {
    const list = defaultResolvers(['192.0.2.53', 'fe80::1%eth0', '[2001:db8::53]:5353']);
    expect(list.map((entry) => entry.address)).toEqual([
      { host: '192.0.2.53', port: 53 },
      { host: 'fe80::1%eth0', port: 53 },
      { host: '2001:db8::53', port: 5353 },
      ...PUBLIC_RESOLVERS.map((entry) => entry.address),
    ]);
  });
});
