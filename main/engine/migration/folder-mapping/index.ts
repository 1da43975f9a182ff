// Folder mapping: where each source folder goes on the destination, and what to create first.
export { planFolders } from './plan-folders.ts';
export type { PlanFoldersInput } from './plan-folders.ts';
export type { FolderPlan, FolderPlanEntry, MappingReason, SkippedFolder } from './folder-plan.ts';
export type { FolderInfo } from './folder-info.ts';
export type { SpecialUseFlag } from './special-use.ts';
export { isNoselect } from './folder-info.ts';
export { virtualUse } from './special-use.ts';
