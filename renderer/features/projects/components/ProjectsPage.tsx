import { useRef } from 'react';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import { NewProjectForm } from './NewProjectForm.tsx';

/** Every migration project on this computer, and the form to start a new one. */
export function ProjectsPage() {
  const projects = useAppState((s) => s.projects);
  const status = useAppState((s) => s.projectsStatus);
  const error = useAppState((s) => s.projectsError);
  const loadProjects = useAppState((s) => s.loadProjects);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section className="page" aria-labelledby="projects-heading">
      <header className="page-header">
        <h2 ref={heading} id="projects-heading" tabIndex={-1}>
          Projects
        </h2>
        <p className="page-lead">
          One project per customer move. Pick the one you are working on; the phase pages show its dates.
        </p>
      </header>

      <div className="projects-layout">
        <div className="projects-list-column">
          <h3 className="section-title">Your projects</h3>
          {status === 'loading' && projects.length === 0 ? (
            <p className="muted" role="status">
              Loading projects…
            </p>
          ) : null}
          {status === 'failed' ? (
            <Notice tone="error">
              <p>{error}</p>
              <button type="button" className="button" onClick={() => void loadProjects()}>
                Try again
              </button>
            </Notice>
          ) : null}
          {status === 'ready' && projects.length === 0 ? (
            <p className="empty-state">No projects yet. Create the first one with the form.</p>
          ) : null}
          {projects.length > 0 ? (
            <ul className="project-list">
              {projects.map((project) => (
                <ProjectCard key={project.id} project={project} onDeleted={() => heading.current?.focus()} />
              ))}
            </ul>
          ) : null}
        </div>
        <NewProjectForm />
      </div>
    </section>
  );
}
