// Words for the MX propagation table: which DNS servers give the new server, how long an old
// answer may linger, in minutes and hours rather than seconds. Pure, so unit tests cover them.
import type { MxFacts, MxServerAnswer } from '../../../../preload/contract.ts';

/** 45 → "45 seconds", 300 → "5 min", 5400 → "1 hour 30 min", 86400 → "24 hours" (minutes rounded up). */
export function describeDuration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.ceil(minutes / 1440)} days`;
  const rest = minutes % 60;
  return `${hours === 1 ? '1 hour' : `${hours} hours`}${rest > 0 ? ` ${rest} min` : ''}`;
}

/** "3 of 5 DNS servers give mx.new.example", with how many did not answer; follows "domain: ". */
export function propagationSummary(facts: MxFacts, expectedMx: string): string {
  const servers = facts.servers ?? [];
  const asked = servers.length > 0 ? servers.length : facts.answered + facts.silent.length;
  const silent = facts.silent.length;
  const giving =
    facts.agreeing === asked && asked > 0
      ? `all ${asked} DNS servers give ${expectedMx}`
      : `${facts.agreeing} of ${asked} DNS ${asked === 1 ? 'server gives' : 'servers give'} ${expectedMx}`;
  return silent > 0 ? `${giving} (${silent} did not answer).` : `${giving}.`;
}

/** The verdict cell: a sign and words, so colour is never the only signal. */
export function verdictWords(server: MxServerAnswer): { sign: '✓' | '✗' | '—'; text: string } {
  if (server.verdict === 'new') return { sign: '✓', text: 'New server' };
  if (server.verdict === 'no-answer') return { sign: '—', text: 'No answer' };
  if (server.answer !== null && server.answer.length === 0) return { sign: '✗', text: 'No MX record' };
  return { sign: '✗', text: 'Still the old server' };
}

/** The answer cell: the mail servers named, without the preference numbers. */
export function answerWords(server: MxServerAnswer): string {
  if (server.answer === null) return server.error ? `No answer (${server.error})` : 'No answer';
  if (server.answer.length === 0) return 'No MX record';
  return server.answer.map((line) => line.split(' ').at(-1) ?? line).join(', ');
}

/** The TTL cell: how long this server (and caches behind it) may keep the answer it gave. */
export function ttlWords(server: MxServerAnswer): string {
  if (server.verdict === 'no-answer' || server.ttl === null) return '—';
  const time = describeDuration(server.ttl);
  return server.verdict === 'new'
    ? `Keeps the new answer up to ${time}`
    : `May keep the old answer up to ${time}`;
}

/** "Quad9 (9.9.9.9:53)" → "Quad9": the address is shown on a line of its own. */
export function serverName(server: MxServerAnswer): string {
  const suffix = ` (${server.address})`;
  return server.label.endsWith(suffix) ? server.label.slice(0, -suffix.length) : server.label;
}

export const ROLE_WORDS: Readonly<Record<MxServerAnswer['role'], string>> = {
  authoritative: 'Your DNS provider',
  resolver: 'Public DNS resolver',
};
