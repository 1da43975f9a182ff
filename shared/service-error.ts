import type { ErrorCode } from '../preload/contract.ts';

/** An error a service raises on purpose: its code reaches the UI unchanged. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.field = field;
  }
}
