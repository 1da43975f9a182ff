import type { ReactNode } from 'react';
import type { ServerRole } from '../../../../preload/contract.ts';
import type { PortName, ServerFieldValues, SourceProtocol } from '../logic/server-options.ts';
import {
  DEFAULT_PORTS,
  PORT_LABELS,
  SERVER_ROLE_WORDS,
  mayBePlaintext,
  portsOf,
  protocolOptions,
} from '../logic/server-options.ts';
import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';
import { PlaintextChoice } from './PlaintextChoice.tsx';
import { TrustField } from './TrustField.tsx';
import { ServerHostField } from './ServerHostField.tsx';
import { PortField } from './PortField.tsx';

export type ServerFieldProblems = Partial<Record<'host' | 'protocol' | 'ports' | 'trust', readonly string[]>>;

interface ServerFieldsProps {
  /** Prefix of the fields' ids; `serverFieldId` names each one. */
  id: string;
  role: ServerRole;
  values: ServerFieldValues;
  problems: ServerFieldProblems;
  onChange(patch: Partial<ServerFieldValues>): void;
  /** Shown after the connection fields, before the Advanced part. */
  children?: ReactNode;
}

/** The id of one field, for focusing the first one with a problem. */
export function serverFieldId(id: string, field: 'host' | 'trust' | PortName): string {
  return field === 'host' || field === 'trust' ? `${id}-${field}` : `${id}-port-${field}`;
}

/**
 * A server's name, protocol, the ports that protocol uses and, where the form offers them, an
 * unencrypted connection and a trusted certificate: the same fields wherever a server is asked for.
 */
export function ServerFields({ id, role, values, problems, onChange, children }: ServerFieldsProps) {
  const portProblems = problems.ports;
  return (
    <>
      <ServerHostField
        id={id}
        placeholder={SERVER_ROLE_WORDS[role].placeholder}
        value={values.host}
        problems={problems.host}
        onChange={(host) => onChange({ host })}
      />
      <div className="field">
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select
          id={`${id}-protocol`}
          value={values.protocol}
          aria-invalid={problems.protocol?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-protocol`, false, problems.protocol)}
          onChange={(e) => onChange({ protocol: e.target.value as SourceProtocol })}
        >
          {protocolOptions(role).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ProblemList id={`${id}-protocol-problems`} problems={problems.protocol} />
      </div>
      <div className="port-row" id={`${id}-ports`}>
        {portsOf(role, values.protocol).map((name) => (
          <PortField
            key={name}
            id={serverFieldId(id, name)}
            label={PORT_LABELS[name]}
            hint={`Default ${DEFAULT_PORTS[name]}`}
            problemsId={portProblems?.length ? `${id}-ports-problems` : null}
            value={values.ports[name]}
            onChange={(port) => onChange({ ports: { ...values.ports, [name]: port } })}
          />
        ))}
      </div>
      {values.protocol === 'auto' ? (
        <p className="hint">The encrypted port is used when it is set; 0 turns a port off.</p>
      ) : null}
      <ProblemList id={`${id}-ports-problems`} problems={portProblems} />
      {values.allowPlaintext !== undefined && mayBePlaintext(values.protocol) ? (
        <PlaintextChoice
          id={`${id}-plaintext`}
          checked={values.allowPlaintext}
          onChange={(allowPlaintext) => onChange({ allowPlaintext })}
        />
      ) : null}
      {children}
      {values.trust !== undefined ? (
        <TrustField
          id={serverFieldId(id, 'trust')}
          value={values.trust}
          problems={problems.trust}
          onChange={(trust) => onChange({ trust })}
        />
      ) : null}
    </>
  );
}
