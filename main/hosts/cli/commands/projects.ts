import type { Command } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { call } from '../cli-context.ts';
import { withServices } from '../with-services.ts';

interface CreateOptions {
  customer?: string;
  domain?: string[];
  cutoverDate?: string;
}

/** `cutover projects list|create`: the same projects the app shows. */
export function registerProjects(program: Command, streams: CliStreams): void {
  const projects = program.command('projects').description('list or create migration projects');

  projects
    .command('list')
    .description('list projects, newest first')
    .action(async (_options: unknown, command: Command) => {
      await withServices(command, streams, async (services, output) => {
        const list = await call(services, 'projects.list', {});
        output.result(list, () =>
          list.length === 0
            ? 'No projects yet. Create one with: cutover projects create NAME'
            : list
                .map(
                  (p) =>
                    `${p.id}\t${p.name}\t${p.customer || '-'}\tcutover ${p.cutoverDate ?? 'not set'}\t${p.accountCount} accounts`,
                )
                .join('\n'),
        );
      });
    });

  projects
    .command('create')
    .description('create a project')
    .argument('<name>', 'a name for the project, unique')
    .option('--customer <name>', "the customer's name")
    .option('--domain <domain...>', 'mail domains being moved')
    .option('--cutover-date <YYYY-MM-DD>', 'the day MX points at the new provider')
    .action(async (name: string, options: CreateOptions, command: Command) => {
      await withServices(command, streams, async (services, output) => {
        const project = await call(services, 'projects.create', {
          name,
          customer: options.customer ?? '',
          domains: options.domain ?? [],
          cutoverDate: options.cutoverDate ?? null,
        });
        output.result(project, () => `Created project ${project.id}: ${project.name}`);
      });
    });
}
