// The server form's provider and sign-in state: the provider choice fills in the server, the
// sign-in's secrets are typed once and forgotten here once saved.
import { useState } from 'react';
import type { ProfileSignIn, ServerProfile } from '../../../../preload/contract.ts';
import type { ServerFieldValues } from '../../servers/logic/server-options.ts';
import type { Provider, SignInToSend, SignInValues } from '../../servers/logic/sign-in-options.ts';
import { presetServer, providerOf, signInToSend, signInValues } from '../../servers/logic/sign-in-options.ts';
import { PRESET_IMAP } from '../../../../shared/provider-presets.ts';
import { PASSWORD_PROFILE_SIGN_IN } from '../../../../shared/sign-in.ts';

export function useServerSignIn(
  profile: ServerProfile | null,
  setServer: (update: (values: ServerFieldValues) => ServerFieldValues) => void,
) {
  const [stored, setStored] = useState<ProfileSignIn>(profile?.signIn ?? PASSWORD_PROFILE_SIGN_IN);
  const [provider, setProvider] = useState<Provider>(() => providerOf(profile?.host ?? '', stored));
  const [values, setValues] = useState<SignInValues>(() => signInValues(stored));

  const chooseProvider = (next: Provider) => {
    setProvider(next);
    if (next === 'other') {
      // A preset's server name is no other server's.
      setServer((v) =>
        Object.values(PRESET_IMAP).some((p) => p.host === v.host.trim()) ? { ...v, host: '' } : v,
      );
      return;
    }
    const server = presetServer(next);
    setServer((v) => ({
      ...v,
      host: server.host,
      protocol: server.protocol,
      ports: { ...v.ports, imaps: String(server.port) },
    }));
    setValues((v) => (v.choice === 'password' ? { ...v, choice: 'app' } : v));
  };

  return {
    provider,
    values,
    stored,
    chooseProvider,
    change: (patch: Partial<SignInValues>) => setValues((v) => ({ ...v, ...patch })),
    /** What a save sends (undefined: the stored sign-in stays). */
    toSend: (): SignInToSend => signInToSend(provider, values, stored),
    /** After a save: the stored facts, and the typed secrets forgotten. */
    saved: (signIn: ProfileSignIn) => {
      setStored(signIn);
      setValues((v) => ({ ...v, clientSecret: '', keyText: '', keyFileName: '' }));
    },
  };
}
