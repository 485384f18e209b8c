import { Suspense, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { Loading } from '../components/ui/loading';
import { api } from '../lib/api';
import { paths } from '../lib/paths';
import { clearSession, hasPermission, setSessionNotice, useMe } from '../lib/session';
import { LanguageSwitch } from './language-switch';

type NavItem = { to: string; label: string; permission?: string; end?: boolean };

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="lotse-skip-link" href="#main">
      {t('app.skipLink')}
    </a>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to={paths.workspace} className="lotse-brand">
      <span className="lotse-brand__mark" aria-hidden="true">
        L
      </span>
      <span className="lotse-brand__text">
        <span className="lotse-brand__name">{t('app.name')}</span>
        <span className="lotse-brand__tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  );
}

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="lotse-footer">
      <div className="kern-container">
        <p className="kern-body kern-body--small">{t('app.footer')}</p>
      </div>
    </footer>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);

  async function logout() {
    setPending(true);
    try {
      await api.post('/auth/logout');
    } catch {
      // The session may already be gone; signing out locally is what the user asked for.
    }
    clearSession(queryClient);
    setSessionNotice('loggedOut');
    setPending(false);
    await navigate(paths.login, { replace: true });
  }

  return (
    <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void logout()} disabled={pending}>
      <span className="kern-icon kern-icon--logout" aria-hidden="true" />
      <span className="kern-label">{pending ? t('app.loggingOut') : t('app.logout')}</span>
    </button>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items: NavItem[] = [
    { to: paths.workspace, label: t('nav.workspace'), end: true },
    { to: paths.agencies, label: t('nav.agencies'), permission: 'agency.read' },
    { to: paths.people, label: t('nav.people'), permission: 'person.read' },
    { to: paths.handovers, label: t('handover.nav'), permission: 'person.read' },
    { to: paths.ruleVersions, label: t('ruleVersions.nav'), permission: 'legal_rules.manage' },
    { to: paths.cases, label: t('cases.nav'), permission: 'case.read' },
    { to: paths.tasks, label: t('caseTasks.nav'), permission: 'case.read' },
    { to: paths.appointments, label: t('caseRecords.myAppointments.nav'), permission: 'case.read' },
    { to: paths.correspondence, label: t('nav.correspondence'), permission: 'case.read' },
    { to: paths.referrals, label: t('nav.referrals'), permission: 'referral.read' },
    { to: paths.measures, label: t('nav.measures'), permission: 'measure.read' },
    { to: paths.funnel, label: t('nav.reports'), permission: 'funnel.read' },
    { to: paths.socialSpaceMap, label: t('socialSpace.nav'), permission: 'social_space.read' },
    { to: paths.users, label: t('nav.users'), permission: 'user.read' },
    { to: paths.audit, label: t('nav.audit'), permission: 'audit.read' },
    { to: paths.privacy, label: t('dataProtection.nav'), permission: 'agency.read' },
    { to: paths.account, label: t('nav.account') },
  ];
  const visible = items.filter((item) => !item.permission || hasPermission(me, item.permission));

  return (
    <div className="lotse-page">
      <SkipLink />
      <header className="lotse-header">
        <div className="kern-container lotse-header__bar">
          <Brand />
          <div className="lotse-header__tools">
            {me ? (
              <p className="lotse-header__user">
                <span className="kern-sr-only">{t('app.signedInAs')} </span>
                <span className="lotse-header__user-name">{me.user.displayName}</span>
                <span className="lotse-header__user-agency">{me.agency.name}</span>
              </p>
            ) : null}
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
        <nav className="lotse-nav" aria-label={t('app.mainNavigation')}>
          <div className="kern-container">
            <ul className="lotse-nav__list">
              {visible.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="lotse-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="lotse-main">
        <div className="kern-container">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <Footer />
    </div>
  );
}

/** The frame of pages for people who are not signed in (login). */
export function PublicLayout() {
  return (
    <div className="lotse-page">
      <SkipLink />
      <header className="lotse-header">
        <div className="kern-container lotse-header__bar">
          <Brand />
          <div className="lotse-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="lotse-main lotse-main--public">
        <div className="kern-container">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <Footer />
    </div>
  );
}
