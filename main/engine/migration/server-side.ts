import { MigrationError } from './migration-error.ts';
import type { ServerSide } from './migration-error.ts';

interface Tagged {
  cutoverSide?: ServerSide;
}

/** Which server a raw error (imapflow's, a socket's) came from, when something said so. */
export function sideOfError(error: unknown): ServerSide | null {
  return (error as Tagged | null)?.cutoverSide ?? null;
}

/**
 * Runs `work` and marks what it throws as coming from `side`, so the message names the right
 * server and password. An error already explained (a MigrationError) is left as it is.
 */
export async function onSide<T>(side: ServerSide, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw markSide(error, side);
  }
}

/** Like onSide, for what a stream read from one server throws (handed to the other's command). */
export async function* readOnSide<T>(side: ServerSide, items: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw markSide(error, side);
  }
}

function markSide(error: unknown, side: ServerSide): unknown {
  if (error && typeof error === 'object' && !(error instanceof MigrationError))
    (error as Tagged).cutoverSide ??= side;
  return error;
}
