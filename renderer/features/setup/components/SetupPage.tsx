import { useEffect, useState } from 'react';
import type { Project } from '../../../../preload/contract.ts';
import { selectCurrentProject } from '../../projects/state/projects-slice.ts';
import { useAppState } from '../../../app/store-context.ts';
import { selectProjectProfiles } from '../state/server-profiles-slice.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { ProjectDetailsForm } from './ProjectDetailsForm.tsx';
import { ServerProfileForm } from './ServerProfileForm.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { AliasesSection } from './AliasesSection.tsx';
import { PickProjectPrompt } from '../../../app/PickProjectPrompt.tsx';

/** Prepare · Servers and accounts: what the rest of the wizard needs to know about the project. */
export function SetupPage() {
  const summary = useAppState(selectCurrentProject);
  const loadProject = useAppState((s) => s.loadProject);
  const loadProfiles = useAppState((s) => s.loadProfiles);
  const [project, setProject] = useState<Project | null>(null);
  const [error, setError] = useState<string | null>(null);
  const projectId = summary?.id ?? null;
  const profiles = useAppState((s) => (projectId === null ? null : selectProjectProfiles(s, projectId)));

  useEffect(() => {
    if (projectId === null) return;
    let live = true;
    void Promise.all([loadProject(projectId), loadProfiles(projectId)]).then(([p, s]) => {
      if (!live) return;
      if (p.ok && s.ok) {
        setProject(p.value);
        setError(null);
      } else setError((p.ok ? null : p.error.message) ?? (s.ok ? '' : s.error.message));
    });
    return () => {
      live = false;
    };
  }, [loadProject, loadProfiles, projectId]);

  return (
    <section className="page setup-page" aria-labelledby="setup-heading">
      <header className="page-header">
        <p className="eyebrow">Prepare · Servers and accounts</p>
        <h2 id="setup-heading" tabIndex={-1}>
          Servers and accounts
        </h2>
        <p className="page-lead">
          The cutover date, the mail domains, the old and new servers, and the mailboxes that move.
        </p>
      </header>
      {summary === null ? <PickProjectPrompt purpose="set up its servers and accounts" /> : null}
      {error ? (
        <Notice tone="error">
          <p>The project could not be loaded. {error}</p>
        </Notice>
      ) : null}
      {summary !== null && project?.id === summary.id && profiles ? (
        <>
          <ProjectDetailsForm key={project.id} project={project} />
          <section className="card" aria-labelledby="servers-title">
            <h3 id="servers-title" className="section-title">
              Servers
            </h3>
            <div className="server-columns">
              <ServerProfileForm projectId={project.id} role="source" profile={profiles.source} />
              <ServerProfileForm projectId={project.id} role="destination" profile={profiles.destination} />
            </div>
          </section>
          <AccountsSection projectId={project.id} />
          <AliasesSection
            projectId={project.id}
            projectVersion={`${summary.updatedAt} ${summary.accountCount}`}
          />
        </>
      ) : null}
    </section>
  );
}
