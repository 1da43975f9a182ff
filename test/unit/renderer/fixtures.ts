// Contract objects the renderer tests build again and again, with plain defaults.
import { PASSWORD_PROFILE_SIGN_IN } from '../../../shared/sign-in.ts';
import type { ServerProfile } from '../../../preload/contract.ts';

export const serverProfile = (
  role: ServerProfile['role'],
  patch: Partial<ServerProfile> = {},
): ServerProfile => ({
  role,
  host: role === 'source' ? 'mail.old.example' : 'mail.new.example',
  protocol: 'imaps',
  ports: { imap: 143, imaps: 993, pop3: 110, pop3s: 995 },
  allowPlaintext: false,
  pinnedFingerprint: null,
  adminUser: null,
  hasAdminPassword: false,
  signIn: PASSWORD_PROFILE_SIGN_IN,
  ...patch,
});
