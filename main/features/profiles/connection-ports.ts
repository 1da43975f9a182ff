// The ports "Test connection" probes: only those the migration will use for this profile, as
// the job's endpoints choose them (implicit TLS preferred for Auto), and no SMTP.
import type { ServerProfile } from '../../../preload/contract.ts';
import type { PortPlan } from '../../engine/diagnostics/tls/mail-ports.ts';
import { destinationEndpoint, sourceEndpoints } from '../../engine/migration/endpoints.ts';

export function connectionPorts(profile: ServerProfile): PortPlan {
  const plan: PortPlan = { imap: 0, imaps: 0, pop3: 0, pop3s: 0, submission: 0, submissions: 0 };
  const server = {
    host: profile.host,
    allowPlaintext: profile.allowPlaintext,
    trustedFingerprint: profile.pinnedFingerprint,
  };
  if (profile.role === 'destination') {
    const secure = profile.protocol !== 'imap';
    const endpoint = destinationEndpoint({
      ...server,
      protocol: secure ? 'imaps' : 'imap',
      port: secure ? profile.ports.imaps : profile.ports.imap,
      adminUser: null,
      adminSecretId: null,
    });
    plan[endpoint.security === 'tls' ? 'imaps' : 'imap'] = endpoint.port;
    return plan;
  }
  const endpoints = sourceEndpoints({ ...server, protocol: profile.protocol, ports: profile.ports });
  if (endpoints.imap) plan[endpoints.imap.security === 'tls' ? 'imaps' : 'imap'] = endpoints.imap.port;
  if (endpoints.pop3) plan[endpoints.pop3.security === 'tls' ? 'pop3s' : 'pop3'] = endpoints.pop3.port;
  return plan;
}
