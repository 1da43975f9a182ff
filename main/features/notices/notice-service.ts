// The user notices of a project: the four defaults, reworded per project if the admin wants,
// and rendered as one .eml draft per person with their name, dates and the server names.
import type {
  ExportedFile,
  NoticeKey,
  NoticePreview,
  NoticeTemplate,
  NoticeTemplates,
} from '../../../preload/contract.ts';
import type { Clock } from '../../infrastructure/clock.ts';
import type { ProjectRepository } from '../../infrastructure/store/project-repository.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import type { ServerProfileRepository } from '../../infrastructure/store/server-profile-repository.ts';
import type { NoticeRepository } from '../../infrastructure/store/notice-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { DEFAULT_NOTICES, defaultNotice } from './default-notices.ts';
import { MERGE_FIELDS, fieldsUsed, fillFields, unknownFields } from './merge-fields.ts';
import { accountValues, describeMissing, everyoneValues, projectValues } from './notice-values.ts';
import type { FieldValues } from './notice-values.ts';
import { renderEml } from './render-eml.ts';

export interface NoticeService {
  templates(projectId?: number): NoticeTemplates;
  save(projectId: number, key: NoticeKey, notice: { subject: string; body: string }): NoticeTemplate;
  reset(projectId: number, key: NoticeKey): NoticeTemplate;
  renderEml(projectId: number, key: NoticeKey, from?: string): ExportedFile[];
  /** The text for one account (or, with null, for everyone) to copy into a mail program. */
  preview(projectId: number, key: NoticeKey, accountId: number | null): NoticePreview;
}

export function createNoticeService(deps: {
  projects: ProjectRepository;
  accounts: AccountRepository;
  profiles: ServerProfileRepository;
  notices: NoticeRepository;
  clock: Clock;
}): NoticeService {
  const template = (projectId: number | undefined, key: NoticeKey): NoticeTemplate => {
    const base = defaultNotice(key);
    const stored = projectId === undefined ? null : deps.notices.get(projectId, key);
    return {
      key,
      label: base.label,
      offsetDays: base.offsetDays,
      subject: stored?.subject ?? base.subject,
      body: stored?.body ?? base.body,
      edited: stored !== null,
    };
  };

  const sharedValues = (projectId: number): FieldValues =>
    projectValues(deps.projects.get(projectId), {
      source: deps.profiles.get(projectId, 'source'),
      destination: deps.profiles.get(projectId, 'destination'),
    });

  return {
    templates(projectId) {
      if (projectId !== undefined) deps.projects.get(projectId);
      return { templates: DEFAULT_NOTICES.map((n) => template(projectId, n.key)), fields: [...MERGE_FIELDS] };
    },
    save(projectId, key, notice) {
      deps.projects.get(projectId);
      for (const [field, text] of [
        ['subject', notice.subject],
        ['body', notice.body],
      ] as const) {
        const unknown = unknownFields(text);
        if (unknown.length > 0) {
          throw new ServiceError(
            'invalid-arguments',
            `${unknown.map((name) => `{{${name}}}`).join(', ')} ${unknown.length > 1 ? 'are not merge fields' : 'is not a merge field'}. Use one of ${MERGE_FIELDS.map((f) => `{{${f.name}}}`).join(', ')}.`,
            field,
          );
        }
      }
      const base = defaultNotice(key);
      if (notice.subject === base.subject && notice.body === base.body) deps.notices.remove(projectId, key);
      else deps.notices.save(projectId, key, notice);
      return template(projectId, key);
    },
    reset(projectId, key) {
      deps.projects.get(projectId);
      deps.notices.remove(projectId, key);
      return template(projectId, key);
    },
    renderEml(projectId, key, from) {
      const project = deps.projects.get(projectId);
      const accounts = deps.accounts.list(projectId);
      if (accounts.length === 0) {
        throw new ServiceError(
          'invalid-arguments',
          'The project has no accounts to write to yet. Import them first.',
          'accounts',
        );
      }
      const notice = template(projectId, key);
      const shared = sharedValues(projectId);
      // Every draft needs an address to go to, whether or not the text names it.
      const used = [...new Set(['email', ...fieldsUsed(`${notice.subject}\n${notice.body}`)])];
      const names = new Set<string>();
      return accounts.map((account) => {
        const values = { ...shared, ...accountValues(account, project) };
        refuseMissing(used, values);
        return {
          fileName: uniqueName(`${safeName(account.username)}-${key}.eml`, names),
          content: renderEml({
            to: { name: values.name ?? '', address: values.email! },
            from,
            subject: fillFields(notice.subject, values),
            body: fillFields(notice.body, values),
            date: deps.clock.now(),
          }),
        };
      });
    },
    preview(projectId, key, accountId) {
      const project = deps.projects.get(projectId);
      const notice = template(projectId, key);
      let person: FieldValues = everyoneValues();
      let to: string | null = null;
      if (accountId !== null) {
        const account = deps.accounts.get(accountId);
        if (account.projectId !== projectId) {
          throw new ServiceError(
            'not-found',
            `This project has no account with id ${accountId}.`,
            'accountId',
          );
        }
        person = accountValues(account, project);
        to = person['email'] ?? null;
      }
      const values = { ...sharedValues(projectId), ...person };
      refuseMissing(fieldsUsed(`${notice.subject}\n${notice.body}`), values);
      return {
        accountId,
        to,
        subject: fillFields(notice.subject, values),
        body: fillFields(notice.body, values),
      };
    },
  };
}

// A field without a value would reach the person as "{{field}}": refuse, and say what to fill in.
function refuseMissing(used: string[], values: FieldValues): void {
  const missing = used.filter((field) => values[field] === null || values[field] === undefined);
  if (missing.length === 0) return;
  throw new ServiceError(
    'invalid-arguments',
    `This notice uses ${missing.map((f) => `{{${f}}}`).join(', ')}, but the project does not have ${describeMissing(missing)} yet. Fill ${missing.length > 1 ? 'them' : 'it'} in, or take ${missing.length > 1 ? 'those fields' : 'that field'} out of the notice.`,
    'key',
  );
}

function safeName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9@._-]+/g, '_');
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/\.eml$/, `-${n}.eml`);
  taken.add(candidate);
  return candidate;
}
