// An app registration's certificate credential (Microsoft Entra: "Certificates & secrets →
// Certificates"): the admin uploads the certificate to the app and gives Cutover the same
// certificate with its private key, as PEM. Cutover signs each token request's client assertion
// with the key (RFC 7523 private_key_jwt); the `x5t` header (the certificate's SHA-1
// thumbprint) is how Microsoft finds the certificate to check the signature with.
import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export interface ClientCertificate {
  privateKey: KeyObject;
  /** base64url SHA-1 of the certificate's DER (the JWS `x5t` header). */
  x5t: string;
  /** base64url SHA-256 of the certificate's DER (`x5t#S256`). */
  x5tS256: string;
  /** When the certificate stops being valid (the provider refuses it after). */
  validTo: Date;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * Reads a PEM text holding the certificate and its private key (in either order, as
 * `openssl pkcs12 -nodes` or a key and .crt put together give it). A wrong text says what is
 * missing, never what it holds.
 */
export function parseClientCertificate(pem: string): ClientCertificate {
  const blocks = [...pem.matchAll(PEM_BLOCK)].map(([block, label]) => ({ block, label: label! }));
  const certificateBlock = blocks.find((b) => b.label === 'CERTIFICATE');
  const keyBlock = blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!certificateBlock)
    throw new Error(
      'The certificate file has no certificate (-----BEGIN CERTIFICATE-----): give the certificate uploaded to the app together with its private key, as PEM.',
    );
  if (!keyBlock)
    throw new Error(
      'The certificate file has no private key (-----BEGIN PRIVATE KEY-----): export the certificate with its key, e.g. `openssl pkcs12 -in app.pfx -nodes -out app.pem`.',
    );
  if (keyBlock.label === 'ENCRYPTED PRIVATE KEY')
    throw new Error(
      'The private key is protected with a passphrase: export it without one (`openssl pkcs12 -in app.pfx -nodes -out app.pem`); Cutover stores it encrypted.',
    );
  let certificate: X509Certificate;
  let privateKey: KeyObject;
  try {
    certificate = new X509Certificate(certificateBlock.block);
    privateKey = createPrivateKey(keyBlock.block);
  } catch {
    throw new Error(
      'The certificate file is not readable PEM: export it again from the certificate you uploaded.',
    );
  }
  if (!certificate.checkPrivateKey(privateKey))
    throw new Error(
      'The private key in the certificate file belongs to another certificate: give the key of the certificate uploaded to the app.',
    );
  const der = certificate.raw;
  return {
    privateKey,
    x5t: createHash('sha1').update(der).digest('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
    validTo: new Date(certificate.validTo),
  };
}
