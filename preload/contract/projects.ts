// The projects calls: each declared once, its argument schema and what it answers.
import { z } from 'zod';
import { call } from './define.ts';
import { domain, id, isoDay, projectId, trimmed } from './fields.ts';
import type { Project, ProjectSummary } from './types.ts';

export const projectsCalls = {
  'projects.list': call<ProjectSummary[]>()(z.object({}).strict()),
  'projects.get': call<Project>()(z.object({ projectId: id('projectId') }).strict()),
  'projects.create': call<Project>()(
    z
      .object({
        name: trimmed('project name', 200),
        customer: z.string().trim().max(200).default(''),
        domains: z.array(domain).max(100).default([]),
        cutoverDate: isoDay.nullable().default(null),
      })
      .strict(),
  ),
  'projects.rename': call<Project>()(
    z.object({ projectId: id('projectId'), name: trimmed('project name', 200) }).strict(),
  ),
  'projects.delete': call<{ deleted: true }>()(z.object({ projectId: id('projectId') }).strict()),
  'projects.update': call<Project>()(
    z
      .object({
        projectId,
        customer: z.string().trim().max(200).optional(),
        domains: z.array(domain).max(100).optional(),
        cutoverDate: isoDay.nullable().optional(),
      })
      .strict(),
  ),
} as const;
