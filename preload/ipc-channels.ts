// Channel names on Electron's IPC, derived from contract names in one place for both sides.
import type { CallName, EventName } from './contract.ts';

export const callChannel = (name: CallName): string => `cutover:call:${name}`;
export const eventChannel = (name: EventName): string => `cutover:event:${name}`;
