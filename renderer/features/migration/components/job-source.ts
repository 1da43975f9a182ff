// What the one start form asks of where its accounts come from: a pasted list of users (with
// both servers typed in) or the project's own servers and accounts.
import type { ReactNode } from 'react';
import type { ApiError, JobSummary, Result } from '../../../../preload/contract.ts';
import type { JobOptions } from '../logic/start-request.ts';
import type { StartField, StartProblems } from '../logic/start-problems.ts';

/** One job to start; the form says whether it goes on screen and what it is called. */
export type JobStart = (call: { show: boolean; name?: string }) => Promise<Result<JobSummary>>;

export type JobPlan =
  | { ok: false; problems: StartProblems }
  | {
      ok: true;
      /** Started in turn; the first failure stops the rest. */
      starts: JobStart[];
      /** After every job started. */
      done?(): void;
      /** After `started` jobs started and the next one did not: the problems to show, and a note. */
      partly(started: string[], failure: ApiError): { problems: StartProblems; notice: string | null };
    };

/** A source still loading, or one that could not: shown instead of the form. */
export interface WaitingSource {
  placeholder: ReactNode;
}

export interface ReadySource {
  title: string;
  lead: string;
  /** The button that opens the form with the other source. */
  switchLabel: string;
  /** False while something is missing: the fields say what, and there is nothing to start yet. */
  ready: boolean;
  /** False when nothing is chosen to start. */
  canStart: boolean;
  /** How many jobs a press starts. */
  jobCount: number;
  /** The source's own fields, between the form's notices and its options; ids start with `base`. */
  fields(base: string, problems: StartProblems): ReactNode;
  /** The id of the element that shows a field's problems, for the fields the source owns. */
  fieldElementId(base: string, field: StartField): string | null;
  plan(options: JobOptions): JobPlan;
}

export type JobSource = WaitingSource | ReadySource;
