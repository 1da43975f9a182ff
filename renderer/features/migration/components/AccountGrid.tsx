import { useCallback } from 'react';
import type { LiveJob } from '../logic/live-job.ts';
import { useAppState } from '../../../app/store-context.ts';
import { VirtualTileGrid } from '../../../ui/VirtualTileGrid.tsx';
import { AccountTile } from './AccountTile.tsx';

interface AccountGridProps {
  job: LiveJob;
  /** The usernames to show, in order (all of the job's, or those of one status). */
  order: readonly string[];
  /** Called after an account is opened, so the page can move focus to its detail. */
  onOpened(username: string): void;
}

/** Every account of the job as a tile, coloured and labelled by status; only visible rows are drawn. */
export function AccountGrid({ job, order, onOpened }: AccountGridProps) {
  const selected = useAppState((s) => s.selectedAccount);
  const selectAccount = useAppState((s) => s.selectAccount);
  const { accounts } = job;
  const selectedIndex = selected === null ? -1 : order.indexOf(selected);

  const onActivate = useCallback(
    (index: number) => {
      const username = order[index];
      if (username === undefined) return;
      selectAccount(username);
      onOpened(username);
    },
    [order, selectAccount, onOpened],
  );

  return (
    <VirtualTileGrid
      label={`Accounts of job ${job.name}`}
      count={order.length}
      itemKey={(index) => order[index] ?? String(index)}
      itemClassName={(index) => `account-tile tone-${accounts[order[index] ?? '']?.status ?? 'queued'}`}
      renderItem={(index) => {
        const account = accounts[order[index] ?? ''];
        return account ? <AccountTile account={account} /> : null;
      }}
      selectedIndex={selectedIndex === -1 ? null : selectedIndex}
      onActivate={onActivate}
      minTileWidthRem={13}
      tileHeightRem={6}
      gapRem={0.75}
    />
  );
}
