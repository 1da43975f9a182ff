import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
}

/** A boxed message; errors are announced at once, the rest politely. Icon and words, not colour alone. */
export function Notice({ tone, children }: NoticeProps) {
  const icon = tone === 'error' ? '!' : tone === 'success' ? '✓' : 'i';
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="notice-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="notice-body">{children}</div>
    </div>
  );
}
