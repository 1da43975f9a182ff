import { useEffect, useRef } from 'react';
import { useAppState } from './state/store-context.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { SideNav } from './components/SideNav.tsx';
import { ProjectsPage } from './components/ProjectsPage.tsx';
import { PhasePage } from './components/PhasePage.tsx';
import { MigrationPage } from './components/migration/MigrationPage.tsx';
import { SetupPage } from './components/setup/SetupPage.tsx';
import { EndUserCheckPage } from './components/check/EndUserCheckPage.tsx';
import { TimelinePage } from './components/timeline/TimelinePage.tsx';
import { NoticesPage } from './components/notices/NoticesPage.tsx';
import type { Page } from './state/app-store.ts';

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
