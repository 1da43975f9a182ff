import type { FolderResult } from '../../../../preload/contract.ts';
import { formatCount } from '../logic/progress-words.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';

const FOLDER_WORDS: Readonly<Record<FolderResult['status'], string>> = {
  queued: 'Waiting',
  running: 'Copying',
  done: 'Done',
  partial: 'Partly done',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** One row per folder: where it went and what happened to its messages. */
export function FolderTable({ folders, caption }: { folders: readonly FolderResult[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table folder-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col" className="num">
              Copied
            </th>
            <th scope="col" className="num">
              Skipped <span className="th-note">(already there)</span>
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {folders.map((folder) => (
            <tr key={folder.sourceFolder}>
              <th scope="row" className="folder-name">
                {folder.sourceFolder}
                {folder.destinationFolder !== folder.sourceFolder ? (
                  <span className="folder-target"> → {folder.destinationFolder}</span>
                ) : null}
                {folder.errorMessage ? <span className="folder-error">{folder.errorMessage}</span> : null}
              </th>
              <td className="num">{formatCount(folder.copied)}</td>
              <td className="num">{formatCount(folder.skipped)}</td>
              <td className={`num${folder.failed > 0 ? ' has-failures' : ''}`}>
                {formatCount(folder.failed)}
              </td>
              <td>
                <StatusBadge
                  tone={folder.status === 'skipped' ? 'queued' : folder.status}
                  label={FOLDER_WORDS[folder.status]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
