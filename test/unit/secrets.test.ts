import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAesGcmCipher } from '../../main/infrastructure/secrets/aes-gcm-cipher.ts';
import { loadHeadlessKey } from '../../main/infrastructure/secrets/headless-key.ts';
import { createTestServices } from '../support/test-services.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const dir = makeTempDir('secrets');
afterAll(() => dir.remove());

describe('AES-256-GCM cipher', () => {
  const cipher = createAesGcmCipher(randomBytes(32));

  it('round-trips non-ASCII passwords, and never produces the same ciphertext twice', () => {
    const a = cipher.encrypt('pässwörd €');
    const b = cipher.encrypt('pässwörd €');
    expect(cipher.decrypt(a)).toBe('pässwörd €');
    expect(a.equals(b)).toBe(false);
  });

  it('refuses tampered data and a wrong key with a message that says what to do', () => {
    const data = cipher.encrypt('secret');
    data[data.length - 1]! ^= 1;
    expect(() => cipher.decrypt(data)).toThrow(/cannot be decrypted.*enter the password again/);
    expect(() => createAesGcmCipher(randomBytes(32)).decrypt(cipher.encrypt('x'))).toThrow(
      /cannot be decrypted/,
    );
  });
});

describe('headless key', () => {
  it('takes CUTOVER_SECRET_KEY in hex or base64', () => {
    const key = randomBytes(32);
    const file = join(dir.path, 'unused.key');
    expect(loadHeadlessKey({ CUTOVER_SECRET_KEY: key.toString('hex') }, file).key.equals(key)).toBe(true);
    expect(loadHeadlessKey({ CUTOVER_SECRET_KEY: key.toString('base64') }, file).key.equals(key)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('explains a malformed CUTOVER_SECRET_KEY', () => {
    expect(() => loadHeadlessKey({ CUTOVER_SECRET_KEY: 'hunter2' }, join(dir.path, 'x.key'))).toThrow(
      /CUTOVER_SECRET_KEY must hold a 32-byte key.*openssl rand -hex 32/,
    );
  });

  it('creates a key file readable by its owner only, and reuses it', () => {
    const file = join(dir.path, 'db.key');
    const first = loadHeadlessKey({}, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadHeadlessKey({}, file).key.equals(first.key)).toBe(true);
  });

  it('refuses a key file other users can read, and says how to fix it', () => {
    const file = join(dir.path, 'open.key');
    writeFileSync(file, randomBytes(32).toString('hex'));
    chmodSync(file, 0o644);
    expect(() => loadHeadlessKey({}, file)).toThrow(/can be read by other users.*chmod 600/);
  });
});

describe('stored passwords', () => {
  it('are not readable in the database file, but main can still use them', () => {
    const path = join(dir.path, 'store.db');
    const services = createTestServices(path);
    const project = services.projects.create({ name: 'Acme', customer: '', domains: [], cutoverDate: null });
    const password = 'Correct-Horse-Battery-Staple-42';
    const account = services.accounts.add({
      projectId: project.id,
      username: 'ann@acme.test',
      password,
      localPassword: `${password}-dest`,
    });
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat([
      readFileSync(path),
      existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0),
    ]);
    expect(bytes.includes(Buffer.from('ann@acme.test'))).toBe(true); // the check can see plain text
    const forms = [
      Buffer.from(password, 'utf8'),
      Buffer.from(password, 'utf16le'),
      Buffer.from(Buffer.from(password).toString('base64')),
      Buffer.from(Buffer.from(password).toString('hex')),
    ];
    for (const form of forms) expect(bytes.includes(form)).toBe(false);
    expect(services.accounts.revealPassword(account.id, 'source')).toBe(password);
    expect(services.accounts.revealPassword(account.id, 'destination')).toBe(`${password}-dest`);
    services.close();
  });

  it('never leave main through the API', async () => {
    const services = createTestServices();
    const project = services.projects.create({ name: 'Acme', customer: '', domains: [], cutoverDate: null });
    const added = await services.dispatch('accounts.add', {
      projectId: project.id,
      username: 'bob',
      password: 'p4ss-visible?',
    });
    const changed = await services.dispatch('accounts.setPassword', {
      accountId: 1,
      side: 'destination',
      password: 'n3w-p4ss',
    });
    const listed = await services.dispatch('accounts.list', { projectId: project.id });
    const log = await services.dispatch('events.recent', {});
    const everything = JSON.stringify([added, listed, changed, log]);
    expect(everything).not.toContain('p4ss-visible?');
    expect(everything).not.toContain('n3w-p4ss');
    expect(listed).toMatchObject({
      ok: true,
      value: [{ username: 'bob', hasSourcePassword: true, hasDestinationPassword: true }],
    });
    services.close();
  });
});
