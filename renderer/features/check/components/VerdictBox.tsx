import type { ReactNode } from 'react';
import type { VerdictKind } from '../logic/certificate-words.ts';
import { verdictTone } from '../logic/certificate-words.ts';
import { StatusIcon } from '../../../ui/StatusIcon.tsx';

interface VerdictBoxProps {
  kind: VerdictKind;
  title: string;
  children?: ReactNode;
}

/** A check's verdict: a tick or a cross, a title, and what to do, on a tinted box. */
export function VerdictBox({ kind, title, children }: VerdictBoxProps) {
  const tone = verdictTone(kind);
  return (
    <div className={`verdict tone-${tone}`}>
      <p className="verdict-title">
        <StatusIcon status={tone} />
        <span>{title}</span>
      </p>
      {children}
    </div>
  );
}
