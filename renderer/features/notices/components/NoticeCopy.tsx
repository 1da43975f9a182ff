import { useEffect, useRef, useState } from 'react';
import type { Account, NoticeKey, NoticePreview } from '../../../../preload/contract.ts';
import { describeError } from '../../../app/error-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { selectProjectAccounts } from '../../setup/state/accounts-slice.ts';
import { FieldError } from '../../../ui/FieldError.tsx';

interface NoticeCopyProps {
  projectId: number;
  noticeKey: NoticeKey;
  /** The editor holds changes that are not saved: the copy shows the saved text. */
  unsaved: boolean;
}

const NO_ACCOUNTS: readonly Account[] = [];

type Copied = { what: 'subject' | 'text'; ok: true } | { what: 'subject' | 'text'; ok: false };

/** The saved notice filled in for one person or for everyone, with buttons to copy it. */
export function NoticeCopy({ projectId, noticeKey, unsaved }: NoticeCopyProps) {
  const loadAccounts = useAppState((s) => s.loadAccounts);
  const previewNotice = useAppState((s) => s.previewNotice);
  const navigate = useAppState((s) => s.navigate);
  const accounts = useAppState((s) => selectProjectAccounts(s, projectId)) ?? NO_ACCOUNTS;
  const [accountId, setAccountId] = useState<number | null>(null);
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<Copied | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = `notice-${noticeKey}-copy`;

  useEffect(() => {
    void loadAccounts(projectId);
  }, [loadAccounts, projectId]);

  useEffect(() => {
    let live = true;
    setCopied(null);
    void previewNotice({ projectId, key: noticeKey, accountId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setPreview(result.value);
        setError(null);
      } else {
        setPreview(null);
        setError(describeError(result.error).message);
      }
    });
    return () => {
      live = false;
    };
  }, [previewNotice, projectId, noticeKey, accountId]);

  const copy = async (what: 'subject' | 'text') => {
    if (!preview) return;
    try {
      // Missing outside a secure context, and refused where the browser does not allow it.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(what === 'subject' ? preview.subject : preview.body);
      setCopied({ what, ok: true });
    } catch {
      setCopied({ what, ok: false });
      const field = what === 'subject' ? subjectRef.current : textRef.current;
      field?.focus();
      field?.select();
    }
  };

  const who = accountId === null ? 'everyone' : (preview?.to ?? 'this person');
  return (
    <section className="notice-part notice-copy" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="subsection-title">
        Copy the text into your mail program
      </h4>
      <p className="hint">
        The saved notice with the merge fields filled in. Paste it into a new message to send it yourself.
      </p>
      {unsaved ? (
        <p className="notice-copy-unsaved" role="note">
          <span aria-hidden="true">! </span>You have changes that are not saved. Save the notice to copy the
          new text.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-for`}>Filled in for</label>
        <select
          id={`${id}-for`}
          value={accountId === null ? '' : String(accountId)}
          onChange={(e) => setAccountId(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">Everyone (one general text: “Hello everyone”)</option>
          {accounts.map((account) => (
            <option key={account.id} value={String(account.id)}>
              {account.username}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {error ? (
        <p>
          <button type="button" className="link-button" onClick={() => navigate('setup')}>
            Open Servers and accounts to fill it in
          </button>
        </p>
      ) : null}
      {preview ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-subject`}>Subject for {who}</label>
            <input id={`${id}-subject`} ref={subjectRef} type="text" readOnly value={preview.subject} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>Text for {who}</label>
            <textarea id={`${id}-text`} ref={textRef} rows={12} readOnly value={preview.body} />
          </div>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void copy('text')}>
              Copy text
            </button>
            <button type="button" className="button" onClick={() => void copy('subject')}>
              Copy subject
            </button>
            <span role="status" className="saved-note">
              {copied?.ok
                ? `✓ Copied the ${copied.what === 'text' ? 'text' : 'subject'} to the clipboard. Paste it into a new message.`
                : ''}
            </span>
          </div>
          {copied && !copied.ok ? (
            <p className="field-error" role="alert">
              <span className="field-error-icon" aria-hidden="true">
                !
              </span>
              <span>
                Copying is not allowed here. The {copied.what} is selected: press Ctrl+C (⌘C on a Mac) to copy
                it.
              </span>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
