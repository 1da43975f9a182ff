import { selectCurrentProject } from '../features/projects/state/projects-slice.ts';
import { useAppState } from './store-context.ts';
import { formatLongDay } from '../features/phases/logic/format-day.ts';

/** The app's name and the project everything on screen is about. */
export function AppHeader() {
  const project = useAppState(selectCurrentProject);
  return (
    <header className="app-header">
      <h1 className="app-title">Cutover</h1>
      <p className="current-project" aria-live="polite">
        {project ? (
          <>
            <span className="current-project-label">Current project</span> <strong>{project.name}</strong>
            {project.customer ? <span className="muted"> for {project.customer}</span> : null}
            <span className="current-project-date">
              {project.cutoverDate ? (
                <>
                  Cutover on <time dateTime={project.cutoverDate}>{formatLongDay(project.cutoverDate)}</time>
                </>
              ) : (
                'No cutover date yet'
              )}
            </span>
          </>
        ) : (
          <span className="muted">No project selected</span>
        )}
      </p>
    </header>
  );
}
