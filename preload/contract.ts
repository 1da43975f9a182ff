// The API contract between the UI and main: every call (request → response) and every pushed
// event. Each call is declared once, in its domain's file under contract/, as its argument
// schema and its result type; the call names, the API on `window.cutover` and the handler
// table are derived from those declarations. Main validates arguments with the schemas; the
// renderer imports only the types (`import type`), so zod never reaches the browser bundle.
import type { z } from 'zod';
import type { ResultOf } from './contract/define.ts';
import type { EventName, EventPayloads, LogLine, Progress, Result } from './contract/types.ts';
import { appCalls } from './contract/app.ts';
import { projectsCalls } from './contract/projects.ts';
import { accountsCalls } from './contract/accounts.ts';
import { aliasesCalls } from './contract/aliases.ts';
import { provisioningCalls } from './contract/provisioning.ts';
import { profilesCalls } from './contract/profiles.ts';
import { playbookCalls } from './contract/playbook.ts';
import { timelineCalls } from './contract/timeline.ts';
import { noticesCalls } from './contract/notices.ts';
import { jobsCalls } from './contract/jobs.ts';
import { diagnosticsCalls } from './contract/diagnostics.ts';
import { eventsCalls } from './contract/events.ts';

export * from './contract/types.ts';

/** Every call of the API, by name (`domain.method`). */
export const calls = {
  ...appCalls,
  ...projectsCalls,
  ...accountsCalls,
  ...aliasesCalls,
  ...provisioningCalls,
  ...profilesCalls,
  ...playbookCalls,
  ...timelineCalls,
  ...noticesCalls,
  ...jobsCalls,
  ...diagnosticsCalls,
  ...eventsCalls,
} as const;

type Calls = typeof calls;
export type CallName = keyof Calls;

/** Schemas for the arguments of every call, keyed by call name. */
export const callSchemas = Object.fromEntries(
  Object.entries(calls).map(([name, declared]) => [name, declared.args]),
) as { [N in CallName]: Calls[N]['args'] };

/** What a caller passes (defaults may be left out). */
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
/** What a handler receives after validation (defaults filled in). */
export type ValidCallArgs<N extends CallName> = z.output<Calls[N]['args']>;
/** The result type of every call, keyed by call name. */
export type CallResults = { [N in CallName]: ResultOf<Calls[N]> };

export type Invoke = <N extends CallName>(name: N, args: CallArgs<N>) => Promise<Result<CallResults[N]>>;
export type Subscribe = <E extends EventName>(
  name: E,
  listener: (payload: EventPayloads[E]) => void,
) => () => void;

type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
export type CallDomain = DomainOf<CallName>;

/** One call as a function: its arguments may be left out where every field is optional. */
type CallFunction<N extends CallName> =
  Record<string, never> extends CallArgs<N>
    ? (args?: CallArgs<N>) => Promise<Result<CallResults[N]>>
    : (args: CallArgs<N>) => Promise<Result<CallResults[N]>>;

/** The named functions the renderer sees on `window.cutover`: `api.jobs.pause({ name })`. */
export type CutoverApi = {
  [D in CallDomain]: { [N in CallName as N extends `${D}.${infer M}` ? M : never]: CallFunction<N> };
} & {
  events: {
    onProgress(listener: (progress: Progress) => void): () => void;
    onLogLine(listener: (line: LogLine) => void): () => void;
    /** A sign-in page to open in the browser (`jobs.signInAccount`). */
    onSignInPage(listener: (page: EventPayloads['signIn.open']) => void): () => void;
  };
};

/** Every call name, for the transports that register one handler per call. */
export const callNames = Object.keys(calls) as CallName[];
