import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> – Lotse". */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} – ${t('app.titleSuffix')}`;
  }, [title, t]);
}

type PageHeadingProps = {
  title: string;
  /** Shown above the title (KERN "preline"), e.g. the kind of an agency. */
  preline?: ReactNode;
  children?: ReactNode;
  /** Document title when it should differ from the visible heading. */
  documentTitle?: string;
};

/** The one h1 of a page; also sets the document title. */
export function PageHeading({ title, preline, children, documentTitle }: PageHeadingProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className="kern-hgroup lotse-page-heading">
      {preline ? <p className="kern-preline">{preline}</p> : null}
      <h1 className="kern-heading-x-large" id="page-title">
        {title}
      </h1>
      {children ? <p className="kern-subline">{children}</p> : null}
    </div>
  );
}
