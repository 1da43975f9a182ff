import type { CallArgs } from '../../../../preload/contract.ts';
import { readPort } from '../../servers/logic/server-options.ts';
import { PortField } from '../../servers/components/PortField.tsx';

type PortKey = 'imap' | 'imaps' | 'pop3' | 'pop3s' | 'submission' | 'submissions';

export interface AdvancedValues {
  resolver: string;
  ports: Partial<Record<PortKey, string>>;
}

const PORTS: ReadonlyArray<{ key: PortKey; label: string; usual: number }> = [
  { key: 'imaps', label: 'IMAP over TLS', usual: 993 },
  { key: 'imap', label: 'IMAP with STARTTLS', usual: 143 },
  { key: 'pop3s', label: 'POP3 over TLS', usual: 995 },
  { key: 'pop3', label: 'POP3 with STLS', usual: 110 },
  { key: 'submissions', label: 'Sending over TLS', usual: 465 },
  { key: 'submission', label: 'Sending with STARTTLS', usual: 587 },
];

/** The check's arguments from the advanced fields, or what is wrong with them. */
export function readAdvanced(
  values: AdvancedValues,
): Pick<CallArgs<'diagnostics.checkServer'>, 'resolver' | 'ports'> | string {
  const ports: Partial<Record<PortKey, number>> = {};
  for (const { key, label } of PORTS) {
    const text = values.ports[key]?.trim() ?? '';
    if (text === '') continue;
    const port = readPort(text);
    if (port === null)
      return `The ${label} port is a whole number from 0 to 65535, or empty for the usual one.`;
    ports[key] = port;
  }
  const resolver = values.resolver.trim();
  return { ports, ...(resolver ? { resolver } : {}) };
}

interface Props {
  id: string;
  values: AdvancedValues;
  onChange(values: AdvancedValues): void;
}

/** For IT staff: other ports than the usual ones, and which DNS server looks the names up. */
export function CheckAdvancedFields({ id, values, onChange }: Props) {
  return (
    <details className="disclosure">
      <summary>Advanced (for IT staff)</summary>
      <p className="hint">Leave these empty unless your provider uses other ports. A port of 0 skips it.</p>
      <div className="port-row">
        {PORTS.map(({ key, label, usual }) => (
          <PortField
            key={key}
            id={`${id}-port-${key}`}
            label={`${label} port`}
            placeholder={String(usual)}
            value={values.ports[key] ?? ''}
            onChange={(port) => onChange({ ...values, ports: { ...values.ports, [key]: port } })}
          />
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-resolver`}>DNS server</label>
        <span id={`${id}-resolver-hint`} className="hint">
          The address of the DNS server that looks up the names, like 192.0.2.53 or 192.0.2.53:5353. Empty:
          this computer’s own.
        </span>
        <input
          id={`${id}-resolver`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-resolver-hint`}
          value={values.resolver}
          onChange={(e) => onChange({ ...values, resolver: e.target.value })}
        />
      </div>
    </details>
  );
}
