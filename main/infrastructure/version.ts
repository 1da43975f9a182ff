import packageJson from '../../package.json' with { type: 'json' };

/** The version users see in the app and CLI. */
export const CUTOVER_VERSION: string = packageJson.version;
