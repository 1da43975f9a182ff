// The job input parsers: what the admin types or loads, checked line by line.
export { MAX_ACCOUNTS_PER_JOB, parseUsers } from './users.ts';
export type { JobUser, ParseUsersOptions } from './users.ts';
export { parseSkipList } from './skip-list.ts';
export { parseTranslations } from './translations.ts';
export type { ParseTranslationsOptions } from './translations.ts';
export { parseJobName } from './job-name.ts';
export type { FolderPath, SkipEntry, Translation } from './folder-path.ts';
export type { InputError, ParseResult } from './parse-result.ts';
