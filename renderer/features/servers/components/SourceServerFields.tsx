import type { StartFormValues } from '../../migration/logic/start-request.ts';
import type { StartProblems } from '../../migration/logic/start-problems.ts';
import type { SourceProtocol } from '../logic/server-options.ts';
import {
  DEFAULT_PORTS,
  PORT_LABELS,
  SOURCE_PROTOCOLS,
  mayBePlaintext,
  sourceProtocol,
} from '../logic/server-options.ts';
import { ProblemList } from '../../../ui/ProblemList.tsx';
import { PlaintextChoice } from './PlaintextChoice.tsx';
import { TrustField } from './TrustField.tsx';
import { ServerHostField } from './ServerHostField.tsx';

interface SourceServerFieldsProps {
  id: string;
  values: StartFormValues['source'];
  problems: StartProblems['byField'];
  onChange(patch: Partial<StartFormValues['source']>): void;
}

/** The old server: name, protocol, the ports that protocol uses, plain text, and a trusted certificate. */
export function SourceServerFields({ id, values, problems, onChange }: SourceServerFieldsProps) {
  const protocol = sourceProtocol(values.protocol);
  const portProblems = problems.sourcePorts;
  return (
    <fieldset className="form-section">
      <legend>Old server</legend>
      <p className="hint section-hint">
        Where the mail is now. Cutover only reads from it and never marks mail as read.
      </p>
      <ServerHostField
        id={id}
        placeholder="imap.old-provider.com"
        value={values.host}
        problems={problems.sourceHost}
        onChange={(host) => onChange({ host })}
      />
      <div className="field">
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select
          id={`${id}-protocol`}
          value={values.protocol}
          onChange={(e) => onChange({ protocol: e.target.value as SourceProtocol })}
        >
          {SOURCE_PROTOCOLS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="port-row" id={`${id}-ports`}>
        {protocol.ports.map((name) => (
          <div className="field port-field" key={name}>
            <label htmlFor={`${id}-port-${name}`}>{PORT_LABELS[name]}</label>
            <input
              id={`${id}-port-${name}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={portProblems?.length ? true : undefined}
              aria-describedby={[
                `${id}-port-${name}-hint`,
                portProblems?.length ? `${id}-ports-problems` : '',
              ]
                .filter(Boolean)
                .join(' ')}
              value={values.ports[name]}
              onChange={(e) => onChange({ ports: { ...values.ports, [name]: e.target.value } })}
            />
            <span id={`${id}-port-${name}-hint`} className="hint">
              Default {DEFAULT_PORTS[name]}
            </span>
          </div>
        ))}
      </div>
      {values.protocol === 'auto' ? (
        <p className="hint">The encrypted port is used when it is set; 0 turns a port off.</p>
      ) : null}
      <ProblemList id={`${id}-ports-problems`} problems={portProblems} />
      {mayBePlaintext(values.protocol) ? (
        <PlaintextChoice
          id={`${id}-plaintext`}
          checked={values.allowPlaintext}
          onChange={(allowPlaintext) => onChange({ allowPlaintext })}
        />
      ) : null}
      <TrustField
        id={`${id}-trust`}
        value={values.trust}
        problems={problems.sourceTrust}
        onChange={(trust) => onChange({ trust })}
      />
    </fieldset>
  );
}
