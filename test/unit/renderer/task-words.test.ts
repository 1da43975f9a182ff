import { describe, expect, it } from 'vitest';
import { describeAgo, describeCheckError } from '../../../renderer/features/tasks/logic/task-words.ts';

describe('describeAgo', () => {
  const now = new Date('2030-03-04T12:00:00Z');
  it('says how long ago a check ran in minutes, hours or days', () => {
    expect(describeAgo('2030-03-04T11:59:40Z', now)).toBe('just now');
    expect(describeAgo('2030-03-04T11:59:00Z', now)).toBe('1 minute ago');
    expect(describeAgo('2030-03-04T11:48:00Z', now)).toBe('12 minutes ago');
    expect(describeAgo('2030-03-04T09:00:00Z', now)).toBe('3 hours ago');
    expect(describeAgo('2030-03-02T12:00:00Z', now)).toBe('2 days ago');
    expect(describeAgo('not a time', now)).toBe('');
  });
});

describe('describeCheckError', () => {
  it('links a missing domain to the setup page and keeps main’s words', () => {
    const words = describeCheckError({
      code: 'invalid-arguments',
      field: 'domains',
      message: 'This check reads the DNS of the mail domain, and the project has no domain yet.',
    });
    expect(words.message).toBe(
      'This check reads the DNS of the mail domain, and the project has no domain yet.',
    );
    expect(words.fix).toEqual({ page: 'setup', label: 'Add the domain in Servers and accounts' });
  });

  it('drops the call name from argument errors and offers no link for unknown fields', () => {
    const words = describeCheckError({
      code: 'invalid-arguments',
      field: 'key',
      message: 'playbook.runCheck: key: key names a playbook task, like "lower-mx-ttl"',
    });
    expect(words.message).toBe('key names a playbook task, like "lower-mx-ttl"');
    expect(words.fix).toBeNull();
  });
});
