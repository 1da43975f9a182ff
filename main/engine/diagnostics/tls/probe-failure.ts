// The one error type the probe throws, so every way a port can fail ends up as a kind
// (refused, timed out, no TLS...) that a report can put into words.
import type { PortFailureKind } from '../../../../shared/reports/certificate-report.ts';

/** A port failed in a way the report names. */
export class ProbeFailure extends Error {
  readonly kind: PortFailureKind;

  constructor(kind: PortFailureKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
