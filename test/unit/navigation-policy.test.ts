import { describe, expect, it } from 'vitest';
import {
  devServerUrlFrom,
  isTrustedRendererUrl,
  shouldOpenExternally,
} from '../../main/infrastructure/security/navigation-policy.ts';
import { isLoopbackHost, isOwnOrigin, tokenMatches } from '../../main/hosts/web-host/request-guard.ts';

const built = {
  indexUrl: 'file:///opt/Cutover/resources/app.asar/out/renderer/index.html',
  devServerUrl: null,
};

describe('Electron shell policy', () => {
  it('trusts IPC only from our own page', () => {
    expect(
      isTrustedRendererUrl('file:///opt/Cutover/resources/app.asar/out/renderer/index.html', built),
    ).toBe(true);
    expect(
      isTrustedRendererUrl('file:///opt/Cutover/resources/app.asar/out/renderer/index.html#/projects', built),
    ).toBe(true);
    expect(isTrustedRendererUrl('file:///tmp/evil.html', built)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', built)).toBe(false);
    expect(isTrustedRendererUrl('not a url', built)).toBe(false);
    const dev = { ...built, devServerUrl: 'http://localhost:5173/' };
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
  });

  it('loads a dev server only in a build that is not packaged, and only from this computer', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(devServerUrlFrom(env, false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom(env, true)).toBeNull();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' }, false)).toBeNull();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull();
    expect(devServerUrlFrom({}, false)).toBeNull();
  });

  it('opens only https links in the system browser', () => {
    expect(shouldOpenExternally('https://support.example.com/mail')).toBe(true);
    expect(shouldOpenExternally('http://example.com')).toBe(false);
    expect(shouldOpenExternally('file:///etc/passwd')).toBe(false);
    expect(shouldOpenExternally('javascript:alert(1)')).toBe(false);
    expect(shouldOpenExternally('smb://server/share')).toBe(false);
  });
});

describe('web host request guard', () => {
  it('accepts only loopback host names on its own port (DNS rebinding defence)', () => {
    expect(isLoopbackHost('127.0.0.1:4780', 4780)).toBe(true);
    expect(isLoopbackHost('localhost:4780', 4780)).toBe(true);
    expect(isLoopbackHost('evil.example:4780', 4780)).toBe(false);
    expect(isLoopbackHost('127.0.0.1:4781', 4780)).toBe(false);
    expect(isLoopbackHost(undefined, 4780)).toBe(false);
  });

  it('accepts WebSocket upgrades only from its own page', () => {
    expect(isOwnOrigin('http://127.0.0.1:4780', 4780)).toBe(true);
    expect(isOwnOrigin('https://evil.example', 4780)).toBe(false);
    expect(isOwnOrigin(undefined, 4780)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(null, 'abc')).toBe(false);
  });
});
