import type { z } from 'zod';

/** One API call, declared once: its argument schema, and (as a type) what it answers. */
export interface Call<S extends z.ZodType, R> {
  readonly args: S;
  /** Never called: it carries the result type for the contract's mapped types. */
  readonly result: (value: R) => void;
}

const answers = () => {};

/** `call<Result>()(schema)`: the result type is given, the schema's types are inferred. */
export const call =
  <R>() =>
  <S extends z.ZodType>(args: S): Call<S, R> => ({ args, result: answers });

/** What a declared call answers. */
export type ResultOf<C> = C extends Call<z.ZodType, infer R> ? R : never;
