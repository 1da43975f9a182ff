import { useEffect, useRef, useState } from 'react';
import { selectCurrentProject } from '../../projects/state/projects-slice.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { JobHistory } from './JobHistory.tsx';
import { JobPanel } from './JobPanel.tsx';
import { PastedJobForm } from './PastedJobForm.tsx';
import { ProjectJobForm } from './ProjectJobForm.tsx';
import { PickProjectPrompt } from '../../../app/PickProjectPrompt.tsx';

type View = 'job' | 'form';

/**
 * The "Migrate mail" task of the cutover day: start a job, watch its accounts, open one to see
 * why it failed, stop, resume and retry. Jobs run in main, so this page only watches them.
 */
export function MigrationPage() {
  const project = useAppState(selectCurrentProject);
  const loadMigration = useAppState((s) => s.loadMigration);
  const followJobEvents = useAppState((s) => s.followJobEvents);
  const jobs = useAppState((s) => s.jobs);
  const jobsStatus = useAppState((s) => s.jobsStatus);
  const jobsError = useAppState((s) => s.jobsError);
  const liveJob = useAppState((s) => s.liveJob);
  const liveJobError = useAppState((s) => s.liveJobError);
  const [view, setView] = useState<View>('job');
  /** The project's accounts, or a pasted list of users (accounts not in the project, scripts). */
  const [formKind, setFormKind] = useState<'project' | 'paste'>('project');
  const [started, setStarted] = useState<string | null>(null);
  const projectId = project?.id ?? null;
  const formHeading = useRef<HTMLHeadingElement>(null);
  const anotherJob = useRef<HTMLButtonElement>(null);
  const page = useRef<HTMLElement>(null);

  // The button pressed disappears with the view it was in, so focus moves to what replaced it.
  const switchTo = (next: View, focus: () => HTMLElement | null | undefined) => {
    setView(next);
    requestAnimationFrame(() => focus()?.focus());
  };

  useEffect(() => followJobEvents(), [followJobEvents]);
  useEffect(() => {
    if (projectId !== null) void loadMigration(projectId);
  }, [projectId, loadMigration]);

  const onStarted = (names: string[]) => {
    setStarted(
      names.length === 1
        ? `Started job “${names[0]}”. It runs in the background; leaving this page does not stop it.`
        : `Started ${names.length} jobs: ${names.map((n) => `“${n}”`).join(', ')}. The first is shown; pick another in the list.`,
    );
    switchTo('job', () => page.current?.querySelector<HTMLElement>('.job-title'));
  };

  const noJobsYet = jobsStatus === 'ready' && jobs.length === 0;
  const showForm = project !== null && (view === 'form' || noJobsYet);

  return (
    <section ref={page} className="page migration-page" aria-labelledby="migration-heading">
      <header className="page-header">
        <p className="eyebrow">Cutover · Migrate mail</p>
        <h2 id="migration-heading" tabIndex={-1}>
          Migrate mail
        </h2>
        <p className="page-lead">
          Copy every mailbox from the old server to the new one, in batches of at most 500 accounts. Jobs keep
          running when you leave this page.
        </p>
      </header>

      {project === null ? <PickProjectPrompt purpose="copy its mail" /> : null}

      {project !== null && jobsStatus === 'failed' ? (
        <Notice tone="error">
          <p>The jobs could not be loaded. {jobsError}</p>
          <button type="button" className="button" onClick={() => void loadMigration(project.id)}>
            Try again
          </button>
        </Notice>
      ) : null}

      {project !== null && jobsStatus === 'loading' && jobs.length === 0 ? (
        <p className="muted" role="status">
          Loading jobs…
        </p>
      ) : null}

      {started && !showForm ? (
        <Notice tone="success">
          <p>{started}</p>
        </Notice>
      ) : null}

      {project !== null && !showForm && jobs.length > 0 ? (
        <>
          <div className="section-bar">
            <h3 className="section-title">Jobs of “{project.name}”</h3>
            <button
              ref={anotherJob}
              type="button"
              className="button"
              onClick={() => {
                setStarted(null);
                switchTo('form', () => formHeading.current);
              }}
            >
              Start another job
            </button>
          </div>
          <JobHistory jobs={jobs} shownId={liveJob?.id ?? null} />
          {liveJobError ? (
            <Notice tone="error">
              <p>{liveJobError}</p>
            </Notice>
          ) : null}
          {liveJob ? <JobPanel job={liveJob} /> : null}
        </>
      ) : null}

      {project !== null ? (
        <div hidden={!showForm}>
          {formKind === 'project' ? (
            showForm ? (
              <ProjectJobForm
                key={project.id}
                projectId={project.id}
                headingRef={formHeading}
                onStarted={onStarted}
                onSwitch={() => {
                  setFormKind('paste');
                  requestAnimationFrame(() => formHeading.current?.focus());
                }}
                {...(jobs.length > 0 ? { onCancel: () => switchTo('job', () => anotherJob.current) } : {})}
              />
            ) : null
          ) : (
            <PastedJobForm
              key={project.id}
              projectId={project.id}
              headingRef={formHeading}
              onStarted={onStarted}
              onSwitch={() => {
                setFormKind('project');
                requestAnimationFrame(() => formHeading.current?.focus());
              }}
              {...(jobs.length > 0 ? { onCancel: () => switchTo('job', () => anotherJob.current) } : {})}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
