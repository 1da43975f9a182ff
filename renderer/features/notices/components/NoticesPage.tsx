import { useEffect, useState } from 'react';
import type { NoticeKey, NoticeTemplates } from '../../../../preload/contract.ts';
import { selectCurrentProject } from '../../projects/state/projects-slice.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { NoticeEditor } from './NoticeEditor.tsx';
import { PickProjectPrompt } from '../../../app/PickProjectPrompt.tsx';

/** The four user notices: pick one, edit its text with merge fields, save drafts for everyone. */
export function NoticesPage() {
  const project = useAppState(selectCurrentProject);
  const loadNoticeTemplates = useAppState((s) => s.loadNoticeTemplates);
  const [data, setData] = useState<NoticeTemplates | null>(null);
  const [chosen, setChosen] = useState<NoticeKey>('three-weeks-before');
  const [error, setError] = useState<string | null>(null);
  const projectId = project?.id ?? null;

  useEffect(() => {
    if (projectId === null) return;
    let live = true;
    void loadNoticeTemplates(projectId).then((result) => {
      if (!live) return;
      if (result.ok) setData(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [loadNoticeTemplates, projectId]);

  const template = data?.templates.find((t) => t.key === chosen) ?? null;
  return (
    <section className="page" aria-labelledby="notices-heading">
      <header className="page-header">
        <p className="eyebrow">Prepare · User notices</p>
        <h2 id="notices-heading" tabIndex={-1}>
          User notices
        </h2>
        <p className="page-lead">
          Four messages that tell everyone what happens and when. Edit them, then save one draft (.eml) per
          person to send from your mail program.
        </p>
      </header>
      {project === null ? <PickProjectPrompt purpose="write its notices" /> : null}
      {error ? (
        <Notice tone="error">
          <p>The notices could not be loaded. {error}</p>
        </Notice>
      ) : null}
      {project !== null && data ? (
        <>
          <nav aria-label="Notices">
            <ul className="notice-tabs">
              {data.templates.map((t) => (
                <li key={t.key}>
                  <button
                    type="button"
                    className="button"
                    aria-current={t.key === chosen ? 'true' : undefined}
                    onClick={() => setChosen(t.key)}
                  >
                    {t.label}
                    {t.edited ? ' (edited)' : ''}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {template ? (
            <NoticeEditor
              key={`${template.key}-${template.subject}-${template.body.length}`}
              projectId={project.id}
              template={template}
              fields={data.fields}
              onChanged={(next) =>
                setData((d) =>
                  d ? { ...d, templates: d.templates.map((t) => (t.key === next.key ? next : t)) } : d,
                )
              }
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
