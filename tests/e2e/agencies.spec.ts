import { expect, test } from '@playwright/test';
import { login, loginAsAdmin } from './helpers';

test('agency directory and detail page', async ({ page }) => {
  await login(page, 'jobcenter');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Behörden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Behördenverzeichnis' })).toBeVisible();
  await expect(page).toHaveTitle('Behördenverzeichnis – Lotse');
  await expect(page.getByText('Welchen Auftrag hat die Ausländerbehörde?')).toBeVisible();

  const list = page.getByRole('list', { name: 'Behördenverzeichnis' });
  await expect(list.getByRole('listitem')).toHaveCount(9);
  const abh = list.getByRole('listitem').filter({ hasText: 'Ausländerbehörde' });
  await expect(abh).toHaveCount(1);
  await abh.getByRole('link').click();

  await expect(page.getByText('Ausländerbehörde', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Auftrag' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Rechtsgrundlagen' })).toBeVisible();
  await expect(page.getByText('AufenthG').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kontakt' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Teams' })).toBeVisible();
  await expect(page.getByText('Aufenthalt und Asyl')).toBeVisible();
  // A caseworker reads but does not edit.
  await expect(page.getByRole('button', { name: 'Angaben bearbeiten' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Zurück zum Behördenverzeichnis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Behördenverzeichnis' })).toBeVisible();
});

test('an administrator edits an agency and creates a team', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/behoerden');
  await page.getByRole('link', { name: /Wohnungsamt|Wohnen/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Auftrag' })).toBeVisible();

  await page.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  const form = page.getByRole('form', { name: 'Angaben bearbeiten' });
  await form.getByLabel('E-Mail').fill('keine-adresse');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('alert')).toContainText('Bitte geben Sie eine gültige E-Mail-Adresse ein');

  const shortMandate = 'Wohnraum vermitteln und Obdachlosigkeit verhindern – geprüft im E2E-Test.';
  await form.getByLabel('E-Mail').fill('wohnen@muelheim-ruhr.example');
  await form.getByLabel('Auftrag in einem Satz').fill(shortMandate);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Angaben wurden gespeichert.' })).toBeFocused();
  await expect(page.getByText(shortMandate)).toBeVisible();
  await expect(page.getByRole('link', { name: 'wohnen@muelheim-ruhr.example' })).toBeVisible();

  const teamName = `Team E2E ${Date.now().toString(36)}`;
  await page.getByLabel('Name des Teams').fill(teamName);
  await page.getByRole('button', { name: 'Team anlegen' }).click();
  await expect(page.getByText(`Das Team „${teamName}“ wurde angelegt.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: teamName })).toContainText('0 Mitglieder');
});
