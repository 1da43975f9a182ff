import type { Page } from './app-store.ts';
import { selectCurrentProject } from '../features/projects/state/projects-slice.ts';
import { useAppState } from './store-context.ts';
import { PHASES, phaseStartDay } from '../features/phases/logic/phase-schedule.ts';
import { formatShortDay } from '../features/phases/logic/format-day.ts';

/** Projects, then the four phases in the order they are done, with their dates when known. */
export function SideNav() {
  const project = useAppState(selectCurrentProject);
  const projectCount = useAppState((s) => s.projects.length);
  return (
    <nav className="side-nav" aria-label="Migration phases">
      <ul className="nav-list">
        <li>
          <NavItem
            page="projects"
            label="Projects"
            detail={projectCount === 1 ? '1 project' : `${projectCount} projects`}
          />
        </li>
        <li>
          <NavItem page="timeline" label="Timeline" detail="The whole plan, by date" />
        </li>
      </ul>
      <p className="nav-group-title" id="nav-phases-title">
        Phases
      </p>
      <ol className="nav-list" aria-labelledby="nav-phases-title">
        {PHASES.map((phase, index) => {
          const day = phaseStartDay(phase, project?.cutoverDate ?? null);
          const detail = day
            ? `${phase.offsetDays > 0 ? 'From ' : ''}${formatShortDay(day)}`
            : phase.shortRelative;
          return (
            <li key={phase.id}>
              <NavItem page={phase.id} label={phase.name} detail={detail} step={index + 1} />
              {phase.id === 'prepare' ? (
                <ul className="nav-sublist">
                  <li>
                    <NavItem
                      page="setup"
                      label="Servers and accounts"
                      detail="Dates, servers, mailboxes"
                      sub
                    />
                  </li>
                  <li>
                    <NavItem page="notices" label="User notices" detail="What to tell everyone" sub />
                  </li>
                </ul>
              ) : null}
              {phase.id === 'cutover' ? (
                <ul className="nav-sublist">
                  <li>
                    <NavItem page="migration" label="Migrate mail" detail="Copy the mailboxes" sub />
                  </li>
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="nav-group-title" id="nav-help-title">
        Help for everyone
      </p>
      <ul className="nav-list" aria-labelledby="nav-help-title">
        <li>
          <NavItem page="end-user-check" label="Certificate warning?" detail="Check a mail server" />
        </li>
      </ul>
    </nav>
  );
}

interface NavItemProps {
  page: Page;
  label: string;
  detail: string;
  step?: number;
  /** A screen inside a phase, indented under it. */
  sub?: boolean;
}

function NavItem({ page, label, detail, step, sub = false }: NavItemProps) {
  const active = useAppState((s) => s.page === page);
  const navigate = useAppState((s) => s.navigate);
  return (
    <button
      type="button"
      className={sub ? 'nav-item nav-subitem' : 'nav-item'}
      aria-current={active ? 'page' : undefined}
      onClick={() => navigate(page)}
    >
      {step !== undefined ? (
        <span className="nav-step" aria-hidden="true">
          {step}
        </span>
      ) : null}
      <span className="nav-text">
        <span className={sub ? 'nav-sublabel' : 'nav-label'}>{label}</span>
        <span className="nav-detail">{detail}</span>
      </span>
    </button>
  );
}
