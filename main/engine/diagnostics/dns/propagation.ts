// Propagation: the same question to every authoritative server and every resolver, side by
// side, and which of them give the expected answer.
import type { DnsQuery, DnsQueryResult } from './dns-client.ts';
import { formatDnsServerAddress } from './dns-server-address.ts';
import type { DnsServerAddress } from './dns-server-address.ts';
import { normalizeHostName, recordText } from './dns-records.ts';
import type { DnsRecord } from './dns-records.ts';
import type {
  AskedServer,
  PropagationAnswer,
  PropagationRow,
} from '../../../../shared/reports/dns-report.ts';
import type { Authority } from './find-authorities.ts';
import { ownTtl } from './mail-records.ts';
import type { NamedResolver } from './public-resolvers.ts';

/** A question whose answers are compared. */
export interface PropagationQuestion {
  name: string;
  type: 'MX' | 'A';
  /** For MX: the destination's host, when given; then every MX must point there. */
  expectHost?: string | undefined;
}

interface Asked {
  server: AskedServer;
  address: DnsServerAddress;
  recursionDesired: boolean;
}

/** Asks every server each question in parallel and lines the answers up. */
export async function comparePropagation(input: {
  questions: PropagationQuestion[];
  authorities: Authority[];
  resolvers: NamedResolver[];
  timeoutMs: number;
  query: DnsQuery;
}): Promise<PropagationRow[]> {
  const servers: Asked[] = [
    ...input.authorities.map((authority) => ({ ...authority, recursionDesired: false })),
    ...input.resolvers.map((resolver) => ({
      server: {
        label: `${resolver.label} (${formatDnsServerAddress(resolver.address)})`,
        address: formatDnsServerAddress(resolver.address),
        role: 'resolver' as const,
      },
      address: resolver.address,
      recursionDesired: true,
    })),
  ];
  return Promise.all(
    input.questions.map(async (question) => {
      const results = await Promise.all(
        servers.map((asked) =>
          input.query(asked.address, question.name, question.type, {
            timeoutMs: input.timeoutMs,
            recursionDesired: asked.recursionDesired,
          }),
        ),
      );
      return compareAnswers(
        question,
        servers.map((asked) => asked.server),
        results,
      );
    }),
  );
}

/** Lines answers up against the expected one (pure, so it is tested on its own). */
export function compareAnswers(
  question: PropagationQuestion,
  servers: AskedServer[],
  results: DnsQueryResult[],
): PropagationRow {
  const lines = results.map((result) => (result.ok ? answerLines(question, result.answers) : null));
  const expectHost =
    question.type === 'MX' && question.expectHost ? normalizeHostName(question.expectHost) : null;
  const firstAuthority = servers.findIndex(
    (server, index) => server.role === 'authoritative' && lines[index] !== null,
  );
  const expected = expectHost ? [expectHost] : (lines[firstAuthority] ?? []);
  const answers: PropagationAnswer[] = servers.map((server, index) => {
    const result = results[index];
    const answer = lines[index] ?? null;
    const agrees =
      answer !== null &&
      (expectHost ? pointsOnlyAt(answer, expectHost) : firstAuthority >= 0 && sameLines(answer, expected));
    return {
      server,
      answer,
      ttl: result?.ok ? ownTtl(question.name, relevant(question, result.answers)) : null,
      error: result && !result.ok ? result.detail : null,
      agrees,
    };
  });
  return {
    question: `${question.type} ${question.name}`,
    expected,
    expectedFrom: expectHost ? 'expect-mx' : 'authoritative',
    answers,
    agreeing: answers.filter((answer) => answer.agrees).length,
  };
}

// The comparable part of an answer: MX as "preference host"; for A the first CNAME hop when
// there is one (an authoritative server may not follow it out of its zone), else the addresses.
function answerLines(question: PropagationQuestion, records: DnsRecord[]): string[] {
  const name = normalizeHostName(question.name);
  if (question.type === 'MX')
    return records
      .filter((record) => record.type === 'MX')
      .map(recordText)
      .sort();
  const cname = records.find((record) => record.type === 'CNAME' && normalizeHostName(record.name) === name);
  if (cname) return [`CNAME ${recordText(cname)}`];
  return records
    .filter((record) => record.type === 'A')
    .map(recordText)
    .sort();
}

function pointsOnlyAt(lines: string[], host: string): boolean {
  return lines.length > 0 && lines.every((line) => line.split(' ')[1] === host);
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

function relevant(question: PropagationQuestion, records: DnsRecord[]): DnsRecord[] {
  return records.filter((record) => record.type === question.type || record.type === 'CNAME');
}
