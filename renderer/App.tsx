import { useEffect, useRef } from 'react';
import { useAppState } from './app/store-context.ts';
import { AppHeader } from './app/AppHeader.tsx';
import { SideNav } from './app/SideNav.tsx';
import { ProjectsPage } from './features/projects/components/ProjectsPage.tsx';
import { PhasePage } from './features/phases/components/PhasePage.tsx';
import { MigrationPage } from './features/migration/components/MigrationPage.tsx';
import { SetupPage } from './features/setup/components/SetupPage.tsx';
import { EndUserCheckPage } from './features/check/components/EndUserCheckPage.tsx';
import { TimelinePage } from './features/timeline/components/TimelinePage.tsx';
import { NoticesPage } from './features/notices/components/NoticesPage.tsx';
import type { Page } from './app/app-store.ts';

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
          <PageView page={page} />
        </main>
      </div>
    </div>
  );
}

function PageView({ page }: { page: Page }) {
  switch (page) {
    case 'projects':
      return <ProjectsPage />;
    case 'migration':
      return <MigrationPage />;
    case 'setup':
      return <SetupPage />;
    case 'end-user-check':
      return <EndUserCheckPage />;
    case 'timeline':
      return <TimelinePage />;
    case 'notices':
      return <NoticesPage />;
    default:
      return <PhasePage phaseId={page} />;
  }
}
