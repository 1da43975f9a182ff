import { useState } from 'react';
import type { MergeField, NoticeTemplate } from '../../../../preload/contract.ts';
import { downloadText } from '../../migration/logic/log-file.ts';
import { describeError } from '../../../app/error-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { NoticeCopy } from './NoticeCopy.tsx';

interface NoticeEditorProps {
  projectId: number;
  template: NoticeTemplate;
  fields: MergeField[];
  onChanged(template: NoticeTemplate): void;
}

/** One notice's subject and text, the merge fields it may use, and the drafts for every user. */
export function NoticeEditor({ projectId, template, fields, onChanged }: NoticeEditorProps) {
  const saveNotice = useAppState((s) => s.saveNotice);
  const resetNotice = useAppState((s) => s.resetNotice);
  const renderNotices = useAppState((s) => s.renderNotices);
  const navigate = useAppState((s) => s.navigate);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const id = `notice-${template.key}`;

  const save = async () => {
    setError(null);
    const result = await saveNotice({ projectId, key: template.key, subject, body });
    if (!result.ok) return setError(describeError(result.error).message);
    setStatus('✓ Saved');
    onChanged(result.value);
  };

  const reset = async () => {
    setError(null);
    const result = await resetNotice({ projectId, key: template.key });
    if (!result.ok) return setError(describeError(result.error).message);
    setSubject(result.value.subject);
    setBody(result.value.body);
    setStatus('✓ Back to the original text');
    onChanged(result.value);
  };

  const download = async () => {
    setError(null);
    const from_ = from.trim();
    const result = await renderNotices({
      projectId,
      key: template.key,
      format: 'eml',
      ...(from_ ? { from: from_ } : {}),
    });
    if (!result.ok) return setError(describeError(result.error).message);
    if (result.value.length === 0) {
      return setError('The project has no accounts yet. Import them in Servers and accounts first.');
    }
    // One file after another: browsers may ask once before allowing several downloads.
    for (const file of result.value) {
      downloadText(file.fileName, file.content, 'message/rfc822');
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    setStatus(`✓ Saved ${result.value.length} drafts. Open each in your mail program and send it.`);
  };

  return (
    <section className="card notice-editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">
        {template.label}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input
          id={`${id}-subject`}
          type="text"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Text</label>
        <textarea
          id={`${id}-body`}
          rows={14}
          value={body}
          aria-describedby={`${id}-fields`}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div id={`${id}-fields`} className="hint">
        <p>Merge fields, replaced for each person:</p>
        <ul className="merge-fields">
          {fields.map((f) => (
            <li key={f.name}>
              <code>{`{{${f.name}}}`}</code> — {f.description}
            </li>
          ))}
        </ul>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {error ? (
        <p>
          <button type="button" className="link-button" onClick={() => navigate('setup')}>
            Open Servers and accounts
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => void save()}>
          Save notice
        </button>
        <button type="button" className="button" onClick={() => void reset()} disabled={!template.edited}>
          Reset to the original text
        </button>
        <span role="status" className="saved-note">
          {status}
        </span>
      </div>
      <NoticeCopy
        projectId={projectId}
        noticeKey={template.key}
        unsaved={subject !== template.subject || body !== template.body}
      />
      <section className="notice-part" aria-labelledby={`${id}-drafts-title`}>
        <h4 id={`${id}-drafts-title`} className="subsection-title">
          Drafts for every user
        </h4>
        <p className="hint">
          One draft (.eml) per person, addressed to them. Open each in your mail program.
        </p>
        <div className="field notice-from">
          <label htmlFor={`${id}-from`}>Sender shown in the drafts (optional)</label>
          <input
            id={`${id}-from`}
            type="text"
            autoComplete="email"
            placeholder="it@example.com"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void download()}>
            Download .eml for every user
          </button>
        </div>
      </section>
    </section>
  );
}
