// Messages carried over the web host's WebSocket. The renderer imports these types only.
import type { EventName, EventPayloads, Result } from './contract.ts';

export interface CallMessage {
  type: 'call';
  id: number;
  call: string;
  args: unknown;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  result: Result<unknown>;
}

export type EventMessage = {
  [E in EventName]: { type: 'event'; event: E; payload: EventPayloads[E] };
}[EventName];

export type ServerMessage = ResultMessage | EventMessage;

/** The WebSocket path; the token rides in its query string. */
export const API_PATH = '/api';
