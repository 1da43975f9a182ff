import type { X509Certificate } from 'node:crypto';

/**
 * `DNS:a.example, IP Address:127.0.0.1` → `['a.example', '127.0.0.1']`, including the quoted
 * form Node uses for names with unusual characters.
 */
export function parseAltNames(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  const names: string[] = [];
  for (const match of subjectAltName.matchAll(/(DNS|IP Address):("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
    const value = (match[2] ?? '').trim();
    names.push(value.startsWith('"') ? (JSON.parse(value) as string) : value);
  }
  return names;
}

/** The names a certificate is valid for: its SANs, else its subject's common name. */
export function certificateNames(certificate: Pick<X509Certificate, 'subjectAltName' | 'subject'>): string[] {
  const names = parseAltNames(certificate.subjectAltName);
  if (names.length > 0) return names;
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  return commonName ? [commonName] : [];
}
