import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CertificateReport, ServerProfile, ServerRole } from '../../../../preload/contract.ts';
import type { PortName, SourceProtocol } from '../../servers/logic/server-options.ts';
import {
  DEFAULT_PORTS,
  DESTINATION_PROTOCOLS,
  PORT_LABELS,
  SOURCE_PROTOCOLS,
  readPort,
} from '../../servers/logic/server-options.ts';
import { describeError } from '../../../app/error-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { ConnectionResult } from './ConnectionResult.tsx';
import { AdminLoginFields } from './AdminLoginFields.tsx';

interface ServerProfileFormProps {
  projectId: number;
  role: ServerRole;
  profile: ServerProfile | null;
}

const TITLES: Record<ServerRole, { title: string; hint: string }> = {
  source: { title: 'Old server', hint: 'Where the mail is now.' },
  destination: { title: 'New server', hint: 'Where the mail goes. It is reached over IMAP.' },
};

const FIELDS_WITH_OWN_ERROR = new Set(['host', 'protocol', 'adminUser', 'adminPassword']);

/** One server of the project, with "Test connection" and trusting its certificate. */
export function ServerProfileForm({ projectId, role, profile }: ServerProfileFormProps) {
  const saveProfile = useAppState((s) => s.saveProfile);
  const testConnection = useAppState((s) => s.testConnection);
  const trustCertificate = useAppState((s) => s.trustCertificate);
  const options =
    role === 'source'
      ? SOURCE_PROTOCOLS
      : DESTINATION_PROTOCOLS.map((p) => ({ value: p.value, label: p.label, ports: [p.port] }));
  const [host, setHost] = useState(profile?.host ?? '');
  const [protocol, setProtocol] = useState<SourceProtocol>(profile?.protocol ?? 'imaps');
  const [ports, setPorts] = useState<Record<PortName, string>>(() => {
    const given = profile?.ports ?? DEFAULT_PORTS;
    return {
      imap: String(given.imap),
      imaps: String(given.imaps),
      pop3: String(given.pop3),
      pop3s: String(given.pop3s),
    };
  });
  const [pinned, setPinned] = useState(profile?.pinnedFingerprint ?? null);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState<'saving' | 'testing' | null>(null);
  const [report, setReport] = useState<CertificateReport | null>(null);
  const [saved, setSaved] = useState(false);
  const [adminUser, setAdminUser] = useState(profile?.adminUser ?? '');
  // Write-only: typed here, sent once, never read back; only whether one is stored shows.
  const [adminPassword, setAdminPassword] = useState('');
  const [hasAdminPassword, setHasAdminPassword] = useState(profile?.hasAdminPassword ?? false);
  const id = `server-${role}`;
  const shownPorts = (options.find((o) => o.value === protocol) ?? options[0]!).ports;

  /** `removeAdmin` forgets the admin login and its password. */
  const save = async (removeAdmin = false): Promise<boolean> => {
    const portValues: Partial<Record<PortName, number>> = {};
    for (const name of shownPorts) {
      const value = readPort(ports[name]);
      if (value === null) {
        setError({
          field: `port-${name}`,
          message: `${PORT_LABELS[name]} is a whole number from 0 to 65535.`,
        });
        return false;
      }
      portValues[name] = value;
    }
    const admin =
      role !== 'destination'
        ? {}
        : removeAdmin
          ? { adminUser: null }
          : { adminUser: adminUser.trim() || null, ...(adminPassword !== '' ? { adminPassword } : {}) };
    const result = await saveProfile({ projectId, role, host, protocol, ports: portValues, ...admin });
    if (!result.ok) {
      const words = describeError(result.error);
      setError({ field: words.field, message: words.message });
      return false;
    }
    setError(null);
    setPinned(result.value.pinnedFingerprint);
    setAdminUser(result.value.adminUser ?? '');
    setAdminPassword('');
    setHasAdminPassword(result.value.hasAdminPassword);
    return true;
  };

  const removeAdmin = async () => {
    setBusy('saving');
    setSaved(await save(true));
    setBusy(null);
  };

  const test = async () => {
    setBusy('testing');
    setReport(null);
    setSaved(false);
    if (await save()) {
      const result = await testConnection({ projectId, role });
      if (result.ok) setReport(result.value.report as CertificateReport);
      else
        setError({ field: null, message: `The test could not run. ${describeError(result.error).message}` });
    }
    setBusy(null);
  };

  const trust = async (fingerprint: string | null) => {
    setBusy('testing');
    const result = await trustCertificate({ projectId, role, fingerprint256: fingerprint });
    setBusy(null);
    if (!result.ok) {
      setError({ field: null, message: describeError(result.error).message });
      return;
    }
    setPinned(result.value.pinnedFingerprint);
    await test();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy('saving');
    setSaved(await save());
    setBusy(null);
  };

  const errorFor = (field: string) => (error && error.field === field ? error.message : null);
  const invalid = (field: string) => ({
    'aria-invalid': errorFor(field) ? true : undefined,
    'aria-describedby': errorFor(field) ? `${id}-${field}-error` : undefined,
  });

  return (
    <form
      className="form-section server-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h4 id={`${id}-title`} className="subsection-title">
        {TITLES[role].title}
      </h4>
      <p className="hint section-hint">{TITLES[role].hint}</p>
      <div className="field">
        <label htmlFor={`${id}-host`}>Server name</label>
        <input
          id={`${id}-host`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="imap.example.com"
          value={host}
          onChange={(e) => setHost(e.target.value)}
          {...invalid('host')}
        />
        <FieldError id={`${id}-host-error`} message={errorFor('host')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select
          id={`${id}-protocol`}
          value={protocol}
          onChange={(e) => setProtocol(e.target.value as SourceProtocol)}
          {...invalid('protocol')}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-protocol-error`} message={errorFor('protocol')} />
      </div>
      <div className="port-row">
        {shownPorts.map((name) => (
          <div key={name} className="field port-field">
            <label htmlFor={`${id}-port-${name}`}>{PORT_LABELS[name]}</label>
            <input
              id={`${id}-port-${name}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={ports[name]}
              onChange={(e) => setPorts({ ...ports, [name]: e.target.value })}
              {...invalid(`port-${name}`)}
            />
            <FieldError id={`${id}-port-${name}-error`} message={errorFor(`port-${name}`)} />
          </div>
        ))}
      </div>
      {role === 'destination' ? (
        <AdminLoginFields
          id={`${id}-admin`}
          user={adminUser}
          password={adminPassword}
          hasPassword={hasAdminPassword}
          busy={busy !== null}
          userError={errorFor('adminUser')}
          passwordError={errorFor('adminPassword')}
          onUser={(value) => {
            setAdminUser(value);
            setSaved(false);
          }}
          onPassword={(value) => {
            setAdminPassword(value);
            setSaved(false);
          }}
          onRemove={() => void removeAdmin()}
        />
      ) : null}
      {error && !FIELDS_WITH_OWN_ERROR.has(error.field ?? '') && !error.field?.startsWith('port-') ? (
        <FieldError id={`${id}-error`} message={error.message} />
      ) : null}
      {pinned ? (
        <div className="pinned">
          <p>
            <span aria-hidden="true">✓ </span>Trusted certificate for this server only:{' '}
            <span className="fingerprint">{pinned}</span>
          </p>
          <button type="button" className="button button-small" onClick={() => void trust(null)}>
            Stop trusting it
          </button>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button">
          {busy === 'saving' ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy !== null || undefined}
          onClick={() => void test()}
        >
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <span role="status" className="saved-note">
          {saved ? '✓ Saved' : busy === 'testing' ? 'Connecting to the server…' : ''}
        </span>
      </div>
      {report ? (
        <ConnectionResult report={report} busy={busy !== null} onTrust={(fp) => void trust(fp)} />
      ) : null}
    </form>
  );
}
