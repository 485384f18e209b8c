import { useTranslation } from 'react-i18next';
import { percent } from './people-format';

/** A score as a short bar with its percentage; the bar is decoration, the number is what is read out. */
export function RelevanceBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const value = percent(score);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem' }}>
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: '5rem',
          height: '0.5rem',
          borderRadius: '0.25rem',
          background: 'var(--kern-color-layout-background-hued, #eee)',
          border: '1px solid var(--kern-color-decorative-border-default, #999)',
          overflow: 'hidden',
        }}
      >
        <span
          style={{
            display: 'block',
            width: `${value}%`,
            height: '100%',
            background: 'var(--kern-color-action-default, #1b4b8a)',
          }}
        />
      </span>
      <span className="lotse-nowrap">{t('people.relevanceValue', { percent: value })}</span>
    </span>
  );
}
