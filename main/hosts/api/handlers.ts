import { signInSide } from '../../engine/migration/account-sign-in.ts';
import type { Handlers } from './dispatcher.ts';
import { requestFromProject } from '../../engine/migration/project-job.ts';
import type { ServiceCore } from '../service-core.ts';
import { importAccounts } from '../../features/accounts/import-accounts.ts';
import { exportTimeline } from '../../features/timeline/export-timeline.ts';

/** Maps each contract call to the service that answers it. */
export function createHandlers(services: ServiceCore): Handlers {
  const { projects, accounts, eventLog } = services;
  return {
    'app.info': () => services.info,
    'projects.list': () => projects.list(),
    'projects.get': ({ projectId }) => projects.get(projectId),
    'projects.create': (args) => {
      const project = projects.create(args);
      eventLog.append({
        level: 'info',
        projectId: project.id,
        message: `Project "${project.name}" created.`,
      });
      return project;
    },
    'projects.rename': ({ projectId, name }) => projects.rename(projectId, name),
    'projects.delete': ({ projectId }) => {
      projects.remove(projectId);
      return { deleted: true };
    },
    'projects.update': ({ projectId, domains, ...changes }) =>
      projects.update(projectId, { ...changes, ...(domains ? { domains: [...new Set(domains)] } : {}) }),
    'accounts.list': ({ projectId }) => accounts.list(projectId),
    'accounts.add': (args) => accounts.add(args),
    'accounts.setPassword': ({ accountId, side, password }) => {
      const account = accounts.setPassword(accountId, side, password);
      eventLog.append({
        level: 'info',
        projectId: account.projectId,
        account: account.username,
        message: `The ${side} password of ${account.username} was changed.`,
      });
      return account;
    },
    'accounts.import': ({ projectId, text, delimiter }) => {
      projects.get(projectId);
      const result = importAccounts(services.db, accounts, { projectId, text, delimiter });
      if (result.errors.length === 0) {
        eventLog.append({
          level: 'info',
          projectId,
          message: `Accounts imported: ${result.added} added, ${result.updated} updated.`,
        });
      }
      return result;
    },
    'aliases.inventory': ({ projectId }) => services.aliases.inventory(projectId),
    'aliases.import': ({ projectId, text }) => services.aliases.import(projectId, text),
    'aliases.remove': ({ aliasId }) => services.aliases.remove(aliasId),
    'accounts.remove': ({ accountId }) => {
      const account = accounts.remove(accountId);
      eventLog.append({
        level: 'info',
        projectId: account.projectId,
        account: account.username,
        message: `The account ${account.username} was removed from the project.`,
      });
      return { removed: true };
    },
    'provisioning.importHashes': ({ projectId, text, format }) =>
      services.provisioning.importHashes(projectId, text, format),
    'provisioning.summary': ({ projectId }) => services.provisioning.summary(projectId),
    'provisioning.exportCsv': ({ projectId, destinationKind }) =>
      services.provisioning.exportFile(projectId, destinationKind),
    'provisioning.forget': ({ projectId }) => services.provisioning.forget(projectId),
    'profiles.get': ({ projectId }) => services.profiles.get(projectId),
    'profiles.save': ({ projectId, ...input }) => services.profiles.save(projectId, input),
    'profiles.trustCertificate': ({ projectId, role, fingerprint256 }) =>
      services.profiles.trustCertificate(projectId, role, fingerprint256),
    'profiles.testConnection': ({ projectId, role }) => services.profiles.testConnection(projectId, role),
    'playbook.tasks': ({ projectId }) => services.playbook.tasks(projectId),
    'playbook.update': (args) => services.playbook.update(args),
    'playbook.runCheck': ({ projectId, key }) => services.playbook.runCheck(projectId, key),
    'timeline.export': ({ projectId, format }) =>
      exportTimeline(
        projects.get(projectId),
        services.playbook.tasks(projectId),
        format,
        services.clock.now(),
      ),
    'notices.templates': ({ projectId }) => services.notices.templates(projectId),
    'notices.save': ({ projectId, key, subject, body }) =>
      services.notices.save(projectId, key, { subject, body }),
    'notices.reset': ({ projectId, key }) => services.notices.reset(projectId, key),
    'notices.render': ({ projectId, key, from }) => services.notices.renderEml(projectId, key, from),
    'notices.preview': ({ projectId, key, accountId }) => services.notices.preview(projectId, key, accountId),
    'jobs.list': ({ projectId }) => services.jobManager.list(projectId),
    'jobs.get': ({ name }) => services.jobManager.get(name),
    'jobs.start': ({ delimiter, translateDelimiter, name, ...rest }) =>
      services.jobManager.start({
        ...rest,
        ...(name ? { name } : {}),
        ...(delimiter ? { delimiter } : {}),
        ...(translateDelimiter ? { translateDelimiter } : {}),
      }),
    'jobs.retry': ({ name }) => services.jobManager.retry(name),
    'jobs.cancel': ({ name }) => services.jobManager.cancel(name),
    'jobs.pause': ({ name }) => services.jobManager.pause(name),
    'jobs.copyAgain': ({ name }) => services.jobManager.copyAgain(name),
    'jobs.startForProject': (args) =>
      services.jobManager.start(requestFromProject(args, services.accounts, services.serverProfiles)),
    'jobs.setAccountPassword': ({ name, account, side, password }) =>
      services.jobManager.setAccountPassword(name, account, side, password),
    'jobs.signInAccount': ({ name, account, side }) => {
      const chosen = signInSide(services.jobs.byName(name), side, 'choose the old or the new server');
      return services.jobManager.signInAccount(name, account, chosen, {
        open: (url) => services.bus.emit('signIn.open', { job: name, account, url }),
      });
    },
    'jobs.log': ({ name, account }) => eventLog.forJob(services.jobs.byName(name).id, account),
    'diagnostics.checkServer': (args) => services.diagnostics.checkServer(args),
    'diagnostics.checkDns': (args) => services.diagnostics.checkDns(args),
    'diagnostics.history': (args) => services.diagnostics.history(args),
    'diagnostics.get': ({ id }) => services.diagnostics.get(id),
    'diagnostics.exportHtml': ({ id }) => services.diagnostics.exportHtml(id),
    'events.recent': ({ projectId, limit }) => eventLog.recent({ projectId, limit }),
  };
}
