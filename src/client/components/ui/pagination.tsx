import { useTranslation } from 'react-i18next';
import type { PageInfo } from '../../../shared/contracts/common';
import { Button } from './button';

type PaginationProps = { page: PageInfo; onPageChange: (page: number) => void };

export function Pagination({ page, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <nav className="lotse-pagination" aria-label={t('pagination.label')}>
      <p className="kern-body" aria-live="polite">
        {t('pagination.results', { count: page.total })} · {t('pagination.status', { page: page.page, pages })}
      </p>
      {pages > 1 ? (
        <div className="lotse-pagination__buttons">
          <Button variant="secondary" icon="chevron-left" disabled={page.page <= 1} onClick={() => onPageChange(page.page - 1)}>
            {t('pagination.previous')}
          </Button>
          <Button variant="secondary" disabled={page.page >= pages} onClick={() => onPageChange(page.page + 1)}>
            {t('pagination.next')}
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
