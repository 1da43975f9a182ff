/** Which password a destination login uses; the wizard shows it beside each login test. */
export type DestinationLoginMethod = 'destination-password' | 'admin' | 'source-password';

/**
 * How Cutover logs in to a new mailbox, in one place for the migration and the login test:
 * the mailbox's own new password; else the admin on its behalf (SASL PLAIN authzid); else the
 * old password, for services where the passwords were carried over. Null: nothing to try.
 * `S` is what stands for a password: the text itself (the login test), or a stored secret's id
 * (a job, which decrypts it only when it logs in).
 */
export function chooseDestinationLogin<S>(input: {
  localUsername: string;
  destinationPassword: () => S | null;
  admin: () => { user: string; password: S } | null;
  sourcePassword: () => S | null;
}): { login: { user: string; password: S; authzid?: string }; method: DestinationLoginMethod } | null {
  const own = input.destinationPassword();
  if (own !== null)
    return { login: { user: input.localUsername, password: own }, method: 'destination-password' };
  const admin = input.admin();
  if (admin !== null) {
    return {
      login: { user: admin.user, password: admin.password, authzid: input.localUsername },
      method: 'admin',
    };
  }
  const old = input.sourcePassword();
  if (old !== null) return { login: { user: input.localUsername, password: old }, method: 'source-password' };
  return null;
}
