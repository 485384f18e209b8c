import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, loginAsAdmin } from './helpers';

// One caseworker session for the whole story: register, find as a duplicate, search, edit.
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
});

test.afterAll(async () => {
  await page.context().close();
});

test('register a person', async () => {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
  await expect(page).toHaveTitle('Personen – Lotse');
  await page.getByRole('link', { name: 'Person erfassen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Person erfassen' })).toBeVisible();

  // Validation before anything is sent, with the summary taking focus.
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Vornamen: Bitte füllen Sie dieses Feld aus.');
  await expect(summary).toContainText('Familienname: Bitte füllen Sie dieses Feld aus.');

  await page.getByLabel('Vornamen', { exact: true }).fill('Mohammed');
  await page.getByLabel('Familienname', { exact: true }).fill('Al-Hussein');
  await page.getByLabel('Geschlecht').selectOption({ label: 'männlich' });
  await page.getByLabel('Geburtsdatum').fill('15.03.1990');
  await page.getByLabel('Geburtsort').fill('Aleppo');
  await page.getByLabel('Geburtsland').fill('SY');
  await page.getByLabel('Staatsangehörigkeiten').fill('SY');
  await page.getByRole('button', { name: 'Namensvariante hinzufügen' }).click();
  await page.getByLabel('Art (1)').selectOption({ label: 'Originalschrift' });
  await page.getByLabel('Vornamen (1)').fill('محمد');
  await page.getByLabel('Familienname (1)').fill('الحسين');
  await page.getByLabel('Schrift (1)').fill('Arab');
  await page.getByRole('button', { name: 'Kennung hinzufügen' }).click();
  await page.getByLabel('Art der Kennung (1)').selectOption({ label: 'AZR-Nummer' });
  await page.getByLabel('Nummer (1)').fill('12345');
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  await expect(summary).toContainText('Die AZR-Nummer hat 12 Ziffern.');
  await page.getByLabel('Nummer (1)').fill('123456789012');
  await expect(page.getByText('Keine ähnlichen Personen gefunden.')).toBeVisible();
  await page.getByRole('button', { name: 'Person erfassen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hussein' })).toBeVisible();
  await expect(page.getByText('Die Person wurde erfasst.')).toBeVisible();
  await expect(page.getByText('Syrien (SY)').first()).toBeVisible();
  await expect(page.getByText('123456789012')).toBeVisible();
});

test('the registration shows the person as a possible duplicate', async () => {
  await page.goto('/personen/neu');
  await page.getByLabel('Vornamen', { exact: true }).fill('Muhamad');
  await page.getByLabel('Familienname', { exact: true }).fill('Husain');
  await page.getByLabel('Geburtsdatum').fill('1990-03-15');

  const panel = page.getByRole('region', { name: 'Mögliche Dubletten' });
  const candidate = panel.getByRole('listitem').filter({ hasText: 'Mohammed Al-Hussein' });
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('15.03.1990');
  await expect(candidate.getByRole('list').getByRole('listitem').filter({ hasText: /Geburtsdatum/i })).not.toHaveCount(0);
  await expect(panel.getByRole('status')).toContainText(/mögliche Dublette/);

  await expect(candidate).toContainText('wahrscheinlich dieselbe Person');
  await expectNoAxeViolations(page, 'Person erfassen mit Dubletten');

  // Registering anyway needs an explicit confirmation, as the server considers it likely the same person.
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Diese Person ist möglicherweise schon erfasst.' });
  await expect(warning).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Person erfassen' })).toBeVisible();
  await warning.getByRole('button', { name: 'Es ist eine andere Person – trotzdem erfassen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Muhamad Husain' })).toBeVisible();
  await expect(page.getByText('Die Person wurde erfasst.')).toBeVisible();
});

test('search finds the person in another spelling and order', async () => {
  await page.goto('/personen');
  await page.getByRole('searchbox', { name: 'Name' }).fill('husain muhamad');
  const table = page.getByRole('table', { name: 'Suchergebnisse' });
  const row = table.getByRole('row').filter({ hasText: 'Mohammed Al-Hussein' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('15.03.1990');
  await expect(row).toContainText('Syrien (SY)');
  await expect(row).toContainText('%');
  await expect(page.getByRole('status').filter({ hasText: /\d+ Treffer/ })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Name' }).fill('x');
  await expect(page.getByText('Bitte geben Sie mindestens 2 Zeichen ein.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Name' }).fill('husain muhamad');
  await row.getByRole('link', { name: 'Mohammed Al-Hussein' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hussein' })).toBeVisible();
});

test('edit the place of birth', async () => {
  const facts = page.getByRole('region', { name: 'Stammdaten' });
  await expect(facts.getByText('Originalschrift')).toBeVisible();
  await expect(facts.getByText('محمد الحسين')).toBeVisible();
  await expect(facts.getByText('AZR-Nummer')).toBeVisible();
  await expect(facts).toContainText('15.03.1990');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Daten bearbeiten' }) });
  await form.getByLabel('Geburtsort').fill('Halab');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();
  await expect(facts.getByRole('definition').filter({ hasText: 'Halab' })).toBeVisible();

  await page.reload();
  await expect(facts.getByRole('definition').filter({ hasText: 'Halab' })).toBeVisible();
});

test('a change by someone else in the meantime is reported', async ({ browser }) => {
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Daten bearbeiten' }) });
  await expect(form.getByLabel('Geburtsort')).toHaveValue('Halab');

  // A colleague changes the same person in another session.
  const context = await browser.newContext();
  const other = await context.newPage();
  await login(other, 'sozialamt');
  await other.goto(page.url());
  const otherForm = other.locator('form', { has: other.getByRole('heading', { name: 'Daten bearbeiten' }) });
  await otherForm.getByLabel('Geburtsort').fill('Aleppo (Halab)');
  await otherForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(other.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();
  await context.close();

  await form.getByLabel('Geburtsort').fill('Haleb');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie ihn neu.',
  );
  await page.getByRole('button', { name: 'Neu laden' }).click();
  await expect(form.getByLabel('Geburtsort')).toHaveValue('Aleppo (Halab)');
});

test('administrators have no people navigation', async ({ browser }) => {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await loginAsAdmin(admin);
  const nav = admin.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Benutzerverwaltung' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Personen' })).toHaveCount(0);
  await admin.goto('/personen');
  await expect(admin.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  await context.close();
  await expectNoAxeViolations(page, 'Person (nach Änderung)');
});
