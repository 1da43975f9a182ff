import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CertificateReport, ServerProfile, ServerRole } from '../../../../preload/contract.ts';
import type { ServerFieldValues } from '../../servers/logic/server-options.ts';
import { SERVER_ROLE_WORDS, portTexts, portsOf, readPorts } from '../../servers/logic/server-options.ts';
import type { ServerFieldProblems } from '../../servers/components/ServerFields.tsx';
import { ServerFields } from '../../servers/components/ServerFields.tsx';
import { describeError } from '../../../app/error-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { ConnectionResult } from './ConnectionResult.tsx';
import { AdminLoginFields } from './AdminLoginFields.tsx';
import { ProviderChoice } from '../../servers/components/ProviderChoice.tsx';
import { SignInFields } from '../../servers/components/SignInFields.tsx';
import { useServerSignIn } from './use-server-sign-in.ts';

interface ServerProfileFormProps {
  projectId: number;
  role: ServerRole;
  profile: ServerProfile | null;
}

/** The fields that show their own error; any other error shows below them all. */
const SERVER_FIELDS = new Set<string>(['host', 'protocol', 'ports']);
const FIELDS_WITH_OWN_ERROR = new Set([...SERVER_FIELDS, 'adminUser', 'adminPassword', 'signIn']);

/**
 * One server of the project: its provider (a preset fills in the server), how its mailboxes sign
 * in, "Test connection" and trusting its certificate.
 */
export function ServerProfileForm({ projectId, role, profile }: ServerProfileFormProps) {
  const saveProfile = useAppState((s) => s.saveProfile);
  const testConnection = useAppState((s) => s.testConnection);
  const trustCertificate = useAppState((s) => s.trustCertificate);
  const [server, setServer] = useState<ServerFieldValues>(() => ({
    host: profile?.host ?? '',
    protocol: profile?.protocol ?? 'imaps',
    ports: portTexts(profile?.ports),
  }));
  const [pinned, setPinned] = useState(profile?.pinnedFingerprint ?? null);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState<'saving' | 'testing' | null>(null);
  const [report, setReport] = useState<CertificateReport | null>(null);
  const [saved, setSaved] = useState(false);
  const [adminUser, setAdminUser] = useState(profile?.adminUser ?? '');
  // Write-only: typed here, sent once, never read back; only whether one is stored shows.
  const [adminPassword, setAdminPassword] = useState('');
  const [hasAdminPassword, setHasAdminPassword] = useState(profile?.hasAdminPassword ?? false);
  const signIn = useServerSignIn(profile, setServer);
  const id = `server-${role}`;

  /** `removeAdmin` forgets the admin login and its password. */
  const save = async (removeAdmin = false): Promise<boolean> => {
    const { ports, problems } = readPorts(portsOf(role, server.protocol), server.ports);
    if (problems.length > 0) {
      setError({ field: 'ports', message: problems.join(' ') });
      return false;
    }
    const sendSignIn = signIn.toSend();
    if (!sendSignIn.ok) {
      setError({ field: 'signIn', message: sendSignIn.problem });
      return false;
    }
    const admin =
      role !== 'destination' || signIn.provider !== 'other'
        ? {}
        : removeAdmin
          ? { adminUser: null }
          : { adminUser: adminUser.trim() || null, ...(adminPassword !== '' ? { adminPassword } : {}) };
    const result = await saveProfile({
      projectId,
      role,
      host: server.host,
      protocol: server.protocol,
      ports,
      ...admin,
      ...(sendSignIn.request ? { signIn: sendSignIn.request } : {}),
    });
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
    signIn.saved(result.value.signIn);
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
  const serverProblems: ServerFieldProblems =
    error?.field && SERVER_FIELDS.has(error.field) ? { [error.field]: [error.message] } : {};

  return (
    <form
      className="form-section server-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h4 id={`${id}-title`} className="subsection-title">
        {SERVER_ROLE_WORDS[role].title}
      </h4>
      <p className="hint section-hint">{SERVER_ROLE_WORDS[role].hint}</p>
      <ProviderChoice
        id={`${id}-provider`}
        value={signIn.provider}
        onChange={(provider) => {
          signIn.chooseProvider(provider);
          setSaved(false);
        }}
      />
      <ServerFields
        id={id}
        role={role}
        values={server}
        problems={serverProblems}
        onChange={(patch) => setServer((v) => ({ ...v, ...patch }))}
      />
      {signIn.provider !== 'other' ? (
        <SignInFields
          id={`${id}-sign-in`}
          provider={signIn.provider}
          values={signIn.values}
          stored={signIn.stored}
          error={errorFor('signIn')}
          onChange={(patch) => {
            signIn.change(patch);
            setSaved(false);
          }}
        />
      ) : null}
      {role === 'destination' && signIn.provider === 'other' ? (
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
      {error && !FIELDS_WITH_OWN_ERROR.has(error.field ?? '') ? (
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
