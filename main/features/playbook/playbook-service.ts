// The wizard's playbook for a project: every task with its due date and status, the admin's
// notes, and the live checks that complete a task when a machine can tell.
import type { PlaybookTask, TaskStatus } from '../../../preload/contract.ts';
import type { Clock } from '../../infrastructure/clock.ts';
import type { ProjectRepository } from '../../infrastructure/store/project-repository.ts';
import type { PlaybookRepository } from '../../infrastructure/store/playbook-repository.ts';
import type { EventLog } from '../../infrastructure/store/event-log.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { today } from './calendar-day.ts';
import { PLAYBOOK, catalogTask } from './playbook-catalog.ts';
import type { CatalogTask } from './playbook-catalog.ts';
import { taskView } from './task-view.ts';
import type { CheckDeps, CheckRunners } from './checks/check-context.ts';
import { lowerMxTtl, recordTtls } from './checks/ttl-checks.ts';
import { mxPointsAtDestination, mxPropagated } from './checks/mx-checks.ts';
import { srvRecordsPublished } from './checks/srv-check.ts';
import { destinationLogins } from './checks/destination-logins.ts';
import { jobsDone } from './checks/jobs-check.ts';

export interface PlaybookServiceDeps extends CheckDeps {
  projects: ProjectRepository;
  store: PlaybookRepository;
  eventLog: EventLog;
  clock: Clock;
  /** Whose calendar says what is overdue; default: this computer's. */
  timeZone?: string | undefined;
}

export interface PlaybookService {
  tasks(projectId: number): PlaybookTask[];
  update(args: {
    projectId: number;
    key: string;
    status?: TaskStatus | undefined;
    notes?: string | undefined;
  }): PlaybookTask;
  runCheck(projectId: number, key: string): Promise<PlaybookTask>;
}

const RUNNERS: CheckRunners = {
  'dns-ttl-record': recordTtls,
  'dns-ttl-lower': lowerMxTtl,
  'destination-logins': destinationLogins,
  'dns-mx-points': mxPointsAtDestination,
  'dns-propagation': mxPropagated,
  'dns-srv': srvRecordsPublished,
  'jobs-done': jobsDone,
};

export function createPlaybookService(deps: PlaybookServiceDeps): PlaybookService {
  const find = (key: string): CatalogTask => {
    const entry = catalogTask(key);
    if (!entry) throw new ServiceError('not-found', `The playbook has no task "${key}".`, 'key');
    return entry;
  };
  const view = (projectId: number, key: string) => {
    const project = deps.projects.get(projectId);
    const stored = deps.store.forProject(projectId).get(key);
    return taskView(find(key), stored, project.cutoverDate, today(deps.clock, deps.timeZone));
  };

  return {
    tasks(projectId) {
      const project = deps.projects.get(projectId);
      const stored = deps.store.forProject(projectId);
      const day = today(deps.clock, deps.timeZone);
      return PLAYBOOK.map((entry) => taskView(entry, stored.get(entry.key), project.cutoverDate, day));
    },
    update({ projectId, key, status, notes }) {
      deps.projects.get(projectId);
      const entry = find(key);
      deps.store.save(projectId, key, entry.phase, { status, notes });
      return view(projectId, key);
    },
    async runCheck(projectId, key) {
      const project = deps.projects.get(projectId);
      const entry = find(key);
      if (!entry.check) {
        throw new ServiceError(
          'invalid-arguments',
          `“${entry.title}” has no live check: set its status yourself when it is done.`,
          'key',
        );
      }
      const stored = deps.store.forProject(projectId);
      const result = await RUNNERS[entry.check.kind]({ ...deps, project, stored });
      const passed = result.outcome !== 'fail';
      deps.store.save(projectId, key, entry.phase, {
        check: { checkedAt: deps.clock.now().toISOString(), ...result },
        ...(passed ? { status: 'complete' as const } : {}),
      });
      deps.eventLog.append({
        level: passed ? 'info' : 'warn',
        projectId,
        code: `check-${result.outcome}`,
        message: `${entry.title}: ${passed ? 'done' : 'not yet'}. ${result.summary}`,
      });
      return view(projectId, key);
    },
  };
}
