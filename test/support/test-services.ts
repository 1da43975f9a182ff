import { randomBytes } from 'node:crypto';
import { createServices } from '../../main/hosts/services.ts';
import type { Services, ServicesOptions } from '../../main/hosts/services.ts';
import { createAesGcmCipher } from '../../main/infrastructure/secrets/aes-gcm-cipher.ts';
import type { Clock } from '../../main/infrastructure/clock.ts';

/** A clock tests move by hand. */
export function fixedClock(iso = '2026-11-24T09:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

/** Real services on a real SQLite file (or :memory:), with a random key. */
export function createTestServices(
  databasePath = ':memory:',
  options: {
    clock?: Clock;
    key?: Buffer;
    onInternalError?: (error: unknown) => void;
    connections?: ServicesOptions['connections'];
    diagnostics?: ServicesOptions['diagnostics'];
    loginTest?: ServicesOptions['loginTest'];
    timeZone?: string;
  } = {},
): Services {
  return createServices({
    databasePath,
    cipher: createAesGcmCipher(options.key ?? randomBytes(32)),
    clock: options.clock ?? fixedClock(),
    host: 'web',
    version: '0.0.0-test',
    secretStorage: 'test key',
    onInternalError: options.onInternalError ?? (() => {}),
    ...(options.connections ? { connections: options.connections } : {}),
    ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
    ...(options.loginTest ? { loginTest: options.loginTest } : {}),
    // Overdue is judged on UTC days in tests, whatever the machine's time zone.
    timeZone: options.timeZone ?? 'UTC',
  });
}
