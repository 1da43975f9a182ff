// The project's aliases through the typed API, on a real database file: a bad line stops the
// whole import; a clean list adds, a second one updates; removing one, or the project, removes
// the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestServices } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type { AliasInventory } from '../../../preload/contract.ts';

const dir = makeTempDir('aliases');
let services: Services;
let projectId: number;

beforeAll(async () => {
  services = createTestServices(join(dir.path, 'cutover.db'));
  projectId = services.projects.create({
    name: 'Acme',
    customer: '',
    domains: ['acme.test'],
    cutoverDate: null,
  }).id;
  await services.dispatch('accounts.import', { projectId, text: 'ann@acme.test,pw-a\nbob@acme.test,pw-b' });
});

afterAll(() => {
  services.close();
  dir.remove();
});

const inventory = async () => {
  const result = await services.dispatch('aliases.inventory', { projectId });
  expect(result.ok).toBe(true);
  return (result as { value: AliasInventory }).value;
};

describe('aliases', () => {
  it('imports nothing when a line is bad, and names the line', async () => {
    const result = await services.dispatch('aliases.import', {
      projectId,
      text: 'sales@acme.test,ann@acme.test\nsupport@acme.test',
    });
    expect(result).toMatchObject({ ok: true, value: { added: 0, updated: 0, errors: [{ line: 2 }] } });
    expect((await inventory()).aliases).toEqual([]);
  });

  it('adds, then updates by address, and keeps the inventory of domains', async () => {
    expect(
      await services.dispatch('aliases.import', {
        projectId,
        text: 'sales@acme.test,ann@acme.test\nsupport@acme.test: bob@acme.test, help@desk.example',
      }),
    ).toMatchObject({ ok: true, value: { added: 2, updated: 0, errors: [] } });
    expect(
      await services.dispatch('aliases.import', { projectId, text: 'SALES@acme.test,bob@acme.test' }),
    ).toMatchObject({ ok: true, value: { added: 0, updated: 1 } });

    const found = await inventory();
    expect(found.aliases.map((a) => [a.address, a.targets, a.notes.length])).toEqual([
      ['sales@acme.test', ['bob@acme.test'], 0],
      ['support@acme.test', ['bob@acme.test', 'help@desk.example'], 1],
    ]);
    expect(found.domains).toEqual([{ domain: 'acme.test', mailboxes: 2, aliases: 2, inProject: true }]);
  });

  it('removes one alias, and all of them with the project', async () => {
    const sales = (await inventory()).aliases.find((a) => a.address === 'sales@acme.test')!;
    const after = await services.dispatch('aliases.remove', { aliasId: sales.id });
    expect(after).toMatchObject({ ok: true, value: { aliases: [{ address: 'support@acme.test' }] } });
    expect(await services.dispatch('aliases.remove', { aliasId: sales.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await services.dispatch('projects.delete', { projectId });
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM aliases').get()).toEqual({ n: 0 });
  });
});
