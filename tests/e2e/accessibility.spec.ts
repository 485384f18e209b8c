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

test('person details, residence documents, households and the worklist have no axe violations', async ({ page }) => {
  // Letters only: a name that no seeded person has and that the search finds as it is.
  const familyName = `Axeprobe${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
  await login(page, 'abh');
  await page.goto('/personen/neu');
  await page.getByLabel('Vornamen', { exact: true }).fill('Yohannes');
  await page.getByLabel('Familienname', { exact: true }).fill(familyName);
  await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
  await page.getByRole('button', { name: 'Kontaktweg hinzufügen' }).click();
  await page.getByRole('button', { name: 'Anschrift hinzufügen' }).click();
  await page.getByLabel('Dolmetschen erforderlich').check();
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await expectNoAxeViolations(page, 'Person erfassen: Sprachen, Kontaktwege, Anschriften mit Fehlern');
  await page.getByRole('button', { name: 'Sprache 1 entfernen' }).click();
  await page.getByRole('button', { name: 'Kontaktweg 1 entfernen' }).click();
  await page.getByRole('button', { name: 'Anschrift 1 entfernen' }).click();
  await page.getByLabel('Dolmetschen erforderlich').uncheck();
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  const confirm = page.getByRole('button', { name: 'Es ist eine andere Person – trotzdem erfassen' });
  const heading = page.getByRole('heading', { level: 1, name: /^Yohannes Axeprobe/ });
  await expect(heading.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(heading).toBeVisible();
  await expectNoAxeViolations(page, 'Person mit leeren Abschnitten');

  await page.getByRole('button', { name: 'Dokument hinzufügen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aufenthaltsdokument hinzufügen' });
  await dialog.getByLabel('Art des Dokuments').selectOption({ label: 'Aufenthaltserlaubnis' });
  await dialog.getByLabel('Wohnsitzauflage', { exact: true }).check();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await expectNoAxeViolations(page, 'Aufenthaltsdokument mit Fehlern');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Haushalt anlegen' }).click();
  await page
    .getByRole('dialog', { name: 'Haushalt anlegen' })
    .getByRole('button', { name: 'Haushalt anlegen' })
    .click();
  await expect(page.getByText('Der Haushalt wurde angelegt.')).toBeVisible();
  await expectNoAxeViolations(page, 'Haushalt');
  await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  await page.getByRole('searchbox', { name: 'Person suchen' }).fill(familyName);
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Mitglied hinzufügen');
  await page.keyboard.press('Escape');

  await page.goto('/personen/ablaufende-dokumente');
  await expect(page.getByRole('heading', { level: 1, name: 'Ablaufende Aufenthaltsdokumente' })).toBeVisible();
  await expectNoAxeViolations(page, 'Ablaufende Aufenthaltsdokumente');
});
