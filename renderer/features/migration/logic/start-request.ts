// Turns what the start form holds into a `jobs.start` call. The few things the form can check
// by itself (ports and the number of accounts at once are numbers) are checked here; the rest
// is main's to judge, so both places never disagree.
import type { CallArgs } from '../../../../preload/contract.ts';
import { CONCURRENCY } from '../../../../shared/limits.ts';
import type { ServerFieldValues } from '../../servers/logic/server-options.ts';
import {
  PORT_LABELS,
  destinationProtocol,
  normaliseFingerprint,
  readPort,
  readPorts,
  sourceProtocol,
} from '../../servers/logic/server-options.ts';
import type { StartField, StartProblems } from './start-problems.ts';
import { FIELD_ORDER } from './start-problems.ts';

/** A server of the start form: every field of it is offered. */
export type StartServerValues = Required<ServerFieldValues>;

export interface StartFormValues {
  name: string;
  source: StartServerValues;
  destination: StartServerValues & { adminUser: string; adminPassword: string };
  users: string;
  /** The separator of the users list; empty: found from the lines. */
  delimiter: string;
  skip: string;
  translate: string;
  concurrency: string;
}

/** The options of a job, whichever way its accounts are given. */
export type JobOptions = Pick<StartFormValues, 'name' | 'skip' | 'translate' | 'concurrency'>;

export const CONCURRENCY_PROBLEM = `Accounts at once must be a whole number from ${CONCURRENCY.min} to ${CONCURRENCY.max}.`;

/** How many accounts at once, or null when the text is not a whole number in range. */
export function readConcurrency(text: string): number | null {
  const value = Number(text);
  return /^\s*\d+\s*$/.test(text) && value >= CONCURRENCY.min && value <= CONCURRENCY.max ? value : null;
}

export type StartRequest =
  { ok: true; args: CallArgs<'jobs.start'> } | { ok: false; problems: StartProblems };

export function buildStartRequest(projectId: number, values: StartFormValues): StartRequest {
  const byField: Partial<Record<StartField, string[]>> = {};
  const problem = (field: StartField, text: string) => (byField[field] ??= []).push(text);

  const { ports, problems: portProblems } = readPorts(
    sourceProtocol(values.source.protocol).ports,
    values.source.ports,
  );
  for (const text of portProblems) problem('sourcePorts', text);
  const destination = destinationProtocol(values.destination.protocol);
  const destinationPortText = values.destination.ports[destination.port];
  const destinationPort = destinationPortText.trim() === '' ? undefined : readPort(destinationPortText);
  if (destinationPort === null)
    problem(
      'destinationPort',
      `The ${PORT_LABELS[destination.port]} must be a whole number from 1 to 65535.`,
    );
  const concurrency = readConcurrency(values.concurrency);
  if (concurrency === null) problem('concurrency', CONCURRENCY_PROBLEM);
  const adminUser = values.destination.adminUser.trim();
  if (adminUser && !values.destination.adminPassword)
    problem('admin', 'Enter the administrator’s password, or leave the administrator empty.');

  const fields = FIELD_ORDER.filter((f) => byField[f]?.length);
  if (fields.length > 0 || concurrency === null)
    return { ok: false, problems: { byField, general: [], fields } };

  const sourceTrust = values.source.trust.trim();
  const destinationTrust = values.destination.trust.trim();
  return {
    ok: true,
    args: {
      projectId,
      ...(values.name.trim() ? { name: values.name.trim() } : {}),
      source: {
        host: values.source.host,
        protocol: values.source.protocol,
        ports,
        allowPlaintext: values.source.allowPlaintext,
        trustedFingerprint: sourceTrust ? normaliseFingerprint(sourceTrust) : null,
      },
      destination: {
        host: values.destination.host,
        protocol: destination.value,
        ...(destinationPort !== undefined && destinationPort !== null ? { port: destinationPort } : {}),
        allowPlaintext: values.destination.allowPlaintext,
        trustedFingerprint: destinationTrust ? normaliseFingerprint(destinationTrust) : null,
        adminUser: adminUser || null,
        adminPassword: adminUser ? values.destination.adminPassword : null,
      },
      users: values.users,
      ...(values.delimiter ? { delimiter: values.delimiter } : {}),
      skip: values.skip,
      translate: values.translate,
      concurrency,
    },
  };
}
