// One migration job in a process of its own, so its peak RSS is the migration's alone. Wired
// like `cutover migrate` (main/hosts/cli/run-job-command.ts): pinned certificate fingerprints, default
// budget, retries and progress throttle. Prints one JSON line with timings and maxRSS.
//
//   node bench/run-migration.ts '{"db":…,"keyHex":…,"name":…,"source":…,"destination":…,"users":…}'
//   node bench/run-migration.ts warm-up   (loads the modules and exits: fills the compile cache)
const processStart = performance.now();

interface Args {
  db: string;
  keyHex: string;
  name: string;
  users: string;
  concurrency?: number;
  source: {
    host: string;
    ports: { imap: number; imaps: number; pop3: number; pop3s: number };
    fingerprint: string;
  };
  destination: { host: string; port: number; fingerprint: string };
}

const warmUp = process.argv[2] === 'warm-up';
const args = (warmUp ? {} : JSON.parse(process.argv[2] ?? '{}')) as Args;

const [
  { createServices },
  { createAesGcmCipher },
  { systemClock },
  { createJob },
  { jobStores, runJob },
  { openPop3Source },
  { tlsForJob },
  { holdYoungGeneration },
  { freeDeadBuffers },
] = await Promise.all([
  import('../main/hosts/services.ts'),
  import('../main/infrastructure/secrets/aes-gcm-cipher.ts'),
  import('../main/infrastructure/clock.ts'),
  import('../main/engine/migration/create-job.ts'),
  import('../main/engine/migration/job-runner.ts'),
  import('../main/engine/migration/open-pop3-source.ts'),
  import('../main/engine/migration/certificate-trust.ts'),
  import('../main/engine/migration/young-generation.ts'),
  import('../main/engine/migration/dead-buffers.ts'),
]);
const loaded = performance.now();
if (warmUp) process.exit(0);
if (process.env['BENCH_IMAP_TRACE'] === '1')
  (await import('./imap-trace.ts')).traceImapCommands(processStart); // experiments

// Memory sampled every 50 ms: where the peak is (V8 heap, Buffers outside it, the rest).
const memory = {
  peakRss: 0,
  atPeak: { heapUsed: 0, external: 0, arrayBuffers: 0, atMs: 0 },
  afterLoadRss: 0,
};
memory.afterLoadRss = process.memoryUsage.rss();
const trace = process.env['BENCH_MEMORY_TRACE'] === '1'; // experiments: a timeline on stderr
let tick = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (trace && tick++ % 10 === 0)
    process.stderr.write(
      `mem t=${((performance.now() - processStart) / 1000).toFixed(1)}s rss=${(m.rss / 1048576).toFixed(0)} heap=${(m.heapUsed / 1048576).toFixed(0)}/${(m.heapTotal / 1048576).toFixed(0)} ext=${(m.external / 1048576).toFixed(0)} ab=${(m.arrayBuffers / 1048576).toFixed(0)}\n`,
    );
  if (m.rss > memory.peakRss) {
    memory.peakRss = m.rss;
    memory.atPeak = {
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      atMs: performance.now() - processStart,
    };
  }
}, 50);
sampler.unref();

const services = createServices({
  databasePath: args.db,
  cipher: createAesGcmCipher(Buffer.from(args.keyHex, 'hex')),
  clock: systemClock,
  host: 'web',
  version: 'bench',
  secretStorage: 'bench key',
});
try {
  const job = createJob(
    {
      name: args.name,
      source: {
        host: args.source.host,
        protocol: 'imaps',
        ports: args.source.ports,
        trustedFingerprint: args.source.fingerprint,
      },
      destination: {
        host: args.destination.host,
        protocol: 'imaps',
        port: args.destination.port,
        trustedFingerprint: args.destination.fingerprint,
      },
      users: args.users,
      concurrency: args.concurrency ?? 4,
    },
    services.jobs,
    services.secrets,
  );
  holdYoungGeneration(); // as cutover migrate does
  freeDeadBuffers();
  const jobStart = performance.now();
  if (process.env['BENCH_IMAP_TRACE'] === '1')
    process.stderr.write(`imap t=${((jobStart - processStart) / 1000).toFixed(3)}s job starts\n`);
  const summary = await runJob(
    job.id,
    {
      ...jobStores(services),
      openPop3: (endpoint, user, password) =>
        openPop3Source(endpoint, user, password, tlsForJob.pop3(job.spec.source.trustedFingerprint)),
      tls: (row) => tlsForJob.imap(row.spec),
      explainCertificate: (error, row) => tlsForJob.explain(error, row.spec),
    },
    {
      // For experiments only (BENCH_BUDGET_MB); the benchmark's figures use the engine's default.
      ...(process.env['BENCH_BUDGET_MB']
        ? { budgetBytes: Number(process.env['BENCH_BUDGET_MB']) * 1048576 }
        : {}),
    },
  );
  const jobEnd = performance.now();
  if (process.env['BENCH_IMAP_TRACE'] === '1')
    process.stderr.write(`imap t=${((jobEnd - processStart) / 1000).toFixed(3)}s job ends\n`);
  const usage = process.resourceUsage();
  const accounts = summary.accounts.map((a) => ({
    username: a.username,
    status: a.status,
    total: a.messagesTotal,
    copied: a.messagesCopied,
    skipped: a.messagesSkipped,
    failed: a.messagesFailed,
    bytes: a.bytesCopied,
    error: a.errorMessage,
  }));
  // From the job's own log: problems, and the flag changes it says it carried over.
  const lines = services.eventLog.forJob(summary.job.id);
  const flagChanges = lines.reduce(
    (sum, line) => sum + Number(/(\d+) flag changes carried over/.exec(line.message)?.[1] ?? 0),
    0,
  );
  const problems = lines
    .filter((line) => line.level !== 'info' && !['done', 'partial'].includes(line.code ?? ''))
    .slice(0, 10)
    .map((line) => `${line.account ?? ''} ${line.folder ?? ''} ${line.message}`.trim());
  process.stdout.write(
    `${JSON.stringify({
      status: summary.status,
      loadMs: loaded - processStart,
      jobMs: jobEnd - jobStart,
      inProcessMs: jobEnd - processStart,
      maxRssKB: usage.maxRSS,
      userCpuMs: usage.userCPUTime / 1000,
      systemCpuMs: usage.systemCPUTime / 1000,
      flagChanges,
      problems,
      memory: {
        afterLoadMiB: memory.afterLoadRss / 1048576,
        sampledPeakMiB: memory.peakRss / 1048576,
        heapUsedMiB: memory.atPeak.heapUsed / 1048576,
        externalMiB: memory.atPeak.external / 1048576,
        arrayBuffersMiB: memory.atPeak.arrayBuffers / 1048576,
        atMs: memory.atPeak.atMs,
      },
      accounts,
    })}\n`,
  );
} finally {
  services.close();
}
process.exit(0);
