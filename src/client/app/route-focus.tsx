import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * After client-side navigation, focus goes back to the top of the page, as after a full page load:
 * the next Tab reaches the skip link, and screen readers announce the new page's title.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  const previous = useRef(pathname);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    ref.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    // The page sets document.title when it renders; read it once that has happened.
    const timer = window.setTimeout(() => setAnnouncement(t('app.pageChanged', { title: document.title })), 200);
    return () => window.clearTimeout(timer);
  }, [pathname, t]);

  return (
    <p ref={ref} tabIndex={-1} className="kern-sr-only" aria-live="polite">
      {announcement}
    </p>
  );
}
