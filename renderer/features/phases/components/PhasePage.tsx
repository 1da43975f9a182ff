import type { PhaseId } from '../logic/phase-schedule.ts';
import { PHASES, daysBetween, phaseById, phaseStartDay } from '../logic/phase-schedule.ts';
import { PHASE_SUMMARIES } from '../logic/phase-summaries.ts';
import { describeDistance, formatLongDay, localToday } from '../logic/format-day.ts';
import { selectCurrentProject } from '../../projects/state/projects-slice.ts';
import { useAppState } from '../../../app/store-context.ts';
import { MigrateMailTask } from '../../migration/components/MigrateMailTask.tsx';
import { TaskList } from '../../tasks/components/TaskList.tsx';
import { SetupLink } from '../../setup/components/SetupLink.tsx';

/** One phase of the playbook: when it happens for the current project, and what it is for. */
export function PhasePage({ phaseId }: { phaseId: PhaseId }) {
  const project = useAppState(selectCurrentProject);
  const navigate = useAppState((s) => s.navigate);
  const phase = phaseById(phaseId);
  const summary = PHASE_SUMMARIES[phaseId];
  const step = PHASES.indexOf(phase) + 1;
  const headingId = `phase-${phaseId}-heading`;
  const day = phaseStartDay(phase, project?.cutoverDate ?? null);

  return (
    <section className="page" aria-labelledby={headingId}>
      <header className="page-header">
        <p className="eyebrow">
          Phase {step} of {PHASES.length}
        </p>
        <h2 id={headingId} tabIndex={-1}>
          {phase.name}
        </h2>
        <p className="page-lead">{summary.purpose}</p>
      </header>

      <div className="card phase-when">
        <h3 className="section-title">When</h3>
        <p className="phase-relative">{phase.relative}</p>
        {project === null ? (
          <div className="prompt">
            <p>Pick a project, or create one, to see the dates for this phase.</p>
            <button type="button" className="button button-primary" onClick={() => navigate('projects')}>
              Go to projects
            </button>
          </div>
        ) : day === null ? (
          <p className="muted">“{project.name}” has no cutover date yet, so this phase has no date.</p>
        ) : (
          <p className="phase-date">
            {phase.offsetDays > 0 ? 'From ' : 'Starts '}
            <time dateTime={day}>{formatLongDay(day)}</time>{' '}
            <span className="muted">({describeDistance(daysBetween(localToday(), day))})</span>
          </p>
        )}
      </div>

      <div className="card">
        <h3 className="section-title">What happens in this phase</h3>
        <ul className="phase-steps">
          {summary.steps.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </div>

      {phaseId === 'prepare' && project !== null ? <SetupLink /> : null}
      {phaseId === 'cutover' ? <MigrateMailTask /> : null}
      {project !== null ? <TaskList key={project.id} projectId={project.id} phase={phaseId} /> : null}
    </section>
  );
}
