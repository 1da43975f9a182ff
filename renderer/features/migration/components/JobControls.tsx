import { useState } from 'react';
import type { LiveJob } from '../logic/live-job.ts';
import { plural } from '../logic/progress-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { ConfirmStop } from './ConfirmStop.tsx';

/** What the job's buttons can do now, in words for the hint beside them. */
export function controlState(job: LiveJob, stopRequested: boolean) {
  const waiting = job.counts.queued;
  const retryable = job.counts.failed + job.counts.partial;
  const interrupted = job.status === 'cancelled' || job.status === 'paused' || job.status === 'queued';
  return {
    canStop: job.running && !stopRequested,
    canPause: job.running && !stopRequested,
    canResume: !job.running && (interrupted || waiting > 0),
    canRetry: !job.running && retryable > 0,
    canCopyAgain: !job.running && !interrupted && waiting === 0,
    hint: job.running
      ? stopRequested
        ? 'Stopping: the accounts being copied finish their messages in flight first.'
        : 'Leaving this page does not stop the job; come back to see where it is. Pause stops it for now; Resume carries on.'
      : interrupted || waiting > 0
        ? `${plural(waiting, 'account')} not finished. Resume carries on where the job stopped${retryable ? ', and tries the failed and partly done accounts again' : ''}.`
        : retryable > 0
          ? `Retry runs the ${plural(retryable, 'failed or partly done account')} again; messages already copied are not copied twice.`
          : 'Every account is done. Once the MX change has reached everyone, Copy new mail again picks up what still arrived at the old server; nothing is copied twice.',
  };
}

/** Pause, Stop, Resume, and Retry failed and partial; Stop asks first, Pause does not (Resume undoes it). */
export function JobControls({ job }: { job: LiveJob }) {
  const stopRequested = useAppState((s) => s.stopRequested === job.name);
  const stopJob = useAppState((s) => s.stopJob);
  const retryJob = useAppState((s) => s.retryJob);
  const copyAgain = useAppState((s) => s.copyAgain);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'stop' | 'pause' | 'retry' | 'again' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = controlState(job, stopRequested);

  const run = async (kind: 'stop' | 'pause' | 'retry' | 'again') => {
    if (busy) return;
    setBusy(kind);
    setError(null);
    const result =
      kind === 'retry'
        ? await retryJob(job.name)
        : kind === 'again'
          ? await copyAgain(job.name)
          : await stopJob(job.name, kind === 'stop' ? 'cancel' : 'pause');
    setBusy(null);
    setConfirming(false);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <div className="job-controls">
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {confirming && state.canStop ? (
        <ConfirmStop
          jobName={job.name}
          busy={busy === 'stop'}
          onConfirm={() => void run('stop')}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="job-buttons">
          {state.canResume ? (
            <button type="button" className="button button-primary" onClick={() => void run('retry')}>
              {busy === 'retry' ? 'Resuming…' : 'Resume'}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={!state.canRetry}
              aria-describedby={`job-${job.id}-controls-hint`}
              onClick={() => void run('retry')}
            >
              {busy === 'retry' ? 'Starting…' : 'Retry failed and partial'}
            </button>
          )}
          {state.canCopyAgain ? (
            <button
              type="button"
              className="button"
              aria-describedby={`job-${job.id}-controls-hint`}
              onClick={() => void run('again')}
            >
              {busy === 'again' ? 'Starting…' : 'Copy new mail again'}
            </button>
          ) : null}
          {state.canPause || busy === 'pause' ? (
            <button
              type="button"
              className="button"
              aria-describedby={`job-${job.id}-controls-hint`}
              onClick={() => void run('pause')}
            >
              {busy === 'pause' || stopRequested ? 'Pausing…' : 'Pause'}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-danger"
            disabled={!state.canStop}
            aria-describedby={`job-${job.id}-controls-hint`}
            onClick={() => setConfirming(true)}
          >
            {stopRequested ? 'Stopping…' : 'Stop…'}
          </button>
        </div>
      )}
      <p id={`job-${job.id}-controls-hint`} className="hint">
        {state.hint}
      </p>
    </div>
  );
}
