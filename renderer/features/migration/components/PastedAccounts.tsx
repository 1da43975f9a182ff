import type { StartProblems } from '../logic/start-problems.ts';
import type { PastedValues } from './PastedJobForm.tsx';
import { StartServerSection } from './StartServerSection.tsx';
import { StartAdminFields } from './StartAdminFields.tsx';
import { UsersField } from './UsersField.tsx';

interface PastedAccountsProps {
  /** The form's id prefix: the servers' fields start with `${base}-src` and `${base}-dst`. */
  base: string;
  values: PastedValues;
  problems: StartProblems['byField'];
  onChange(patch: Partial<PastedValues>): void;
}

/** Both servers typed in, and the pasted accounts with the bad lines main found beside them. */
export function PastedAccounts({ base, values, problems, onChange }: PastedAccountsProps) {
  const { source, destination } = values;
  return (
    <>
      <div className="server-columns">
        <StartServerSection
          id={`${base}-src`}
          role="source"
          values={source}
          problems={{ host: problems.sourceHost, ports: problems.sourcePorts, trust: problems.sourceTrust }}
          onChange={(patch) => onChange({ source: { ...source, ...patch } })}
        />
        <StartServerSection
          id={`${base}-dst`}
          role="destination"
          values={destination}
          problems={{
            host: problems.destinationHost,
            ports: problems.destinationPort,
            trust: problems.destinationTrust,
          }}
          onChange={(patch) => onChange({ destination: { ...destination, ...patch } })}
        >
          <StartAdminFields
            id={`${base}-dst-admin`}
            user={destination.adminUser}
            password={destination.adminPassword}
            problems={problems.admin}
            onChange={(patch) => onChange({ destination: { ...destination, ...patch } })}
          />
        </StartServerSection>
      </div>
      <UsersField
        id={`${base}-users`}
        value={values.users}
        delimiter={values.delimiter}
        problems={problems.users}
        onChange={(users) => onChange({ users })}
        onDelimiterChange={(delimiter) => onChange({ delimiter })}
      />
    </>
  );
}
