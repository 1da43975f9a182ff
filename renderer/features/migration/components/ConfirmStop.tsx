import { ConfirmInline } from '../../../ui/ConfirmInline.tsx';

interface ConfirmStopProps {
  jobName: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before stopping a job; Escape keeps it running. */
export function ConfirmStop({ jobName, busy, onConfirm, onCancel }: ConfirmStopProps) {
  return (
    <ConfirmInline
      question={<>Stop job “{jobName}”?</>}
      detail="Accounts being copied finish the messages already on their way, then stop. Nothing is lost: Resume carries on where it stopped, and nothing is copied twice."
      confirmLabel="Stop the job"
      busyLabel="Stopping…"
      keepLabel="Keep it running"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
