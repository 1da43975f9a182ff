// Builds the named API from a transport's invoke/subscribe pair. The Electron preload and the
// WebSocket bridge both use it, so the renderer sees the same object whichever host it runs in.
import type { CutoverApi, Invoke, Subscribe } from './contract.ts';

/** Each function names its channel; there is no pass-through of arbitrary channel names. */
export function createApi(invoke: Invoke, subscribe: Subscribe): CutoverApi {
  return {
    app: { info: () => invoke('app.info', {}) },
    projects: {
      list: () => invoke('projects.list', {}),
      get: (args) => invoke('projects.get', args),
      create: (args) => invoke('projects.create', args),
      rename: (args) => invoke('projects.rename', args),
      delete: (args) => invoke('projects.delete', args),
      update: (args) => invoke('projects.update', args),
    },
    accounts: {
      list: (args) => invoke('accounts.list', args),
      add: (args) => invoke('accounts.add', args),
      setPassword: (args) => invoke('accounts.setPassword', args),
      import: (args) => invoke('accounts.import', args),
      remove: (args) => invoke('accounts.remove', args),
    },
    aliases: {
      inventory: (args) => invoke('aliases.inventory', args),
      import: (args) => invoke('aliases.import', args),
      remove: (args) => invoke('aliases.remove', args),
    },
    provisioning: {
      importHashes: (args) => invoke('provisioning.importHashes', args),
      summary: (args) => invoke('provisioning.summary', args),
      exportCsv: (args) => invoke('provisioning.exportCsv', args),
      forget: (args) => invoke('provisioning.forget', args),
    },
    profiles: {
      get: (args) => invoke('profiles.get', args),
      save: (args) => invoke('profiles.save', args),
      trustCertificate: (args) => invoke('profiles.trustCertificate', args),
      testConnection: (args) => invoke('profiles.testConnection', args),
    },
    playbook: {
      tasks: (args) => invoke('playbook.tasks', args),
      update: (args) => invoke('playbook.update', args),
      runCheck: (args) => invoke('playbook.runCheck', args),
    },
    timeline: { export: (args) => invoke('timeline.export', args) },
    notices: {
      templates: (args) => invoke('notices.templates', args),
      save: (args) => invoke('notices.save', args),
      reset: (args) => invoke('notices.reset', args),
      render: (args) => invoke('notices.render', args),
      preview: (args) => invoke('notices.preview', args),
    },
    jobs: {
      list: (args) => invoke('jobs.list', args),
      get: (args) => invoke('jobs.get', args),
      start: (args) => invoke('jobs.start', args),
      retry: (args) => invoke('jobs.retry', args),
      cancel: (args) => invoke('jobs.cancel', args),
      pause: (args) => invoke('jobs.pause', args),
      copyAgain: (args) => invoke('jobs.copyAgain', args),
      log: (args) => invoke('jobs.log', args),
      startForProject: (args) => invoke('jobs.startForProject', args),
      setAccountPassword: (args) => invoke('jobs.setAccountPassword', args),
    },
    diagnostics: {
      checkServer: (args) => invoke('diagnostics.checkServer', args),
      checkDns: (args) => invoke('diagnostics.checkDns', args),
      history: (args) => invoke('diagnostics.history', args),
      get: (args) => invoke('diagnostics.get', args),
      exportHtml: (args) => invoke('diagnostics.exportHtml', args),
    },
    events: {
      recent: (args) => invoke('events.recent', args),
      onProgress: (listener) => subscribe('job.progress', listener),
      onLogLine: (listener) => subscribe('log.line', listener),
    },
  };
}
