// A real Dovecot (IMAP, IMAPS, POP3, POP3S) on 127.0.0.1 with its own config in a temp dir, so
// integration tests talk to the same server software the app meets in the field.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { issueCertificate } from './certificates.ts';
import { acceptsConnections, freePort } from './free-port.ts';
import { virtualFolderConfig, writeVirtualFolders } from './dovecot-virtual-folders.ts';
import type { VirtualFolders } from './dovecot-virtual-folders.ts';

export type { VirtualFolder, VirtualFolders } from './dovecot-virtual-folders.ts';

const run = promisify(execFile);

const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
const DH_PARAMS = '/usr/share/dovecot/dh.pem';
const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
const SPECIAL_USE: ReadonlyArray<readonly [string, string]> = [
  ['Drafts', '\\Drafts'],
  ['Sent', '\\Sent'],
  ['Trash', '\\Trash'],
  ['Junk', '\\Junk'],
  ['Archive', '\\Archive'],
];

/** A mailbox account on the test server; quotas turn on Dovecot's quota plugin for it. */
export interface DovecotUser {
  username: string;
  password: string;
  quotaMessages?: number;
  quotaBytes?: number;
}

/** How the test server should behave; everything but `users` has a sensible default. */
export interface DovecotOptions {
  users: DovecotUser[];
  /** Default: a fresh self-signed certificate for CN=localhost, SAN localhost and 127.0.0.1. */
  certificate?: { certPath: string; keyPath: string };
  /** Refuse APPEND of larger messages (quota_max_mail_size) and advertise APPENDLIMIT. */
  maxMessageBytes?: number;
  /** With maxMessageBytes: false keeps the limit secret (no APPENDLIMIT), like many servers. */
  announceMaxMessageBytes?: boolean;
  /** A master user (passdb master=yes): SASL PLAIN with authzid, or LOGIN `user*master`. */
  masterUser?: { username: string; password: string };
  /**
   * Sets disable_plaintext_auth (default false: LOGIN allowed on the cleartext port, STARTTLS
   * offered). Note Dovecot counts a connection whose remote and local IP are equal as secured,
   * so a client on 127.0.0.1 never sees LOGINDISABLED; this only matters for other peers.
   */
  disablePlaintextAuth?: boolean;
  /** Maildir layout: 'maildir++' (default) has separator '.', 'fs' has '/'. */
  layout?: 'maildir++' | 'fs';
  /** Load the quota plugin even if no initial user has a quota (for addUser with a quota). */
  quota?: boolean;
  /**
   * Names of the SPECIAL-USE folders, e.g. `{ Sent: 'Sent Items' }` for an Exchange-like server;
   * null leaves one out (all null: a server without SPECIAL-USE). Default: the English names.
   */
  specialFolders?: Partial<Record<'Drafts' | 'Sent' | 'Trash' | 'Junk' | 'Archive', string | null>>;
  /**
   * The text of a passwd-file (`user:{SCHEME}hash` lines, e.g. one Cutover exported), checked
   * as a passdb before the users' own passwords: a user in it also logs in with the password
   * its hash was made from. Its users still need an entry in `users` for their mailbox.
   */
  passdbFile?: string;
  /**
   * Accept XOAUTH2 and OAUTHBEARER (Dovecot's oauth2 passdb) with tokens this introspection
   * endpoint (RFC 7662, client credentials in the URL) says are active for the user and carry
   * `scope`; passwords keep working beside them.
   */
  oauth2?: {
    introspectionUrl: string;
    scope: string;
    mechanisms?: Array<'xoauth2' | 'oauthbearer'>;
    /**
     * Also accept app-only tokens with this scope for every mailbox of a domain (Microsoft 365's
     * client credentials): the token's `username` is the domain of the login name.
     */
    tenantScope?: string;
  };
  /**
   * Gmail-like virtual folders (All Mail \\All, Starred \\Flagged, Important \\Important) over
   * the real ones, served by Dovecot's virtual plugin; needs layout 'fs'.
   */
  virtualFolders?: VirtualFolders;
}

/** A running test server and how to reach, inspect and stop it. */
export interface DovecotServer {
  host: '127.0.0.1';
  ports: { imap: number; imaps: number; pop3: number; pop3s: number };
  pid: number;
  dir: string;
  /** The key too, for a test server that stands in front of this one (reply-injector.ts). */
  certificate: { certPem: string; fingerprint256: string; certPath: string; keyPath: string };
  /** Hierarchy separator of the mail layout: '.' for maildir++, '/' for fs. */
  separator: '.' | '/';
  /** uid/gid the mail processes run as; files written into a Maildir should belong to them. */
  mailOwner: { uid: number; gid: number };
  /** The server's log file, for debugging a failing test. */
  logPath: string;
  /** Path of that user's Maildir (created empty at start). */
  maildir(username: string): string;
  /** Adds an account; it can log in as soon as the promise resolves. */
  addUser(user: DovecotUser): Promise<void>;
  /** Runs doveadm against this instance (e.g. `['quota', 'get', '-u', 'alice']`), returns stdout. */
  doveadm(args: string[]): Promise<string>;
  /**
   * Stops the server (its connections drop), waits `downMs` (connections are refused), and
   * starts it again on the same ports with the same mail: an outage in the middle of a job.
   */
  restart(downMs?: number): Promise<void>;
  /** SIGTERM, wait, SIGKILL after a few seconds; then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

interface Identity {
  root: boolean;
  mailUid: number;
  mailGid: number;
  loginUser: string;
  internalUser: string;
  internalGroup?: string;
}

interface Paths {
  dir: string;
  confPath: string;
  logPath: string;
  usersDir: string;
  masterPath: string;
}

const running = new Set<{ pid: number; children: () => number[]; dir: string }>();
let exitHookInstalled = false;

/** Starts a Dovecot with its own config, users and certificate; resolves once all ports listen. */
export async function startDovecot(options: DovecotOptions): Promise<DovecotServer> {
  for (const user of options.users) validateUser(user);
  if (options.masterUser) validateUsername(options.masterUser.username);
  const { maxMessageBytes } = options;
  if (maxMessageBytes !== undefined && !(Number.isInteger(maxMessageBytes) && maxMessageBytes > 0)) {
    throw new Error(`maxMessageBytes must be a positive integer, got ${maxMessageBytes}`);
  }
  if (options.virtualFolders && options.layout !== 'fs') {
    throw new Error("virtualFolders needs layout 'fs' (one separator, '/', in every namespace)");
  }
  if (!existsSync(DOVECOT)) {
    throw new Error(`${DOVECOT} not found: install dovecot-imapd and dovecot-pop3d`);
  }
  const names = options.users.map((user) => user.username);
  if (new Set(names).size !== names.length) throw new Error('Usernames must be unique');
  const identity = await resolveIdentity();
  const quota =
    options.quota === true || options.maxMessageBytes !== undefined || options.users.some(hasQuota);

  const dir = await mkdtemp(join(tmpdir(), 'cutover-dovecot-'));
  // Mail and login processes run unprivileged and must be able to traverse the temp dir.
  await chmod(dir, 0o755);
  const paths: Paths = {
    dir,
    confPath: join(dir, 'dovecot.conf'),
    logPath: join(dir, 'dovecot.log'),
    usersDir: join(dir, 'users'),
    masterPath: join(dir, 'master-users'),
  };
  try {
    await Promise.all(['run', 'state', 'home', 'users'].map((name) => mkdir(join(dir, name))));
    const certificate = await resolveCertificate(dir, options.certificate);
    for (const user of options.users) await writeUser(paths, identity, user, options.virtualFolders);
    if (options.masterUser) {
      await writeFile(paths.masterPath, masterLine(options.masterUser), { mode: 0o644 });
    }
    if (options.passdbFile !== undefined) {
      await writeFile(join(dir, 'extra-passdb'), options.passdbFile, { mode: 0o644 });
    }
    if (options.oauth2) {
      const { introspectionUrl, scope, tenantScope } = options.oauth2;
      await writeFile(join(dir, 'oauth2.conf.ext'), oauth2Config({ introspectionUrl, scope }), {
        mode: 0o644,
      });
      if (tenantScope)
        await writeFile(
          join(dir, 'oauth2-tenant.conf.ext'),
          oauth2Config({ introspectionUrl, scope: tenantScope, usernameFormat: '%Ld' }),
          { mode: 0o644 },
        );
    }

    const { child, ports } = await launch(paths, (ports) =>
      renderConfig({ paths, identity, ports, certificate, quota, options }),
    );
    const { certPem, fingerprint256, certPath, keyPath } = certificate;
    return makeHandle({
      paths,
      identity,
      child,
      ports,
      certificate: { certPem, fingerprint256, certPath, keyPath },
      quota,
      usernames: names,
      virtualFolders: options.virtualFolders,
      separator: options.layout === 'fs' ? '/' : '.',
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function launch(
  paths: Paths,
  config: (ports: DovecotServer['ports']) => string,
): Promise<{ child: ChildProcess; ports: DovecotServer['ports'] }> {
  // A port picked by freePort can be taken again before Dovecot binds it; then retry.
  for (let attempt = 1; ; attempt++) {
    const ports = await pickPorts();
    await writeFile(paths.confPath, config(ports));
    await writeFile(paths.logPath, '');
    const stderrPath = join(paths.dir, 'dovecot.stderr');
    const stderr = await open(stderrPath, 'w');
    let child: ChildProcess;
    try {
      child = spawn(DOVECOT, ['-F', '-c', paths.confPath], {
        stdio: ['ignore', stderr.fd, stderr.fd],
      });
    } finally {
      await stderr.close();
    }
    child.unref();
    let spawnError: Error | undefined;
    child.once('error', (error) => (spawnError = error));
    const result = await waitForPorts(child, Object.values(ports), () => spawnError);
    if (spawnError) throw new Error(`Could not run ${DOVECOT}: ${spawnError.message}`);
    if (result === 'ready') return { child, ports };
    await stopProcess(child);
    const diagnostics = await describeFailure(paths, stderrPath);
    if (result === 'exited' && /Address already in use/.test(diagnostics) && attempt < 3) {
      continue;
    }
    throw new Error(
      `Dovecot did not start (${result === 'exited' ? `exited with ${child.exitCode ?? child.signalCode}` : `ports not listening after ${START_TIMEOUT_MS} ms`}).\n${diagnostics}`,
    );
  }
}

function makeHandle(state: {
  paths: Paths;
  identity: Identity;
  child: ChildProcess;
  ports: DovecotServer['ports'];
  certificate: DovecotServer['certificate'];
  quota: boolean;
  usernames: string[];
  virtualFolders: VirtualFolders | undefined;
  separator: DovecotServer['separator'];
}): DovecotServer {
  const { paths, identity, ports, certificate, quota } = state;
  let child = state.child;
  const pid = child.pid;
  if (pid === undefined) throw new Error('Dovecot has no PID');
  const entry = { pid, children: () => childPids(entry.pid), dir: paths.dir };
  running.add(entry);
  installExitHook();
  let stopping: Promise<void> | undefined;
  const usernames = new Set(state.usernames);

  return {
    host: '127.0.0.1',
    ports,
    get pid() {
      return entry.pid;
    },
    dir: paths.dir,
    certificate,
    separator: state.separator,
    mailOwner: { uid: identity.mailUid, gid: identity.mailGid },
    logPath: paths.logPath,
    maildir: (username) => join(homeOf(paths, username), 'Maildir'),
    async addUser(user) {
      validateUser(user);
      if (usernames.has(user.username)) throw new Error(`User ${user.username} already exists`);
      if (hasQuota(user) && !quota) {
        throw new Error('Start the server with `quota: true` to add users with a quota later');
      }
      usernames.add(user.username);
      await writeUser(paths, identity, user, state.virtualFolders);
    },
    async doveadm(args) {
      const { stdout } = await run(DOVEADM, ['-c', paths.confPath, ...args]);
      return stdout;
    },
    async restart(downMs = 0) {
      await stopProcess(child);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      child = await respawn(paths, ports);
      entry.pid = child.pid!;
    },
    stop() {
      stopping ??= (async () => {
        await stopProcess(child);
        running.delete(entry);
        await rm(paths.dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** Starts Dovecot again with the config already written (same ports), for restart(). */
async function respawn(paths: Paths, ports: DovecotServer['ports']): Promise<ChildProcess> {
  const stderr = await open(join(paths.dir, 'dovecot.stderr'), 'a');
  let child: ChildProcess;
  try {
    child = spawn(DOVECOT, ['-F', '-c', paths.confPath], { stdio: ['ignore', stderr.fd, stderr.fd] });
  } finally {
    await stderr.close();
  }
  child.unref();
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const result = await waitForPorts(child, Object.values(ports), () => spawnError);
  if (result !== 'ready') throw new Error(`Dovecot did not come back after a restart (${result}).`);
  return child;
}

function renderConfig(input: {
  paths: Paths;
  identity: Identity;
  ports: DovecotServer['ports'];
  certificate: { certPath: string; keyPath: string };
  quota: boolean;
  options: DovecotOptions;
}): string {
  const { paths, identity, ports, certificate, quota, options } = input;
  const { dir } = paths;
  const mailLocation = options.layout === 'fs' ? 'maildir:~/Maildir:LAYOUT=fs' : 'maildir:~/Maildir';
  // Login processes chroot by default, which only root may do.
  const chroot = identity.root ? '' : '  chroot =\n';
  const lines = [
    `# Written by test/harness/dovecot.ts; nothing here touches /etc/dovecot or /var/run.`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `instance_name = ${basename(dir)}`,
    `log_path = ${paths.logPath}`,
    `info_log_path = ${paths.logPath}`,
    `listen = 127.0.0.1`,
    `protocols = imap pop3`,
    `ssl = yes`,
    `ssl_cert = <${certificate.certPath}`,
    `ssl_key = <${certificate.keyPath}`,
    ...(existsSync(DH_PARAMS) ? [`ssl_dh = <${DH_PARAMS}`] : []),
    `disable_plaintext_auth = ${options.disablePlaintextAuth ? 'yes' : 'no'}`,
    `auth_mechanisms = ${['plain', 'login', ...oauth2Mechanisms(options)].join(' ')}`,
    `auth_verbose = yes`,
    // A wrong password is answered within 0.5 s (Dovecot's failure batch) instead of 2 s.
    `auth_failure_delay = 0`,
    `auth_master_user_separator = *`,
    `default_login_user = ${identity.loginUser}`,
    `default_internal_user = ${identity.internalUser}`,
    ...(identity.internalGroup ? [`default_internal_group = ${identity.internalGroup}`] : []),
    `first_valid_uid = ${identity.mailUid}`,
    `last_valid_uid = ${identity.mailUid}`,
    `first_valid_gid = ${identity.mailGid}`,
    `last_valid_gid = ${identity.mailGid}`,
    `mail_location = ${mailLocation}`,
    `mail_fsync = never`,
    `mail_max_userip_connections = 100`,
  ];
  if (options.virtualFolders) lines.push(`mail_plugins = $mail_plugins virtual`);
  if (quota) {
    lines.push(
      `mail_plugins = $mail_plugins quota`,
      `protocol imap {`,
      `  mail_plugins = $mail_plugins imap_quota`,
      `}`,
      `plugin {`,
      `  quota = count:User quota`,
      `  quota_vsizes = yes`,
      ...(options.maxMessageBytes !== undefined
        ? [`  quota_max_mail_size = ${options.maxMessageBytes}`]
        : []),
      `}`,
    );
  }
  if (options.maxMessageBytes !== undefined && options.announceMaxMessageBytes !== false) {
    // Dovecot 2.3 enforces quota_max_mail_size but does not announce it (RFC 7889) by itself.
    lines.push(`imap_capability = +APPENDLIMIT=${options.maxMessageBytes}`);
  }
  lines.push(`namespace inbox {`, `  inbox = yes`, ...(options.virtualFolders ? [`  separator = /`] : []));
  for (const [standard, flag] of SPECIAL_USE) {
    const name = options.specialFolders?.[standard as keyof NonNullable<DovecotOptions['specialFolders']>];
    if (name === null) continue;
    lines.push(
      `  mailbox ${JSON.stringify(name ?? standard)} {`,
      `    special_use = ${flag}`,
      `    auto = subscribe`,
      `  }`,
    );
  }
  lines.push(`}`, ...(options.virtualFolders ? virtualFolderConfig(options.virtualFolders) : []));
  lines.push(
    `service imap-login {`,
    `  inet_listener imap {`,
    `    port = ${ports.imap}`,
    `  }`,
    `  inet_listener imaps {`,
    `    port = ${ports.imaps}`,
    `    ssl = yes`,
    `  }`,
    chroot + `}`,
    `service pop3-login {`,
    `  inet_listener pop3 {`,
    `    port = ${ports.pop3}`,
    `  }`,
    `  inet_listener pop3s {`,
    `    port = ${ports.pop3s}`,
    `    ssl = yes`,
    `  }`,
    chroot + `}`,
    // Without this socket the auth process cannot ask anvil for penalties, so failed logins
    // from 127.0.0.1 do not slow down every later login (by 2-15 s) in the same test file.
    `service anvil {`,
    `  unix_listener anvil-auth-penalty {`,
    `    mode = 0`,
    `  }`,
    chroot + `}`,
  );
  if (options.masterUser) {
    lines.push(
      `passdb {`,
      `  driver = passwd-file`,
      `  master = yes`,
      `  args = scheme=PLAIN username_format=%u ${paths.masterPath}`,
      `}`,
    );
  }
  if (options.oauth2) {
    const passdb = (file: string) => [
      `passdb {`,
      `  driver = oauth2`,
      `  mechanisms = ${oauth2Mechanisms(options).join(' ')}`,
      `  args = ${join(dir, file)}`,
      `}`,
    ];
    lines.push(...passdb('oauth2.conf.ext'));
    if (options.oauth2.tenantScope) lines.push(...passdb('oauth2-tenant.conf.ext'));
  }
  if (options.passdbFile !== undefined) {
    lines.push(`passdb {`, `  driver = passwd-file`, `  args = ${join(dir, 'extra-passdb')}`, `}`);
  }
  // One passwd-file per user: Dovecot stats a passwd-file at most once a second, so a user
  // appended to a shared file could stay invisible for up to a second; a new file is read at
  // once. A missing file just means an unknown user.
  const userFile = join(paths.usersDir, '%u');
  lines.push(
    `passdb {`,
    `  driver = passwd-file`,
    `  args = scheme=PLAIN username_format=%u ${userFile}`,
    `}`,
    `userdb {`,
    `  driver = passwd-file`,
    `  args = username_format=%u ${userFile}`,
    `}`,
    ``,
  );
  return lines.join('\n');
}

// The oauth2 passdb's settings: every token is asked of the introspection endpoint (whose
// answer carries the mailbox as `username` and `active`), and must carry the scope.
function oauth2Mechanisms(options: DovecotOptions): string[] {
  if (!options.oauth2) return [];
  return options.oauth2.mechanisms ?? ['xoauth2', 'oauthbearer'];
}

function oauth2Config({
  introspectionUrl,
  scope,
  usernameFormat = '%Lu',
}: {
  introspectionUrl: string;
  scope: string;
  usernameFormat?: string;
}): string {
  return [
    `username_format = ${usernameFormat}`,
    `introspection_mode = post`,
    `introspection_url = ${introspectionUrl}`,
    `force_introspection = yes`,
    `username_attribute = username`,
    `active_attribute = active`,
    `active_value = true`,
    `scope = ${scope}`,
    ``,
  ].join('\n');
}

// passwd-file line: user:password:uid:gid:gecos:home:shell:extra fields. The password is
// base64-encoded so any character (':' included) survives the colon-separated format.
function passwdLine(paths: Paths, identity: Identity, user: DovecotUser): string {
  const password = `{PLAIN.b64}${Buffer.from(user.password).toString('base64')}`;
  const rules: string[] = [];
  if (user.quotaBytes !== undefined) rules.push(`*:storage=${user.quotaBytes}B`);
  if (user.quotaMessages !== undefined) rules.push(`*:messages=${user.quotaMessages}`);
  const extra = rules
    .map((rule, index) => `userdb_quota_rule${index === 0 ? '' : index + 1}=${rule}`)
    .join(' ');
  const home = homeOf(paths, user.username);
  return `${user.username}:${password}:${identity.mailUid}:${identity.mailGid}::${home}::${extra}\n`;
}

function masterLine(master: { username: string; password: string }): string {
  return `${master.username}:{PLAIN.b64}${Buffer.from(master.password).toString('base64')}\n`;
}

async function writeUser(
  paths: Paths,
  identity: Identity,
  user: DovecotUser,
  virtual: VirtualFolders | undefined,
): Promise<void> {
  await createHome(paths, identity, user.username);
  if (virtual) {
    const owner = identity.root ? { uid: identity.mailUid, gid: identity.mailGid } : null;
    await writeVirtualFolders(homeOf(paths, user.username), virtual, owner);
  }
  await writeFile(join(paths.usersDir, user.username), passwdLine(paths, identity, user), {
    mode: 0o644,
  });
}

function homeOf(paths: Paths, username: string): string {
  return join(paths.dir, 'home', username);
}

// The home and an empty Maildir exist from the start, owned by the mail uid, so tests may
// also drop message files straight into new/ or cur/.
async function createHome(paths: Paths, identity: Identity, username: string): Promise<void> {
  const home = homeOf(paths, username);
  const maildir = join(home, 'Maildir');
  const dirs = [home, maildir, ...['cur', 'new', 'tmp'].map((name) => join(maildir, name))];
  for (const path of dirs) {
    await mkdir(path, { mode: 0o700 });
    if (identity.root) await chown(path, identity.mailUid, identity.mailGid);
  }
}

async function resolveCertificate(
  dir: string,
  given: DovecotOptions['certificate'],
): Promise<DovecotServer['certificate']> {
  if (!given) {
    const { certPem, fingerprint256, certPath, keyPath } = await issueCertificate(join(dir, 'tls'), null, {
      commonName: 'localhost',
      altNames: ['localhost', '127.0.0.1'],
      selfSigned: true,
    });
    return { certPem, fingerprint256, certPath, keyPath };
  }
  const certPem = await readFile(given.certPath, 'utf8');
  const { fingerprint256 } = new X509Certificate(certPem);
  return { certPem, fingerprint256, certPath: given.certPath, keyPath: given.keyPath };
}

// As root the mail processes run as `nobody` (never uid 0), logins as dovenull and internal
// services as dovecot, like a packaged install; otherwise everything runs as the current user.
async function resolveIdentity(): Promise<Identity> {
  const me = userInfo();
  if (me.uid === 0) {
    const users = parseDb(await readFile('/etc/passwd', 'utf8'));
    const nobody = users.get('nobody');
    return {
      root: true,
      mailUid: nobody?.[0] ?? 65534,
      mailGid: nobody?.[1] ?? 65534,
      loginUser: users.has('dovenull') ? 'dovenull' : 'nobody',
      internalUser: users.has('dovecot') ? 'dovecot' : 'nobody',
    };
  }
  const groups = parseDb(await readFile('/etc/group', 'utf8'));
  const group = [...groups].find(([, ids]) => ids[0] === me.gid)?.[0];
  if (!group) throw new Error(`No group name for gid ${me.gid} in /etc/group`);
  return {
    root: false,
    mailUid: me.uid,
    mailGid: me.gid,
    loginUser: me.username,
    internalUser: me.username,
    internalGroup: group,
  };
}

// name -> numeric fields of /etc/passwd (uid, gid) or /etc/group (gid).
function parseDb(text: string): Map<string, number[]> {
  const entries = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 3 || !fields[0]) continue;
    const ids = fields.slice(2, 4).map(Number);
    entries.set(fields[0], ids);
  }
  return entries;
}

async function pickPorts(): Promise<DovecotServer['ports']> {
  const taken = new Set<number>();
  while (taken.size < 4) taken.add(await freePort());
  const [imap, imaps, pop3, pop3s] = [...taken] as [number, number, number, number];
  return { imap, imaps, pop3, pop3s };
}

async function waitForPorts(
  child: ChildProcess,
  ports: number[],
  failed: () => Error | undefined,
): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const pending = new Set(ports);
  while (Date.now() < deadline) {
    if (hasExited(child) || failed()) return 'exited';
    for (const port of [...pending]) {
      if (await acceptsConnections(port)) pending.delete(port);
    }
    if (pending.size === 0) return 'ready';
    await sleep(20);
  }
  return 'timeout';
}

// On SIGTERM Dovecot's master sends SIGQUIT to its log process and then sleeps a full second
// so it can flush, unless the log process is gone already. Its children therefore get SIGTERM
// right after the master (which, shutting down, no longer respawns them); SIGKILL if all else fails.
async function stopProcess(child: ChildProcess): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const pid = child.pid;
  child.ref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const children = new Set(childPids(pid));
  child.kill('SIGTERM');
  for (const id of children) signal(id, 'SIGTERM');
  if (await within(exited, STOP_GRACE_MS)) return;
  for (const id of childPids(pid)) children.add(id);
  child.kill('SIGKILL');
  for (const id of children) signal(id, 'SIGKILL');
  await exited;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

// Direct children, from /proc (Linux); empty where that is not available.
function childPids(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function describeFailure(paths: Paths, stderrPath: string): Promise<string> {
  const tail = async (path: string): Promise<string> => {
    const text = await readFile(path, 'utf8').catch(() => '');
    return text.trim().split('\n').slice(-30).join('\n');
  };
  return `--- stderr ---\n${await tail(stderrPath)}\n--- ${paths.logPath} (tail) ---\n${await tail(paths.logPath)}`;
}

// A test runner that exits without calling stop() must not leave Dovecots behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const entry of running) {
      const children = entry.children();
      signal(entry.pid, 'SIGKILL');
      for (const pid of children) signal(pid, 'SIGKILL');
      rmSync(entry.dir, { recursive: true, force: true });
    }
  });
}

function hasQuota(user: DovecotUser): boolean {
  return user.quotaBytes !== undefined || user.quotaMessages !== undefined;
}

function validateUser(user: DovecotUser): void {
  validateUsername(user.username);
  // IMAP LOGIN and SASL PLAIN could not carry these anyway.
  if (/[\0\r\n]/.test(user.password)) throw new Error('Passwords may not contain NUL, CR or LF');
  for (const value of [user.quotaBytes, user.quotaMessages]) {
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
      throw new Error(`Quota values must be positive integers, got ${value}`);
    }
  }
}

// Dovecot's default auth_username_chars, and nothing that could escape the home directory.
function validateUsername(username: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]*$/.test(username)) {
    throw new Error(`Unsupported test username: ${JSON.stringify(username)}`);
  }
}
