// The small pages the browser shows when a sign-in comes back to Cutover: plain words, no
// script, nothing loaded from elsewhere.

export function signedInPage(): string {
  return page('You are signed in', 'You are signed in. You can close this tab and go back to Cutover.');
}

export function signInFailedPage(reason: string): string {
  return page(
    'Cutover could not sign you in',
    `${reason} You can close this tab and go back to Cutover to try again.`,
  );
}

function page(title: string, text: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} – Cutover</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}</style>
</head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
