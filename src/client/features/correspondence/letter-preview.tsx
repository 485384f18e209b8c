import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { letterPageCountQuery, letterPdfUrl, letterPreviewUrl } from './letters-api';

/**
 * The rendered letter as an image, one page at a time (SVG from the server, the same Typst
 * rendering as the PDF), with page buttons and a link to the PDF.
 */
export function LetterPreview({ letterId, version }: { letterId: string; version: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = useQuery(letterPageCountQuery(letterId, version)).data ?? 1;
  const current = Math.min(page, pages);
  return (
    <figure className="lotse-letter-preview">
      <img
        className="lotse-letter-preview__page"
        src={letterPreviewUrl(letterId, current, version)}
        alt={t('letters.preview.alt', { page: current, pages })}
        width={595}
        height={842}
        style={{
          width: '100%',
          maxWidth: '595px',
          height: 'auto',
          background: '#fff',
          border: '1px solid #767676',
          display: 'block',
        }}
      />
      <figcaption className="kern-body kern-body--small lotse-button-row" style={{ marginTop: '0.5rem' }}>
        <Button variant="secondary" small disabled={current <= 1} onClick={() => setPage(current - 1)}>
          {t('letters.preview.previous')}
        </Button>
        <span aria-live="polite">{t('letters.preview.page', { page: current, pages })}</span>
        <Button variant="secondary" small disabled={current >= pages} onClick={() => setPage(current + 1)}>
          {t('letters.preview.next')}
        </Button>
        <a className="kern-link" href={letterPdfUrl(letterId)} target="_blank" rel="noreferrer">
          {t('letters.preview.pdf')}
        </a>
      </figcaption>
    </figure>
  );
}
