/** A server's "slow down", and how long it asked Cutover to wait, when it said. */
export interface ThrottleReply {
  /** Microsoft 365 (Exchange Online) words its replies its own way; the log names it. */
  byMicrosoft: boolean;
  /** The wait the server suggested, in milliseconds, or null when it named none. */
  suggestedMs: number | null;
  /** Of that, what imapflow already waited before it gave the error up (it parks the reply). */
  waitedMs: number;
}

interface RawReply {
  code?: string;
  serverResponseCode?: string;
  responseText?: string;
  message?: string;
  /** imapflow's reading of Microsoft's "Suggested Backoff Time" (code ETHROTTLE). */
  throttleReset?: number;
  throttleWaited?: number;
}

// Exchange Online: "NO Request is throttled. Suggested Backoff Time: 299609 milliseconds" (also
// as BAD), and "NO Server Unavailable. 15" while a mailbox is busy or overloaded.
const MICROSOFT_THROTTLED = /Request is throttled/i;
const MICROSOFT_BACKOFF = /Suggested Backoff Time:?\s*(\d+)\s*milliseconds/i;
const MICROSOFT_UNAVAILABLE = /^Server Unavailable\.(\s*\d+)?$/i;

/**
 * Whether an error is the server asking Cutover to slow down (never a refusal of the message or
 * the folder), in any of the ways servers say it: Microsoft 365's words, RFC 5530's UNAVAILABLE,
 * Dovecot's IN-USE and LOGIN-DELAY, "too many connections".
 */
export function throttleReplyOf(error: unknown): ThrottleReply | null {
  if (error === null || typeof error !== 'object') return null;
  const raw = error as RawReply;
  const text = (raw.responseText ?? '').trim();
  const response = (raw.serverResponseCode ?? '').toUpperCase();
  if (raw.code === 'ETHROTTLE' || MICROSOFT_THROTTLED.test(text) || MICROSOFT_UNAVAILABLE.test(text)) {
    const hinted = raw.throttleReset ?? Number(MICROSOFT_BACKOFF.exec(text)?.[1] ?? NaN);
    return {
      byMicrosoft: true,
      suggestedMs: Number.isFinite(hinted) && hinted >= 0 ? hinted : null,
      waitedMs: raw.throttleWaited ?? 0,
    };
  }
  if (
    ['UNAVAILABLE', 'IN-USE', 'LOGIN-DELAY', 'THROTTLED'].includes(response) ||
    /too many (connections|requests)|throttl/i.test(`${text} ${raw.message ?? ''}`)
  ) {
    return { byMicrosoft: false, suggestedMs: null, waitedMs: 0 };
  }
  return null;
}
