import type { StartFormValues } from '../../migration/logic/start-request.ts';
import type { StartProblems } from '../../migration/logic/start-problems.ts';
import { DEFAULT_PORTS, DESTINATION_PROTOCOLS } from '../logic/server-options.ts';
import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';
import { PlaintextChoice } from './PlaintextChoice.tsx';
import { TrustField } from './TrustField.tsx';
import { ServerHostField } from './ServerHostField.tsx';

interface DestinationServerFieldsProps {
  id: string;
  values: StartFormValues['destination'];
  problems: StartProblems['byField'];
  onChange(patch: Partial<StartFormValues['destination']>): void;
}

/** The new server: name, IMAPS or IMAP, port, an optional administrator login, a trusted certificate. */
export function DestinationServerFields({ id, values, problems, onChange }: DestinationServerFieldsProps) {
  const current = DESTINATION_PROTOCOLS.find((p) => p.value === values.protocol) ?? DESTINATION_PROTOCOLS[0]!;
  return (
    <fieldset className="form-section">
      <legend>New server</legend>
      <p className="hint section-hint">Where the mail goes. Messages it already has are not copied again.</p>
      <ServerHostField
        id={id}
        placeholder="imap.new-provider.com"
        value={values.host}
        problems={problems.destinationHost}
        onChange={(host) => onChange({ host })}
      />
      <div className="inline-fields">
        <fieldset className="field radio-group">
          <legend>Protocol</legend>
          {DESTINATION_PROTOCOLS.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={`${id}-protocol`}
                value={option.value}
                checked={values.protocol === option.value}
                onChange={() => {
                  const oldDefault = String(DEFAULT_PORTS[current.port]);
                  const port =
                    values.port.trim() === '' || values.port === oldDefault
                      ? String(DEFAULT_PORTS[option.port])
                      : values.port;
                  onChange({ protocol: option.value, port });
                }}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <div className="field port-field">
          <label htmlFor={`${id}-port`}>Port</label>
          <input
            id={`${id}-port`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={problems.destinationPort?.length ? true : undefined}
            aria-describedby={describedBy(`${id}-port`, true, problems.destinationPort)}
            value={values.port}
            onChange={(e) => onChange({ port: e.target.value })}
          />
          <span id={`${id}-port-hint`} className="hint">
            Default {DEFAULT_PORTS[current.port]}
          </span>
          <ProblemList id={`${id}-port-problems`} problems={problems.destinationPort} />
        </div>
      </div>
      {values.protocol === 'imap' ? (
        <PlaintextChoice
          id={`${id}-plaintext`}
          checked={values.allowPlaintext}
          onChange={(allowPlaintext) => onChange({ allowPlaintext })}
        />
      ) : null}
      <details className="disclosure" open={values.adminUser !== '' || Boolean(problems.admin?.length)}>
        <summary>Administrator login (optional)</summary>
        <p className="hint">
          If the new server lets an administrator log in as each user, Cutover uses that login and does not
          need the users’ new passwords.
        </p>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={`${id}-admin-user`}>Administrator username</label>
            <input
              id={`${id}-admin-user`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problems.admin?.length ? true : undefined}
              aria-describedby={describedBy(`${id}-admin`, false, problems.admin)}
              value={values.adminUser}
              onChange={(e) => onChange({ adminUser: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-admin-password`}>Administrator password</label>
            <input
              id={`${id}-admin-password`}
              type="password"
              autoComplete="new-password"
              aria-invalid={problems.admin?.length ? true : undefined}
              aria-describedby={describedBy(`${id}-admin`, false, problems.admin)}
              value={values.adminPassword}
              onChange={(e) => onChange({ adminPassword: e.target.value })}
            />
          </div>
        </div>
        <ProblemList id={`${id}-admin-problems`} problems={problems.admin} />
      </details>
      <TrustField
        id={`${id}-trust`}
        value={values.trust}
        problems={problems.destinationTrust}
        onChange={(trust) => onChange({ trust })}
      />
    </fieldset>
  );
}
