import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type SectionCardProps = {
  id: string;
  title: string;
  /** Buttons or links beside the heading (add, edit). */
  actions?: ReactNode;
  children: ReactNode;
  headingLevel?: 2 | 3;
};

/** One section of a page as a KERN card: heading, actions beside it, content below. */
export function SectionCard({ id, title, actions, children, headingLevel = 2 }: SectionCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `${id}-title`;
  return (
    <section className="kern-card kern-card--hug" id={id} aria-labelledby={titleId}>
      <div className="kern-card__container">
        <header className="kern-card__header lotse-section-card__header">
          <Heading className={`kern-title ${headingLevel === 2 ? 'kern-title--large' : ''}`.trim()} id={titleId}>
            {title}
          </Heading>
          {actions ? <div className="lotse-button-row">{actions}</div> : null}
        </header>
        <div className="kern-card__body lotse-stack lotse-section-card__body">{children}</div>
      </div>
    </section>
  );
}

type EditLinkProps = {
  /** Id of the fieldset in the edit form. */
  target: string;
  /** Names the section for screen readers: "Bearbeiten: Sprachen". */
  section: string;
};

/** Jumps to the section's fieldset in the edit form below and moves focus there. */
export function EditLink({ target, section }: EditLinkProps) {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  };
  return (
    <a className="kern-link" href={`#${target}`} onClick={onClick} aria-label={`${t('common.edit')}: ${section}`}>
      <span className="kern-icon kern-icon--edit" aria-hidden="true" />
      {t('common.edit')}
    </a>
  );
}
