// The shapes every state slice shares, so a slice can be built and tested on its own.
import type { CallName, CallResults, Result } from '../../preload/contract.ts';

/** What an action that makes call N returns: main's answer, for a form to show beside its field. */
export type Answer<N extends CallName> = Promise<Result<CallResults[N]>>;

export type SetState<S> = (partial: Partial<S>) => void;
export type GetState<S> = () => S;
