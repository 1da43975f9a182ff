import type { ReactNode } from 'react';
import type { ServerRole } from '../../../../preload/contract.ts';
import type { ServerFieldProblems } from '../../servers/components/ServerFields.tsx';
import { ServerFields } from '../../servers/components/ServerFields.tsx';
import { SERVER_ROLE_WORDS } from '../../servers/logic/server-options.ts';
import type { StartServerValues } from '../logic/start-request.ts';

interface StartServerSectionProps {
  id: string;
  role: ServerRole;
  values: StartServerValues;
  problems: ServerFieldProblems;
  onChange(patch: Partial<StartServerValues>): void;
  /** Shown before the Advanced part: the new server's administrator login. */
  children?: ReactNode;
}

/** One server of the pasted-list form, as a group of its own. */
export function StartServerSection({
  id,
  role,
  values,
  problems,
  onChange,
  children,
}: StartServerSectionProps) {
  return (
    <fieldset className="form-section">
      <legend>{SERVER_ROLE_WORDS[role].title}</legend>
      <p className="hint section-hint">{SERVER_ROLE_WORDS[role].hint}</p>
      <ServerFields id={id} role={role} values={values} problems={problems} onChange={onChange}>
        {children}
      </ServerFields>
    </fieldset>
  );
}
