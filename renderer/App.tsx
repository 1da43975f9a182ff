import { useEffect, useRef } from 'react';
import { useAppState } from './state/store-context.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { SideNav } from './components/SideNav.tsx';
import { ProjectsPage } from './components/ProjectsPage.tsx';
import { PhasePage } from './components/PhasePage.tsx';
import { MigrationPage } from './components/migration/MigrationPage.tsx';

/** The shell: header, the phase nav on the left, and the page the nav points at. */
export function App() {
  const page = useAppState((s) => s.page);
  const loadProjects = useAppState((s) => s.loadProjects);
  const mainRef = useRef<HTMLElement>(null);
  const shownPage = useRef(page);

  useEffect(() => {
    void loadProjects();
  }, [loadProjects]);

  // After a page change, move focus to its heading so screen readers announce the new page.
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    mainRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [page]);

  return (
    <div className="app">
      <button
        type="button"
        className="skip-link"
        onClick={() => mainRef.current?.querySelector<HTMLElement>('h2')?.focus()}
      >
        Skip to main content
      </button>
      <AppHeader />
      <div className="app-body">
        <SideNav />
        <main ref={mainRef} className="app-main">
          {page === 'projects' ? (
            <ProjectsPage />
          ) : page === 'migration' ? (
            <MigrationPage />
          ) : (
            <PhasePage phaseId={page} />
          )}
        </main>
      </div>
    </div>
  );
}
