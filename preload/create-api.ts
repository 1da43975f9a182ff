// Builds the named API from a transport's invoke/subscribe pair. The Electron preload and the
// WebSocket bridge both use it, so the renderer sees the same object whichever host it runs in.
import type { CallName, CutoverApi, Invoke, Subscribe } from './contract.ts';

/**
 * `api.<domain>.<method>(args)` calls `<domain>.<method>`. Given the call names (the Electron
 * preload, whose contextBridge copies plain objects), every function is made up front; without
 * them (the browser, which may not load the contract's schemas), a function is made when it is
 * first asked for. Either way a call that does not exist is refused by main's dispatcher.
 */
export function createApi<Extra extends object = object>(
  invoke: Invoke,
  subscribe: Subscribe,
  options: {
    names?: readonly CallName[];
    /** More members of the object (the WebSocket bridge's close()). */
    extra?: Extra;
  } = {},
): CutoverApi & Extra {
  const { names, extra } = options;
  const events = {
    onProgress: (listener: Parameters<CutoverApi['events']['onProgress']>[0]) =>
      subscribe('job.progress', listener),
    onLogLine: (listener: Parameters<CutoverApi['events']['onLogLine']>[0]) =>
      subscribe('log.line', listener),
    onSignInPage: (listener: Parameters<CutoverApi['events']['onSignInPage']>[0]) =>
      subscribe('signIn.open', listener),
  };
  const callFor = (name: string) => (args?: unknown) => invoke(name as CallName, (args ?? {}) as never);
  if (names) {
    const api: Record<string, unknown> = { ...extra, events: { ...events } };
    for (const name of names) {
      const [domain, method] = name.split('.') as [string, string];
      ((api[domain] ??= {}) as Record<string, unknown>)[method] = callFor(name);
    }
    return api as CutoverApi & Extra;
  }
  const domains = new Map<string, Record<string, unknown>>();
  return new Proxy({} as CutoverApi & Extra, {
    get(_target, domain) {
      if (typeof domain !== 'string') return undefined;
      if (extra && Object.hasOwn(extra, domain)) return (extra as Record<string, unknown>)[domain];
      let functions = domains.get(domain);
      if (!functions) {
        const made: Record<string, unknown> = domain === 'events' ? { ...events } : {};
        functions = new Proxy(made, {
          get: (own, method) =>
            typeof method !== 'string' ? undefined : (own[method] ??= callFor(`${domain}.${method}`)),
        });
        domains.set(domain, functions);
      }
      return functions;
    },
  });
}
