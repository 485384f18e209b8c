import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';

/**
 * The tabs of the social space (Sozialraum): map, districts, resource directory, explorations and
 * the address register. Each screen of the area shows it above its heading; items the user may
 * not open are left out.
 */
export function SocialSpaceNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items = [
    { to: paths.socialSpaceMap, label: t('socialSpace.sections.map'), permission: 'social_space.read', end: true },
    { to: paths.districts, label: t('socialSpace.sections.districts'), permission: 'social_space.read' },
    { to: paths.resources, label: t('socialSpace.sections.resources'), permission: 'social_space.read' },
    { to: paths.explorations, label: t('socialSpace.sections.explorations'), permission: 'exploration.read' },
    { to: paths.addresses, label: t('socialSpace.sections.addresses'), permission: 'address.read' },
  ].filter((item) => hasPermission(me, item.permission));
  return (
    <nav className="lotse-subnav" aria-label={t('socialSpace.subNav')}>
      <ul className="lotse-subnav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="lotse-subnav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
