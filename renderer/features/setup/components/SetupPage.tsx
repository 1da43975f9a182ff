import { useEffect, useState } from 'react';
import type { Project, ServerProfiles } from '../../../../preload/contract.ts';
import { selectCurrentProject } from '../../../app/app-store.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { ProjectDetailsForm } from './ProjectDetailsForm.tsx';
import { ServerProfileForm } from './ServerProfileForm.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { AliasesSection } from './AliasesSection.tsx';
import { PickProjectPrompt } from '../../../app/PickProjectPrompt.tsx';

/** Prepare · Servers and accounts: what the rest of the wizard needs to know about the project. */
export function SetupPage() {
  const summary = useAppState(selectCurrentProject);
  const api = useAppState((s) => s.api);
  const [project, setProject] = useState<Project | null>(null);
  const [profiles, setProfiles] = useState<ServerProfiles | null>(null);
  const [error, setError] = useState<string | null>(null);
  const projectId = summary?.id ?? null;

  useEffect(() => {
    if (projectId === null) return;
    let live = true;
    void Promise.all([api.projects.get({ projectId }), api.profiles.get({ projectId })]).then(([p, s]) => {
      if (!live) return;
      if (p.ok && s.ok) {
        setProject(p.value);
        setProfiles(s.value);
        setError(null);
      } else setError((p.ok ? null : p.error.message) ?? (s.ok ? '' : s.error.message));
    });
    return () => {
      live = false;
    };
  }, [api, projectId]);

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
              <ServerProfileForm
                projectId={project.id}
                role="source"
                profile={profiles.source}
                onSaved={(p) => setProfiles((s) => (s ? { ...s, source: p } : s))}
              />
              <ServerProfileForm
                projectId={project.id}
                role="destination"
                profile={profiles.destination}
                onSaved={(p) => setProfiles((s) => (s ? { ...s, destination: p } : s))}
              />
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
