import type { ReactNode } from 'react';

type EmptyStateProps = { title: string; children?: ReactNode; headingLevel?: 2 | 3 };

export function EmptyState({ title, children, headingLevel = 3 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="lotse-empty-state">
      <span className="kern-icon kern-icon--checklist kern-icon--large" aria-hidden="true" />
      <div>
        <Heading className="kern-title">{title}</Heading>
        {children ? <p className="kern-body kern-body--muted">{children}</p> : null}
      </div>
    </div>
  );
}
