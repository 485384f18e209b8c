import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { currentLanguage } from '../../lib/i18n';
import { paths } from '../../lib/paths';

const day = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));

/**
 * What the address register knows about delivery at a person's address (social space): a
 * warning when mail does not reliably arrive, otherwise a short line; both link to the register.
 */
export function PersonAddressDelivery({ address }: { address: Person['addresses'][number] }) {
  const { t } = useTranslation();
  const d = address.delivery;
  if (!d) return null;
  const link = (
    <Link className="kern-link" to={paths.address(address.addressId)}>
      {t('explorations.person.link')}
    </Link>
  );
  if (!d.problem)
    return (
      <p className="kern-body kern-body--small">
        {t('explorations.person.delivery')}: {t(`socialSpace.mailDelivery.${d.mailDelivery}`)}
        {d.lastCheckedAt ? ` (${t('explorations.person.checkedOn', { date: day(d.lastCheckedAt) })})` : ''} – {link}
      </p>
    );
  const first =
    d.mailboxPresent === false ? t('explorations.person.noMailbox') : t(`socialSpace.mailDelivery.${d.mailDelivery}`);
  const more = [
    d.sharedAccommodation ? t('explorations.person.sharedAccommodation') : null,
    d.lastCheckedAt ? t('explorations.person.checkedOn', { date: day(d.lastCheckedAt) }) : null,
  ].filter((x): x is string => x !== null);
  // "Post kommt an dieser Anschrift nicht zuverlässig an – kein Briefkasten (geprüft am 24.11.2026)"
  const title = `${t('explorations.person.warning')} – ${first}${more.length ? ` (${more.join(', ')})` : ''}`;
  return (
    <Alert tone="warning" role="none" title={title}>
      <p className="kern-body">{link}</p>
    </Alert>
  );
}
