import { useAppState } from './store-context.ts';

/** Shown by a project's page while no project is open: "Pick a project, or create one, to …". */
export function PickProjectPrompt({ purpose }: { purpose: string }) {
  const navigate = useAppState((s) => s.navigate);
  return (
    <div className="card prompt-card">
      <p>Pick a project, or create one, to {purpose}.</p>
      <button type="button" className="button button-primary" onClick={() => navigate('projects')}>
        Go to projects
      </button>
    </div>
  );
}
