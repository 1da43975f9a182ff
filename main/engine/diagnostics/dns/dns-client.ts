// Asks one DNS server one question over UDP (TCP when the answer is truncated), because the
// diagnostics need TTLs and answers from a named server, which node:dns does not give.
import { createSocket } from 'node:dgram';
import { isIP, connect as tcpConnect } from 'node:net';
import { randomInt } from 'node:crypto';
import { decode, encode, streamEncode, RECURSION_DESIRED } from 'dns-packet';
import type { Answer, DecodedPacket, Packet } from 'dns-packet';
import type { DnsServerAddress } from './dns-server-address.ts';
import type { DnsRecord, DnsRecordType } from './dns-records.ts';

/** How to ask: resolvers want recursion, authoritative servers are asked without it. */
export interface DnsQueryOptions {
  timeoutMs: number;
  recursionDesired: boolean;
}

/** Why a server gave no answer at all (an empty answer or NXDOMAIN is still an answer). */
export type DnsQueryFailure = 'timed-out' | 'refused' | 'network' | 'bad-response';

/** One server's reply, or why there was none. */
export type DnsQueryResult =
  | {
      ok: true;
      /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED... as the server said it. */
      rcode: string;
      authoritative: boolean;
      answers: DnsRecord[];
      authorities: DnsRecord[];
    }
  | { ok: false; error: DnsQueryFailure; detail: string };

/** The question-asking function, injectable so services can be tested without sockets. */
export type DnsQuery = (
  server: DnsServerAddress,
  name: string,
  type: DnsRecordType,
  options: DnsQueryOptions,
) => Promise<DnsQueryResult>;

/** Sends the question over UDP, retries once, and repeats it over TCP if the reply was cut. */
export const queryDns: DnsQuery = async (server, name, type, options) => {
  const deadline = Date.now() + options.timeoutMs;
  const id = randomInt(0, 65536);
  const packet: Packet = {
    type: 'query',
    id,
    flags: options.recursionDesired ? RECURSION_DESIRED : 0,
    questions: [{ type, name, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      },
    ],
  };
  try {
    let reply = await overUdp(server, encode(packet), id, deadline);
    if (reply.flag_tc) reply = await overTcp(server, streamEncode(packet), id, deadline);
    return {
      ok: true,
      rcode: (reply as DecodedPacket & { rcode?: string }).rcode ?? 'NOERROR',
      authoritative: reply.flag_aa,
      answers: toRecords(reply.answers),
      authorities: toRecords(reply.authorities),
    };
  } catch (error) {
    return { ok: false, ...describeFailure(error, server, options.timeoutMs) };
  }
};

class QueryTimeout extends Error {}
class BadResponse extends Error {}

function overUdp(
  server: DnsServerAddress,
  message: Buffer,
  id: number,
  deadline: number,
): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIP(server.host) === 6 ? 'udp6' : 'udp4');
    const finish = (error: Error | null, reply?: DecodedPacket) => {
      clearTimeout(timer);
      clearTimeout(retry);
      socket.close();
      if (error) reject(error);
      else if (reply) resolve(reply);
    };
    const timer = setTimeout(() => finish(new QueryTimeout()), Math.max(0, deadline - Date.now()));
    // One resend halfway, for a datagram lost on a real network.
    const retry = setTimeout(() => socket.send(message), Math.max(0, (deadline - Date.now()) / 2));
    socket.on('error', (error) => finish(error));
    socket.on('message', (data) => {
      const reply = tryDecode(data);
      if (reply && reply.id === id && reply.type === 'response') finish(null, reply);
    });
    socket.connect(server.port, server.host, () => socket.send(message));
  });
}

function overTcp(
  server: DnsServerAddress,
  message: Buffer,
  id: number,
  deadline: number,
): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: server.host, port: server.port });
    let buffered = Buffer.alloc(0);
    const finish = (error: Error | null, reply?: DecodedPacket) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else if (reply) resolve(reply);
    };
    const timer = setTimeout(() => finish(new QueryTimeout()), Math.max(0, deadline - Date.now()));
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => socket.write(message));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) return;
      const reply = tryDecode(buffered.subarray(2, 2 + length));
      if (reply && reply.id === id) finish(null, reply);
      else finish(new BadResponse('the server sent a reply that is not a DNS answer'));
    });
    socket.on('end', () => finish(new BadResponse('the server closed the connection without answering')));
  });
}

function tryDecode(data: Buffer): DecodedPacket | null {
  try {
    return decode(data);
  } catch {
    return null;
  }
}

function toRecords(answers: Answer[] | undefined): DnsRecord[] {
  const records: DnsRecord[] = [];
  for (const answer of answers ?? []) {
    const record = toRecord(answer);
    if (record) records.push(record);
  }
  return records;
}

function toRecord(answer: Answer): DnsRecord | null {
  const name = answer.name.toLowerCase();
  const ttl = 'ttl' in answer ? (answer.ttl ?? 0) : 0;
  switch (answer.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
      return { name, type: answer.type, ttl, value: answer.data };
    case 'MX':
      return {
        name,
        type: 'MX',
        ttl,
        value: { preference: answer.data.preference ?? 0, exchange: answer.data.exchange },
      };
    case 'SRV': {
      const { priority = 0, weight = 0, port, target } = answer.data;
      return { name, type: 'SRV', ttl, value: { priority, weight, port, target } };
    }
    case 'TXT': {
      // A TXT record is one or more strings of at most 255 bytes, read as one text.
      const parts = Array.isArray(answer.data) ? answer.data : [answer.data];
      return { name, type: 'TXT', ttl, value: parts.map((part) => part.toString()).join('') };
    }
    case 'SOA':
      return { name, type: 'SOA', ttl, value: { mname: answer.data.mname, rname: answer.data.rname } };
    default:
      return null;
  }
}

function describeFailure(
  error: unknown,
  server: DnsServerAddress,
  timeoutMs: number,
): { error: DnsQueryFailure; detail: string } {
  const where = `${server.host} port ${server.port}`;
  if (error instanceof QueryTimeout) {
    return { error: 'timed-out', detail: `${where} did not answer within ${timeoutMs / 1000} s` };
  }
  if (error instanceof BadResponse) return { error: 'bad-response', detail: `${where}: ${error.message}` };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') {
    return { error: 'refused', detail: `nothing answers DNS at ${where} (connection refused)` };
  }
  return { error: 'network', detail: `${where}: ${(error as Error).message}` };
}
