import { describe, expect, it } from 'vitest';
import type { MxFacts, MxServerAnswer } from '../../../preload/contract.ts';
import {
  answerWords,
  describeDuration,
  propagationSummary,
  ttlWords,
  verdictWords,
} from '../../../renderer/features/tasks/logic/propagation-words.ts';

const server = (over: Partial<MxServerAnswer>): MxServerAnswer => ({
  label: 'Quad9 (9.9.9.9:53)',
  address: '9.9.9.9:53',
  role: 'resolver',
  answer: ['10 mx.new.example'],
  verdict: 'new',
  ttl: 300,
  error: null,
  ...over,
});

const facts = (servers: MxServerAnswer[]): MxFacts => {
  const answered = servers.filter((s) => s.verdict !== 'no-answer');
  return {
    domain: 'example.com',
    mxHosts: ['mx.new.example'],
    agreeing: servers.filter((s) => s.verdict === 'new').length,
    answered: answered.length,
    lagging: servers.filter((s) => s.verdict === 'old').map((s) => s.label),
    silent: servers.filter((s) => s.verdict === 'no-answer').map((s) => s.label),
    servers,
  };
};

describe('describeDuration', () => {
  it('says seconds under a minute, minutes under an hour, then hours and minutes, then days', () => {
    expect(describeDuration(1)).toBe('1 second');
    expect(describeDuration(45)).toBe('45 seconds');
    expect(describeDuration(300)).toBe('5 min');
    expect(describeDuration(301)).toBe('6 min');
    expect(describeDuration(3540)).toBe('59 min');
    expect(describeDuration(3599)).toBe('1 hour');
    expect(describeDuration(3600)).toBe('1 hour');
    expect(describeDuration(5400)).toBe('1 hour 30 min');
    expect(describeDuration(7200)).toBe('2 hours');
    expect(describeDuration(86_400)).toBe('24 hours');
    expect(describeDuration(604_800)).toBe('7 days');
  });
});

describe('propagationSummary', () => {
  it('counts every server asked, and says how many did not answer', () => {
    const mixed = facts([
      server({ role: 'authoritative' }),
      server({}),
      server({}),
      server({ verdict: 'old', answer: ['10 mx.old.example'] }),
      server({ verdict: 'no-answer', answer: null, ttl: null, error: 'timed out' }),
    ]);
    expect(propagationSummary(mixed, 'mx.new.example')).toBe(
      '3 of 5 DNS servers give mx.new.example (1 did not answer).',
    );
    expect(propagationSummary(facts([server({}), server({})]), 'mx.new.example')).toBe(
      'all 2 DNS servers give mx.new.example.',
    );
  });

  it('falls back to the counts for results stored before each server was kept', () => {
    const old: MxFacts = {
      domain: 'example.com',
      mxHosts: [],
      agreeing: 1,
      answered: 1,
      lagging: [],
      silent: ['a', 'b'],
    };
    expect(propagationSummary(old, 'mx.new.example')).toBe(
      '1 of 3 DNS servers give mx.new.example (2 did not answer).',
    );
  });
});

describe('a server’s row', () => {
  it('gives sign and words for each verdict, never colour alone', () => {
    expect(verdictWords(server({}))).toEqual({ sign: '✓', text: 'New server' });
    expect(verdictWords(server({ verdict: 'old', answer: ['10 mx.old.example'] }))).toEqual({
      sign: '✗',
      text: 'Still the old server',
    });
    expect(verdictWords(server({ verdict: 'old', answer: [] }))).toEqual({ sign: '✗', text: 'No MX record' });
    expect(verdictWords(server({ verdict: 'no-answer', answer: null }))).toEqual({
      sign: '—',
      text: 'No answer',
    });
  });

  it('names the mail servers without preference numbers, and why a server did not answer', () => {
    expect(answerWords(server({ answer: ['10 mx1.old.example', '20 mx2.old.example'] }))).toBe(
      'mx1.old.example, mx2.old.example',
    );
    expect(answerWords(server({ answer: [] }))).toBe('No MX record');
    expect(answerWords(server({ verdict: 'no-answer', answer: null, error: 'timed out' }))).toBe(
      'No answer (timed out)',
    );
  });

  it('says how long an old answer may linger', () => {
    expect(ttlWords(server({ verdict: 'old', answer: ['10 mx.old.example'], ttl: 3600 }))).toBe(
      'May keep the old answer up to 1 hour',
    );
    expect(ttlWords(server({ ttl: 300 }))).toBe('Keeps the new answer up to 5 min');
    expect(ttlWords(server({ verdict: 'no-answer', answer: null, ttl: null }))).toBe('—');
  });
});
