import { expect, test } from '@playwright/test';
import { freshAdminTotpCode, login, logout, submitPassword } from './helpers';

test.describe('Anmeldung', () => {
  test('login and logout', async ({ page }) => {
    await login(page, 'sozialamt');
    await expect(page).toHaveTitle('Mein Arbeitsplatz – Lotse');
    const header = page.getByRole('banner');
    await expect(header.getByText('Sabine Schulte')).toBeVisible();
    // The demo cases give her open tasks; the card shows them (or says there are none).
    await expect(page.getByRole('heading', { name: 'Meine Aufgaben' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Letzte Anmeldungen' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'erfolgreich' }).first()).toBeVisible();

    await logout(page);
    await expect(page.getByText('Sie wurden abgemeldet.')).toBeVisible();
    // The session is really gone: a protected page sends us back to the login.
    await page.goto('/behoerden');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  });

  test('wrong password shows a German error and focuses the summary', async ({ page }) => {
    await submitPassword(page, 'jugendamt', 'falsches-passwort');
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await expect(summary).toContainText('Benutzername oder Passwort ist falsch.');
    await expect(summary).toBeFocused();
    await expect(page.getByLabel('Passwort', { exact: true })).toHaveValue('');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  });

  test('a failed sign-in at the identity provider is explained on the login page', async ({ page }) => {
    await page.goto('/anmelden?fehler=ACCOUNT_NOT_PROVISIONED');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Kein Zugang');
    await expect(alert).toContainText('keine Behörde oder Rolle hinterlegt');
    await page.goto('/anmelden?fehler=<script>');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('empty fields are reported next to the inputs', async ({ page }) => {
    await page.goto('/anmelden');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('Benutzername: Bitte füllen Sie dieses Feld aus.');
    await expect(page.getByLabel('Benutzername')).toHaveAttribute('aria-invalid', 'true');
  });

  test('admin signs in with a second factor', async ({ page }) => {
    await submitPassword(page, 'admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Zweiter Faktor' })).toBeVisible();

    await page.getByLabel('Sicherheitscode').fill('000000');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();

    await page.getByLabel('Sicherheitscode').fill(await freshAdminTotpCode());
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Benutzerverwaltung' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Protokoll' })).toHaveCount(0);
  });

  test('the recovery-code form can be chosen on the second step', async ({ page }) => {
    await submitPassword(page, 'admin');
    await page.getByRole('button', { name: 'Stattdessen einen Wiederherstellungscode verwenden' }).click();
    await expect(page.getByLabel('Wiederherstellungscode')).toBeVisible();
    await page.getByRole('button', { name: 'Abbrechen und neu anmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  });

  test('an expired session leads back to the login with a message', async ({ page, context }) => {
    await login(page, 'gesundheitsamt');
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Behörden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.')).toBeVisible();
  });

  test('unknown pages show a 404 page inside the app', async ({ page }) => {
    await login(page, 'aa');
    await page.goto('/gibt-es-nicht');
    await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
    await expect(page).toHaveTitle('Seite nicht gefunden – Lotse');
    await page.getByRole('link', { name: 'Zur Startseite' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
  });

  test('pages the user may not use are not offered and say so', async ({ page }) => {
    await login(page, 'cbe');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Behörden' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Benutzerverwaltung' })).toHaveCount(0);
    await page.goto('/benutzer');
    await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  });
});
