import type { EventName, EventPayloads } from '../preload/contract.ts';

type Listener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/** Pushes typed events from services to every connected UI (IPC window, WebSocket clients). */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
