// The API for a browser tab served by the loopback web host: the same CutoverApi the Electron
// preload gives, carried over one WebSocket. Calls wait while the socket (re)connects, results
// are matched to calls by id, and a dropped connection is retried with back-off.
import type {
  CallName,
  CutoverApi,
  EventName,
  Invoke,
  Result,
  Subscribe,
} from '../../../preload/contract.ts';
import type { CallMessage, ServerMessage } from '../../../preload/web-socket-protocol.ts';
import { API_PATH } from '../../../preload/web-socket-protocol.ts';
import { createApi } from '../../../preload/create-api.ts';

/** The part of the browser's WebSocket the bridge uses, so tests can pass another client. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** The part of `window.location` the bridge reads. */
export interface BridgeLocation {
  hash: string;
  host: string;
  protocol: string;
}

export interface WebSocketBridgeOptions {
  /** Opens a socket; the browser's WebSocket unless a test passes another. */
  connect?: (url: string) => WebSocketLike;
  /** Waits between reconnect attempts, in ms; the last one repeats. */
  retryDelays?: readonly number[];
}

/** The API plus a way to stop reconnecting (tests, or a page being torn down). */
export interface WebSocketBridge extends CutoverApi {
  close(): void;
}

const OPEN = 1;
const DEFAULT_RETRY_DELAYS = [250, 500, 1000, 2000, 5000];

/** Shown when a call could not reach main; the UI shows it as it is. */
export const DISCONNECTED_MESSAGE =
  'Lost the connection to Cutover. Check that it is still running, then try again.';

const disconnected: Result<never> = {
  ok: false,
  error: { code: 'disconnected', message: DISCONNECTED_MESSAGE },
};

/** The event handlers' parameter types differ between the DOM and `ws`; the bridge reads only `data`. */
function browserWebSocket(url: string): WebSocketLike {
  return new WebSocket(url) as unknown as WebSocketLike;
}

/** The key the web host printed, from `#token=…`; null when the address has none. */
export function readToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token : null;
}

/** The API endpoint for a page served at `location`. */
export function apiUrl(location: BridgeLocation, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${API_PATH}?token=${encodeURIComponent(token)}`;
}

/** Connects to the web host named by `location`; the caller checks that it holds a token. */
export function createWebSocketBridge(
  location: BridgeLocation,
  options: WebSocketBridgeOptions = {},
): WebSocketBridge {
  const token = readToken(location.hash);
  if (token === null) throw new Error('The address has no #token=…; the web host needs it.');
  const url = apiUrl(location, token);
  const connect = options.connect ?? browserWebSocket;
  const retryDelays = options.retryDelays?.length ? options.retryDelays : DEFAULT_RETRY_DELAYS;

  const pending = new Map<number, (result: Result<unknown>) => void>();
  let queue: CallMessage[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let socket: WebSocketLike | null = null;
  let nextId = 1;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const open = () => {
    retryTimer = null;
    if (closed) return;
    let current: WebSocketLike;
    try {
      current = connect(url);
    } catch {
      failAll();
      failures += 1;
      scheduleRetry();
      return;
    }
    socket = current;
    let opened = false;
    current.onopen = () => {
      opened = true;
      failures = 0;
      const waiting = queue;
      queue = [];
      for (const message of waiting) current.send(JSON.stringify(message));
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => {
      // A close event always follows; that is where the bridge reacts.
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      // Whatever was sent, or waiting for this attempt, gets an answer now rather than never.
      failAll();
      if (!opened) failures += 1;
      if (!closed) scheduleRetry();
    };
  };

  const scheduleRetry = () => {
    if (retryTimer !== null) return;
    const delay = retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 1000;
    retryTimer = setTimeout(open, delay);
  };

  const failAll = () => {
    const waiting = [...pending.values()];
    pending.clear();
    queue = [];
    for (const resolve of waiting) resolve(disconnected);
  };

  const receive = (data: unknown) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) {
        try {
          (listener as (payload: unknown) => void)(message.payload);
        } catch (error) {
          // One broken listener must not starve the others; the error still surfaces.
          setTimeout(() => {
            throw error;
          });
        }
      }
    }
  };

  const invoke = (<N extends CallName>(call: N, args: unknown) => {
    if (closed) return Promise.resolve(disconnected);
    const message: CallMessage = { type: 'call', id: nextId++, call, args };
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(message.id, resolve);
      if (socket !== null && socket.readyState === OPEN) {
        socket.send(JSON.stringify(message));
      } else {
        queue.push(message);
        // A call made while waiting out a back-off should not wait the full delay.
        if (socket === null && retryTimer !== null) {
          clearTimeout(retryTimer);
          open();
        }
      }
    });
  }) as Invoke;

  const subscribe: Subscribe = (name, listener) => {
    let set = listeners.get(name);
    if (!set) {
      set = new Set();
      listeners.set(name, set);
    }
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };

  open();

  return createApi(invoke, subscribe, {
    extra: {
      close() {
        closed = true;
        if (retryTimer !== null) clearTimeout(retryTimer);
        retryTimer = null;
        const current = socket;
        socket = null;
        failAll();
        current?.close();
      },
    },
  });
}
