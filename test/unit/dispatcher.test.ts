import { describe, expect, it, vi } from 'vitest';
import { createTestServices } from '../support/test-services.ts';
import { createDispatcher } from '../../main/hosts/api/dispatcher.ts';
import type { Handlers } from '../../main/hosts/api/dispatcher.ts';
import { createHandlers } from '../../main/hosts/api/handlers.ts';
import { callNames, callSchemas, errorCodes } from '../../preload/contract.ts';
import { createApi } from '../../preload/create-api.ts';

describe('the API contract, as main enforces it', () => {
  it('refuses a call it does not know, by name', async () => {
    const services = createTestServices();
    expect(await services.dispatch('projects.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown-call', message: 'Cutover has no call named "projects.drop".' },
    });
    expect(await services.dispatch({ call: 'x' }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
  });

  it('refuses bad arguments with a clear code, the field, and what is wrong', async () => {
    const services = createTestServices();
    expect(await services.dispatch('projects.create', { name: '   ' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-arguments',
        field: 'name',
        message: 'projects.create: name: project name must not be empty',
      },
    });
    expect(
      await services.dispatch('projects.create', { name: 'A', domains: ['acme.com', 'not a domain'] }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        field: 'domains.1',
        message: expect.stringMatching(/looks like example\.com/),
      },
    });
    expect(
      await services.dispatch('projects.create', { name: 'A', cutoverDate: '2026-02-30' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        field: 'cutoverDate',
        message: expect.stringMatching(/does not exist/),
      },
    });
    expect(await services.dispatch('projects.get', { projectId: '1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'projectId' },
    });
    expect(await services.dispatch('projects.list', { sneaky: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: 'projects.list: unexpected field sneaky' },
    });
    expect(services.projects.list()).toEqual([]);
  });

  it('fills defaults, normalises input, and answers a valid call', async () => {
    const services = createTestServices();
    const result = await services.dispatch('projects.create', {
      name: '  Acme move ',
      domains: ['ACME.com'],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Acme move', customer: '', domains: ['acme.com'], cutoverDate: null, accountCount: 0 },
    });
    expect(await services.dispatch('projects.list', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Acme move' }],
    });
  });

  it('carries service errors with their code and field', async () => {
    const services = createTestServices();
    await services.dispatch('projects.create', { name: 'Acme' });
    expect(await services.dispatch('projects.create', { name: 'acme' })).toEqual({
      ok: false,
      error: {
        code: 'already-exists',
        field: 'name',
        message: 'A project named "acme" already exists. Choose another name.',
      },
    });
    expect(await services.dispatch('projects.rename', { projectId: 42, name: 'B' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('hides the details of an unexpected failure from the UI and reports them in main', async () => {
    const services = createTestServices();
    const report = vi.fn();
    const handlers = createHandlers(services);
    const dispatch = createDispatcher(
      {
        ...handlers,
        'projects.list': () => {
          throw new Error('SQLITE_CORRUPT at /home/ann/secret/path');
        },
      } satisfies Handlers,
      report,
    );
    const result = await dispatch('projects.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    expect(report).toHaveBeenCalledOnce();
  });

  it('builds the same API without the call names (the browser), calling each by its name', async () => {
    const seen: Array<[string, unknown]> = [];
    const subscribed: string[] = [];
    const api = createApi(
      async (name, args) => {
        seen.push([name, args]);
        return { ok: true, value: null as never };
      },
      (name) => {
        subscribed.push(name);
        return () => {};
      },
      { extra: { close: () => 'closed' } },
    );
    await api.jobs.pause({ name: 'office' });
    await api.projects.list();
    api.events.onProgress(() => {});
    await api.events.recent({});
    expect(seen).toEqual([
      ['jobs.pause', { name: 'office' }],
      ['projects.list', {}],
      ['events.recent', {}],
    ]);
    expect(subscribed).toEqual(['job.progress']);
    expect(api.close()).toBe('closed');
    expect(api.jobs.pause).toBe(api.jobs.pause);
  });

  it('has a named API function for every call, and every error code is distinct', async () => {
    const seen: string[] = [];
    const api = createApi(
      async (name) => {
        seen.push(name);
        return { ok: true, value: null as never };
      },
      () => () => {},
      { names: callNames },
    );
    for (const group of Object.values(api)) {
      for (const fn of Object.values(group as Record<string, (a: unknown) => unknown>)) await fn({});
    }
    expect(new Set(seen)).toEqual(new Set(callNames));
    expect(callNames).toEqual(Object.keys(callSchemas));
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });

  it('pushes log lines to subscribers as they are written', async () => {
    const services = createTestServices();
    const lines: string[] = [];
    const stop = services.bus.subscribe((event, payload) => {
      if (event === 'log.line') lines.push((payload as { message: string }).message);
    });
    await services.dispatch('projects.create', { name: 'Acme' });
    stop();
    await services.dispatch('projects.create', { name: 'Other' });
    expect(lines).toEqual(['Project "Acme" created.']);
  });
});
