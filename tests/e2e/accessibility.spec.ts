import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, submitPassword } from './helpers';

// Users and user detail are checked in admin-users.spec.ts, within the one admin session.

test('login page and second-factor step have no axe violations', async ({ page }) => {
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expectNoAxeViolations(page, 'Anmelden');

  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'Anmelden mit Fehlern');

  await submitPassword(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Zweiter Faktor' })).toBeVisible();
  await expectNoAxeViolations(page, 'Zweiter Faktor');
});

test('main screens of a caseworker have no axe violations', async ({ page }) => {
  await login(page, 'jugendamt');
  await expectNoAxeViolations(page, 'Mein Arbeitsplatz');

  await page.goto('/behoerden');
  await expect(page.getByRole('heading', { level: 1, name: 'Behördenverzeichnis' })).toBeVisible();
  await expectNoAxeViolations(page, 'Behördenverzeichnis');

  await page.getByRole('link', { name: 'Ausländerbehörde' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rechtsgrundlagen' })).toBeVisible();
  await expectNoAxeViolations(page, 'Behördendetails');

  await page.goto('/konto');
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
  await expectNoAxeViolations(page, 'Mein Konto');

  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'Mein Konto mit Fehlern');

  await page.getByRole('button', { name: 'Einrichtung starten' }).click();
  await expect(page.getByTestId('totp-secret')).toBeVisible();
  await expectNoAxeViolations(page, 'Zweiten Faktor einrichten');

  await page.goto('/gibt-es-nicht');
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expectNoAxeViolations(page, '404');
});

test('audit viewer has no axe violations', async ({ page }) => {
  await login(page, 'dsb');
  await page.goto('/protokoll');
  await expect(page.getByRole('table', { name: 'Protokolleinträge' })).toBeVisible();
  await expectNoAxeViolations(page, 'Protokoll');
  await page.getByRole('button', { name: 'Protokollkette prüfen' }).click();
  await expect(page.getByText('Die Protokollkette ist unversehrt.')).toBeVisible();
  await expectNoAxeViolations(page, 'Protokoll nach Prüfung');
});

test('English workspace has no axe violations', async ({ page }) => {
  await page.goto('/anmelden');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByLabel('Username').fill('jobcenter');
  await page.getByLabel('Password', { exact: true }).fill('lotse-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My workspace' })).toBeVisible();
  await expectNoAxeViolations(page, 'My workspace (en)');
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
});

test('people screens have no axe violations', async ({ page }) => {
  await login(page, 'abh');
  await page.goto('/personen');
  await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
  await expectNoAxeViolations(page, 'Personen');

  await page.getByRole('link', { name: 'Person erfassen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Person erfassen' })).toBeVisible();
  await page.getByRole('button', { name: 'Namensvariante hinzufügen' }).click();
  await page.getByRole('button', { name: 'Kennung hinzufügen' }).click();
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await expectNoAxeViolations(page, 'Person erfassen mit Fehlern');
  await page.getByRole('button', { name: 'Namensvariante 1 entfernen' }).click();
  await page.getByRole('button', { name: 'Kennung 1 entfernen' }).click();

  await page.getByLabel('Vornamen', { exact: true }).fill('Olena');
  await page.getByLabel('Familienname', { exact: true }).fill('Kovalenko');
  await page.getByLabel('Geburtsdatum').fill('00.00.1985');
  await page.getByLabel('Staatsangehörigkeiten').fill('UA');
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Olena Kovalenko' })).toBeVisible();
  await expect(page.getByText('1985 (nur Jahr)')).toBeVisible();
  await expectNoAxeViolations(page, 'Person');

  await page.goto('/personen?q=kowalenko');
  await expect(page.getByRole('table', { name: 'Suchergebnisse' })).toBeVisible();
  await expectNoAxeViolations(page, 'Personen mit Treffern');

  await page.goto('/personen/neu');
  await page.getByLabel('Vornamen', { exact: true }).fill('Olena');
  await page.getByLabel('Familienname', { exact: true }).fill('Kowalenko');
  await page.getByLabel('Geburtsdatum').fill('1985');
  await expect(page.getByRole('region', { name: 'Mögliche Dubletten' }).getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Person erfassen mit Dubletten');
});
