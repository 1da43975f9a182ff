import { describe, expect, it } from 'vitest';
import type { ServerProfile } from '../../../../preload/contract.ts';
import { selectProjectProfiles } from '../../../../renderer/features/setup/state/server-profiles-slice.ts';
import { serverProfile } from '../fixtures.ts';
import { later, ok, storeWith } from './fake-api.ts';

const profile = (patch: Partial<ServerProfile>) => serverProfile(patch.role ?? 'source', patch);

describe('the server profiles slice', () => {
  it('holds what was saved and trusted, so the job form sees the same servers as the setup page', async () => {
    const store = storeWith({
      'profiles.get': () => ok({ source: null, destination: null }),
      'profiles.save': ({ host }) => ok(profile({ host })),
      'profiles.trustCertificate': ({ fingerprint256 }) =>
        ok(profile({ host: 'mail.new.example', role: 'destination', pinnedFingerprint: fingerprint256 })),
    });
    await store.getState().loadProfiles(5);
    await store
      .getState()
      .saveProfile({ projectId: 5, role: 'source', host: 'imap.old.example', protocol: 'imaps' });
    await store.getState().trustCertificate({ projectId: 5, role: 'destination', fingerprint256: 'AB:CD' });
    const held = selectProjectProfiles(store.getState(), 5);
    expect(held?.source?.host).toBe('imap.old.example');
    expect(held?.destination?.pinnedFingerprint).toBe('AB:CD');
  });

  it('drops a late answer for the project shown before', async () => {
    const first = later<{ source: ServerProfile | null; destination: null }>();
    const store = storeWith({
      'profiles.get': ({ projectId }) =>
        projectId === 5 ? first.promise : ok({ source: profile({ host: 'six.example' }), destination: null }),
    });
    const slow = store.getState().loadProfiles(5);
    await store.getState().loadProfiles(6);
    first.answer({ source: profile({ host: 'five.example' }), destination: null });
    await slow;
    expect(selectProjectProfiles(store.getState(), 6)?.source?.host).toBe('six.example');
    expect(selectProjectProfiles(store.getState(), 5)).toBeNull();
  });
});
