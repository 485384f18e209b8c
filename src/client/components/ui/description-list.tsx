import type { ReactNode } from 'react';

type DescriptionListProps = { items: { key: string; term: ReactNode; value: ReactNode }[]; columns?: boolean };

export function DescriptionList({ items, columns }: DescriptionListProps) {
  return (
    <dl className={`kern-description-list ${columns ? 'kern-description-list--col' : ''}`.trim()}>
      {items.map((item) => (
        <div className="kern-description-list-item" key={item.key}>
          <dt className="kern-description-list-item__key">{item.term}</dt>
          <dd className="kern-description-list-item__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
