import type { Handlers } from './dispatcher.ts';
import type { ServiceCore } from '../services.ts';

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
    'jobs.log': ({ name, account }) => eventLog.forJob(services.jobs.byName(name).id, account),
    'diagnostics.checkServer': (args) => services.diagnostics.checkServer(args),
    'diagnostics.checkDns': (args) => services.diagnostics.checkDns(args),
    'diagnostics.history': (args) => services.diagnostics.history(args),
    'diagnostics.get': ({ id }) => services.diagnostics.get(id),
    'diagnostics.exportHtml': ({ id }) => services.diagnostics.exportHtml(id),
    'events.recent': ({ projectId, limit }) => eventLog.recent({ projectId, limit }),
  };
}
