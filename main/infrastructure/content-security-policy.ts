/**
 * The renderer's Content-Security-Policy. The same text is in renderer/index.html's meta tag
 * (for Electron's file:// load); the web host also sends it as a header. A test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
