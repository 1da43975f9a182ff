import { describe, expect, it } from 'vitest';
import { noKeychainNotice, systemKeychainProtects } from '../../main/hosts/shell/keychain-choice.ts';

describe('the desktop app and the system keychain', () => {
  it("does not call Chromium's built-in key on a Linux without a keyring encryption", () => {
    expect(systemKeychainProtects('linux', true, 'gnome_libsecret')).toBe(true);
    expect(systemKeychainProtects('linux', true, 'kwallet6')).toBe(true);
    expect(systemKeychainProtects('linux', true, 'basic_text')).toBe(false);
    expect(systemKeychainProtects('linux', false, 'gnome_libsecret')).toBe(false);
    expect(systemKeychainProtects('darwin', true, null)).toBe(true);
    expect(systemKeychainProtects('win32', true, null)).toBe(true);
  });

  it('tells the user in plain words where the key is instead, and what to keep', () => {
    const notice = noKeychainNotice('/home/ann/.config/Cutover/cutover.db.key');
    expect(notice).toContain('no keyring');
    expect(notice).toContain('/home/ann/.config/Cutover/cutover.db.key');
    expect(notice).toMatch(/Keep that file with the database/);
  });
});
