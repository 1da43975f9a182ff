import type { MxFacts } from '../../../../preload/contract.ts';
import {
  ROLE_WORDS,
  answerWords,
  describeDuration,
  serverName,
  propagationSummary,
  ttlWords,
  verdictWords,
} from '../logic/propagation-words.ts';

/** Per domain, every DNS server asked about its MX: what it answers and how long it may keep it. */
export function MxPropagation({ expectedMx, domains }: { expectedMx: string; domains: MxFacts[] }) {
  return (
    <div className="propagation">
      {domains.map((facts) => (
        <DomainTable key={facts.domain} facts={facts} expectedMx={expectedMx} />
      ))}
    </div>
  );
}

function DomainTable({ facts, expectedMx }: { facts: MxFacts; expectedMx: string }) {
  const servers = facts.servers ?? [];
  const id = `propagation-${facts.domain.replace(/[^a-z0-9-]/gi, '-')}`;
  const lingering = facts.recordedMxTtl ?? null;
  return (
    <section className="propagation-domain" aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`} className="propagation-title">
        {facts.domain}: {propagationSummary(facts, expectedMx)}
      </h5>
      {servers.length === 0 ? (
        <p className="muted">Check again to see each DNS server’s answer.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table propagation-table">
            <caption className="visually-hidden">DNS servers asked about the MX of {facts.domain}</caption>
            <thead>
              <tr>
                <th scope="col">DNS server</th>
                <th scope="col">Mail goes to</th>
                <th scope="col">Gives the new server?</th>
                <th scope="col">How long it may keep this answer (TTL)</th>
              </tr>
            </thead>
            <tbody>
              {servers.map((server) => {
                const verdict = verdictWords(server);
                return (
                  <tr key={`${server.role}-${server.label}`} className={`verdict-${server.verdict}`}>
                    <th scope="row" className="propagation-server">
                      <span className="propagation-name">{serverName(server)}</span>
                      <span className="propagation-role">
                        {ROLE_WORDS[server.role]} · {server.address}
                      </span>
                    </th>
                    <td className="propagation-answer" data-label="Mail goes to">
                      {answerWords(server)}
                    </td>
                    <td className="propagation-verdict" data-label="Status">
                      <span aria-hidden="true" className="propagation-sign">
                        {verdict.sign}
                      </span>{' '}
                      {verdict.text}
                    </td>
                    <td data-label="TTL">{ttlWords(server)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {lingering !== null && facts.agreeing < servers.length ? (
        <p className="hint">
          Before the change the MX TTL was {describeDuration(lingering)} (recorded on the Prepare page), so
          some senders may use the old server for up to {describeDuration(lingering)} after the change.
        </p>
      ) : null}
    </section>
  );
}
