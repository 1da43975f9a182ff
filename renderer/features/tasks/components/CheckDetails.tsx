import type { TaskCheckDetails } from '../../../../preload/contract.ts';
import { MxPropagation } from './MxPropagation.tsx';

/** The facts behind a check's summary, folded away: the records to add, each login's result. */
export function CheckDetails({ details }: { details: TaskCheckDetails }) {
  if (details.kind === 'dns-srv') {
    const todo = details.records.filter((r) => r.status !== 'present');
    if (todo.length === 0) return null;
    return (
      <details className="disclosure">
        <summary>The records to add ({todo.length})</summary>
        <p className="hint">Add these lines at your DNS provider, exactly as written:</p>
        <pre className="zone-lines">{todo.map((r) => r.zoneLine).join('\n')}</pre>
      </details>
    );
  }
  if (details.kind === 'destination-logins') {
    return (
      <details className="disclosure">
        <summary>Each account ({details.accounts.length})</summary>
        <ul className="login-results">
          {details.accounts.map((a) => (
            <li key={a.accountId}>
              <span aria-hidden="true">{a.ok ? '✓' : '✗'}</span> <strong>{a.localUsername}</strong>:{' '}
              {a.ok ? 'can log in. ' : 'cannot log in yet. '}
              {a.message}
            </li>
          ))}
        </ul>
      </details>
    );
  }
  if (details.kind === 'dns-ttl-record' || details.kind === 'dns-ttl-lower') {
    return (
      <details className="disclosure">
        <summary>TTLs found</summary>
        <ul className="login-results">
          {details.domains.map((d) => (
            <li key={d.domain}>
              <strong>{d.domain}</strong>:{' '}
              {d.error ?? `MX ${d.mxHosts.join(', ') || 'none'}, TTL ${d.mxTtl ?? 'unknown'} seconds`}
            </li>
          ))}
        </ul>
      </details>
    );
  }
  if (details.kind === 'dns-propagation') {
    return <MxPropagation expectedMx={details.expectedMx} domains={details.domains} />;
  }
  if (details.kind === 'dns-mx-points') {
    return (
      <details className="disclosure">
        <summary>Each DNS server’s answer</summary>
        <MxPropagation expectedMx={details.expectedMx} domains={details.domains} />
      </details>
    );
  }
  return null;
}
