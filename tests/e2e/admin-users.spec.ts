import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { expectNoAxeViolations, loginAsAdmin, settled, submitPassword } from './helpers';

// One admin session for the whole file: every admin sign-in needs a fresh TOTP time step.
test.describe.configure({ mode: 'serial' });

let page: Page;
const username = `e2e.${Date.now().toString(36)}`;
const displayName = 'Erika Testfrau';

test.beforeAll(async ({ browser }) => {
  // axe needs a page of an explicitly created context.
  const context = await browser.newContext();
  page = await context.newPage();
  await loginAsAdmin(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test('user list: search, filter and sort', async () => {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Benutzerverwaltung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerverwaltung' })).toBeVisible();
  await expect(page).toHaveTitle('Benutzerverwaltung – Lotse');
  const table = page.getByRole('table', { name: 'Benutzerkonten' });
  await expect(table.getByRole('link', { name: 'sozialamt' })).toBeVisible();

  const usernameHeader = table.getByRole('columnheader', { name: 'Benutzername' });
  await expect(usernameHeader).toHaveAttribute('aria-sort', 'ascending');
  await usernameHeader.getByRole('button').click();
  await expect(usernameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('wohnungsamt');

  await page.getByRole('searchbox', { name: 'Suche' }).fill('abh');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'abh' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Suche' }).fill('niemand-heisst-so');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('heading', { name: 'Keine Benutzer gefunden.' })).toBeVisible();
  await page.getByRole('button', { name: 'Zurücksetzen' }).click();
  await expect(table.getByRole('link', { name: 'sozialamt' })).toBeVisible();

  await expectNoAxeViolations(page, 'Benutzerverwaltung');
});

test('create a user in the dialog', async () => {
  await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuen Benutzer anlegen' });
  await expect(dialog).toBeVisible();

  // Validation happens before anything is sent.
  await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await expect(dialog.getByRole('alert')).toContainText('Startpasswort: Bitte füllen Sie dieses Feld aus.');
  await dialog.getByLabel('Startpasswort').fill('zu-kurz');
  await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Startpasswort: Bitte geben Sie mindestens 12 Zeichen ein.');

  await dialog.getByLabel('Benutzername').fill(username);
  await dialog.getByLabel('Name', { exact: true }).fill(displayName);
  await dialog.getByLabel('E-Mail').fill(`${username}@muelheim-ruhr.example`);
  await dialog.getByLabel('Behörde').selectOption({ label: 'Sozialamt – Leistungen für Geflüchtete' });
  await dialog.getByRole('combobox', { name: 'Team (optional)' }).selectOption({ label: 'Flüchtlingssozialdienst' });
  await dialog.getByRole('checkbox', { name: 'Teamleitung' }).check();
  await dialog.getByLabel('Startpasswort').fill('ein-sicheres-startpasswort');
  await expectNoAxeViolations(page, 'Benutzer anlegen (Dialog)');
  await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Der Benutzer „${username}“ wurde angelegt.`)).toBeVisible();
});

test('find the new user, check details and deactivate with confirmation', async () => {
  await page.getByRole('searchbox', { name: 'Suche' }).fill(username);
  await page.getByRole('button', { name: 'Suchen' }).click();
  const table = page.getByRole('table', { name: 'Benutzerkonten' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('Sachbearbeitung, Teamleitung');
  await expect(row).toContainText('Aktiv');
  await row.getByRole('link', { name: username }).click();

  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  await expect(page).toHaveTitle(`Benutzer ${displayName} – Lotse`);
  await expect(page.getByText('Flüchtlingssozialdienst').first()).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'Benutzerdetails');

  await page.getByRole('button', { name: 'Benutzer deaktivieren' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Benutzer deaktivieren?' });
  await expect(confirm).toContainText('Alle Sitzungen werden beendet.');
  await expectNoAxeViolations(page, 'Bestätigungsdialog');
  // Escape closes without doing anything.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Das Konto ist aktiv.')).toBeVisible();

  await page.getByRole('button', { name: 'Benutzer deaktivieren' }).click();
  await confirm.getByRole('button', { name: 'Ja, deaktivieren' }).click();
  await expect(confirm).toBeHidden();
  const message = page.getByText('Der Benutzer wurde deaktiviert. Alle Sitzungen wurden beendet.');
  await expect(message).toBeVisible();
  await expect(page.getByText('Das Konto ist deaktiviert. Die Person kann sich nicht anmelden.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Benutzer aktivieren' })).toBeVisible();

  await page.getByRole('link', { name: 'Zurück zur Benutzerverwaltung' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Deaktiviert' });
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('table', { name: 'Benutzerkonten' }).getByRole('link', { name: username })).toBeVisible();
});

test('edit roles of a user', async () => {
  await page.getByRole('table', { name: 'Benutzerkonten' }).getByRole('link', { name: username }).click();
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Erika Mustertest');
  await page.getByRole('checkbox', { name: 'Teamleitung' }).uncheck();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Erika Mustertest' })).toBeVisible();
});

test('a deactivated user cannot sign in', async ({ browser }) => {
  const context = await browser.newContext();
  const other = await context.newPage();
  await submitPassword(other, username, 'ein-sicheres-startpasswort');
  await expect(other.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await context.close();
});

test('a new agency administrator sets up the second factor and changes the password', async ({ browser }) => {
  const adminName = `e2e.fa.${Date.now().toString(36)}`;
  await page.goto('/benutzer');
  await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuen Benutzer anlegen' });
  await dialog.getByLabel('Benutzername').fill(adminName);
  await dialog.getByLabel('Name', { exact: true }).fill('Fritz Fachadmin');
  await dialog.getByLabel('Behörde').selectOption({ label: 'Jugendamt' });
  await dialog.getByRole('checkbox', { name: 'Sachbearbeitung' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Fachadministration' }).check();
  await dialog.getByLabel('Startpasswort').fill('startpasswort-fachadmin');
  await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(page.getByText(`Der Benutzer „${adminName}“ wurde angelegt.`)).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await submitPassword(other, adminName, 'startpasswort-fachadmin');
  await expect(other.getByRole('heading', { level: 1, name: 'Zweiten Faktor einrichten' })).toBeVisible();
  await other.getByRole('button', { name: 'Einrichtung starten' }).click();
  const secret = (await other.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoAxeViolations(other, 'Einrichtung zweiter Faktor bei der Anmeldung');

  await other.getByLabel('Code aus der App').fill(await generate({ secret }));
  await other.getByRole('button', { name: 'Code bestätigen' }).click();
  await expect(other.getByText('Wiederherstellungscodes – jetzt sichern!')).toBeVisible();
  await expect(other.getByRole('list', { name: 'Ihre Wiederherstellungscodes' }).getByRole('listitem')).not.toHaveCount(0);

  // Going on requires confirming that the codes were saved.
  await other.getByRole('button', { name: 'Weiter' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await other.getByRole('checkbox', { name: 'Ich habe die Wiederherstellungscodes sicher aufbewahrt.' }).check();
  await other.getByRole('button', { name: 'Weiter' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
  await expect(other.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Benutzerverwaltung' })).toBeVisible();

  await other.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mein Konto' }).click();
  await expect(other.getByText('Der zweite Faktor (Authenticator-App) ist eingerichtet.')).toBeVisible();
  await other.getByLabel('Aktuelles Passwort').fill('startpasswort-fachadmin');
  await other.getByLabel('Neues Passwort', { exact: true }).fill('ein-neues-langes-passwort');
  await other.getByLabel('Neues Passwort wiederholen').fill('ein-anderes-passwort');
  await other.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(other.getByRole('alert')).toContainText('Die beiden Passwörter stimmen nicht überein.');
  await other.getByLabel('Neues Passwort wiederholen').fill('ein-neues-langes-passwort');
  await other.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expect(other.getByText('Ihr Passwort wurde geändert. Alle Ihre Sitzungen wurden beendet.')).toBeVisible();
  await context.close();
});
