import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// Emergency access: a Jobcenter caseworker finds a person the Sozialamt registered through the
// "Notfallzugriff" dialog, confirms, sees the person with the banner, and ends the access. The
// demo seed holds thousands of people, so the name carries a random suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Notfall${suffix}`;
const REASON = 'Person in der Notaufnahme, Leistungsanspruch muss sofort geklärt werden.';

let page: Page;
let personId = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const registrar = await context.newPage();
  await login(registrar, 'sozialamt');
  const response = await registrar.request.post('/api/v1/people', {
    data: { givenNames: 'Hawa', familyName, dateOfBirth: '1979-06-21', duplicatesReviewed: true },
    headers: { 'X-CSRF-Token': await csrf(registrar) },
  });
  expect(response.status(), await response.text()).toBe(201);
  personId = ((await response.json()) as { id: string }).id;
  await context.close();

  page = await (await browser.newContext()).newPage();
  await login(page, 'jobcenter');
});

test.afterAll(async () => {
  await page.context().close();
});

test('the Jobcenter cannot open the person of the Sozialamt', async () => {
  const response = await page.request.get(`/api/v1/people/${personId}`);
  expect(response.status()).toBe(404);
});

test('finds the person through the emergency dialog, with a reason, and passes axe', async () => {
  await page.goto('/personen');
  await settled(page);
  await page.getByRole('button', { name: 'Notfallzugriff' }).click();
  const dialog = page.getByRole('dialog', { name: 'Notfallzugriff' });
  await expect(dialog).toBeVisible();

  // Too short a reason is refused next to the field.
  await dialog.getByLabel('Begründung').fill('Dringend');
  await dialog.getByLabel('Familienname').fill(familyName);
  await dialog.getByRole('button', { name: 'Suchen' }).click();
  await expect(dialog.locator('.kern-error').filter({ hasText: '20' })).toBeVisible();

  await dialog.getByLabel('Begründung').fill(REASON);
  await expect(dialog.getByText(`${REASON.length} von mindestens 20 Zeichen`)).toBeVisible();
  await dialog.getByLabel('Geburtsdatum').fill('21.06.1979');
  await dialog.getByRole('button', { name: 'Suchen' }).click();
  const row = dialog.getByRole('row').filter({ hasText: familyName });
  await expect(row).toContainText('21.06.1979');
  await expect(row).toContainText('Sozialamt');
  await expectNoAxeViolations(page, 'Notfallzugriff – Trefferliste');
});

test('confirms the access, lands on the person page with the banner, and passes axe', async () => {
  const dialog = page.getByRole('dialog', { name: 'Notfallzugriff' });
  await dialog.getByRole('button', { name: `Zugriff für 3 Stunden freischalten: Hawa ${familyName}` }).click();
  await expect(dialog.getByText('Die Teamleitung der erfassenden Stelle')).toBeVisible();
  await expectNoAxeViolations(page, 'Notfallzugriff – Bestätigung');
  await dialog.getByRole('button', { name: 'Zugriff freischalten' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Hawa ${familyName}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/personen/${personId}$`));
  const banner = page.locator('.kern-alert').filter({ hasText: 'Sie sehen diese Person über einen Notfallzugriff' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/noch (180|179) Minuten/);
  await expectNoAxeViolations(page, 'Personenseite mit Notfallzugriff');
});

test('lists the access under "Meine Notfallzugriffe" and ends it from the banner', async () => {
  await page.goto('/datenschutz/notfallzugriffe');
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Notfallzugriffe' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: familyName });
  await expect(row).toContainText('läuft');
  await expect(row).toContainText(REASON);
  await expectNoAxeViolations(page, 'Meine Notfallzugriffe');

  await page.goto(`/personen/${personId}`);
  await page.getByRole('button', { name: 'Zugriff beenden' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Notfallzugriff beenden?' });
  await confirm.getByRole('button', { name: 'Zugriff beenden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
  const response = await page.request.get(`/api/v1/people/${personId}`);
  expect(response.status()).toBe(404);
});

test('the team lead of the Sozialamt is notified and reviews the access', async ({ browser }) => {
  const lead = await (await browser.newContext()).newPage();
  await login(lead, 'teamleitung');
  const card = lead.locator('section').filter({ has: lead.getByRole('heading', { name: 'Benachrichtigungen' }) });
  await expect(
    card.getByText(/Notfallzugriff durch Jonas Krämer \(.+\) auf eine Person Ihrer Stelle/).first(),
  ).toBeVisible();
  await expectNoAxeViolations(lead, 'Mein Arbeitsplatz mit Benachrichtigung');
  await card.getByRole('link', { name: 'Zur Prüfung' }).first().click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Notfallzugriffe prüfen' })).toBeVisible();
  const row = lead.getByRole('row').filter({ hasText: familyName });
  await expect(row).toContainText(REASON);
  await expectNoAxeViolations(lead, 'Notfallzugriffe prüfen');
  await row.getByRole('button', { name: 'Prüfen: Notfallzugriff von Jonas Krämer' }).click();
  const dialog = lead.getByRole('dialog', { name: 'Notfallzugriff prüfen' });
  await dialog.getByLabel('Ergebnis').selectOption('not_justified');
  await dialog.getByRole('button', { name: 'Prüfung speichern' }).click();
  await expect(
    dialog.getByText('Bitte begründen Sie, warum der Zugriff nicht gerechtfertigt war.').first(),
  ).toBeVisible();
  await dialog.getByLabel('Vermerk').fill('Regulär über Einwilligung möglich gewesen.');
  await dialog.getByRole('button', { name: 'Prüfung speichern' }).click();
  await expect(lead.getByText('Die Prüfung ist gespeichert.')).toBeVisible();
  await lead.context().close();
});
