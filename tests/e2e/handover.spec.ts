import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// Rechtskreiswechsel: a person with an Aufenthaltsgestattung (AsylbLG, Sozialamt) is recognised and
// gets a residence permit under § 25 Abs. 2 AufenthG. Recording it opens a handover to SGB II at
// the Jobcenter; the Rechtskreis panel shows it with its checklist, the caseworker ticks items and
// names an owner, and the board lists it. The demo seed holds thousands of people: names carry a suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Uebergabe${suffix}`;

let page: Page;
let personId = '';

/** The day in Europe/Berlin (the server's "today"), moved by `offset` days, as 'YYYY-MM-DD'. */
function berlinDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

async function recordDocument(p: Page, data: Record<string, unknown>): Promise<void> {
  const response = await p.request.post(`/api/v1/people/${personId}/residence-documents`, {
    data,
    headers: { 'X-CSRF-Token': await csrf(p) },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const response = await page.request.post('/api/v1/people', {
    data: {
      givenNames: 'Samira',
      familyName,
      dateOfBirth: '1992-03-08',
      nationalities: ['SY'],
      duplicatesReviewed: true,
    },
    headers: { 'X-CSRF-Token': await csrf(page) },
  });
  expect(response.status(), await response.text()).toBe(201);
  personId = ((await response.json()) as { id: string }).id;
  await recordDocument(page, {
    documentType: 'aufenthaltsgestattung',
    issuedOn: berlinDay(-200),
    validUntil: berlinDay(200),
    employment: 'with_permission',
  });
});

test.afterAll(async () => {
  await page.context().close();
});

test('before the recognition there is no change of legal domain', async () => {
  await page.goto(`/personen/${personId}`);
  const panel = page.locator('#person-legal');
  await expect(panel.getByRole('heading', { level: 3, name: 'Rechtskreiswechsel' })).toBeVisible();
  await expect(panel.getByText('Kein offener Rechtskreiswechsel.')).toBeVisible();
});

test('recording the recognition opens the handover AsylbLG → SGB II with its checklist', async () => {
  await recordDocument(page, {
    documentType: 'aufenthaltserlaubnis',
    legalBasis: '§ 25 Abs. 2 AufenthG',
    issuedOn: berlinDay(0),
    validUntil: berlinDay(1000),
    employment: 'allowed',
  });
  await page.reload();
  const panel = page.locator('#person-legal');
  await expect(
    panel.getByRole('heading', { level: 4, name: /AsylbLG – Grundleistungen \(§ 3 AsylbLG\) → SGB II – Bürgergeld/ }),
  ).toBeVisible();
  const value = (term: string) => panel.locator('.kern-description-list-item').filter({ hasText: term }).locator('dd');
  await expect(value('Von – an')).toHaveText('Sozialamt → Jobcenter');
  await expect(value('Verantwortlich')).toHaveText('Noch niemand');
  const checklist = panel.getByRole('group', { name: 'Checkliste' });
  await expect(checklist.getByRole('checkbox')).toHaveCount(5);
  await expect(checklist.getByRole('checkbox', { name: 'SGB-II-Antrag beim Jobcenter gestellt' })).not.toBeChecked();
  await expect(panel.getByRole('button', { name: 'Übergabe abschließen' })).toBeDisabled();
  await expectNoAxeViolations(page, 'Personenseite mit Rechtskreiswechsel');
});

test('the caseworker ticks items with the keyboard and names an owner', async () => {
  const panel = page.locator('#person-legal');
  const checklist = panel.getByRole('group', { name: 'Checkliste' });
  const application = checklist.getByRole('checkbox', { name: 'SGB-II-Antrag beim Jobcenter gestellt' });
  await application.focus();
  await page.keyboard.press('Space');
  await expect(application).toBeChecked();
  await expect(panel.getByText(/erledigt von .* am \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  const appointment = checklist.getByRole('checkbox', { name: /Erster Termin im Jobcenter gebucht/ });
  await appointment.click();
  await expect(appointment).toBeChecked();

  const owner = panel.getByLabel('Verantwortliche Person der eigenen Stelle');
  const optionLabels = await owner.locator('option').allTextContents();
  const colleague = optionLabels.find((l) => l !== '– niemand –');
  expect(colleague).toBeDefined();
  await owner.selectOption({ label: colleague! });
  const ownerName = colleague!.replace(/ \(.*\)$/, '');
  await expect(
    panel.locator('.kern-description-list-item').filter({ hasText: 'Verantwortlich' }).locator('dd'),
  ).toHaveText(ownerName);
  await settled(page);
  await expectNoAxeViolations(page, 'Rechtskreiswechsel mit erledigten Punkten');
});

test('the board lists the open handover with its progress; the filter and empty state work', async () => {
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Rechtskreiswechsel' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rechtskreiswechsel' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Übergaben bei einem Rechtskreiswechsel' });
  const row = table.getByRole('row').filter({ hasText: familyName });
  await expect(row).toContainText('SGB II – Bürgergeld');
  await expect(row).toContainText('Sozialamt → Jobcenter');
  await expect(row).toContainText('2 von 5 erledigt');
  await expectNoAxeViolations(page, 'Übersicht Rechtskreiswechsel');

  await page.getByLabel('Anzeigen').selectOption({ label: 'Abgeschlossen' });
  await expect(page).toHaveURL(/stand=erledigt/);
  await expect(page.getByRole('heading', { level: 2, name: 'Keine Übergaben' })).toBeVisible();
  await expectNoAxeViolations(page, 'Übersicht Rechtskreiswechsel, leer');

  await page.getByLabel('Anzeigen').selectOption({ label: 'Offen' });
  await row.getByRole('link', { name: `Samira ${familyName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Samira ${familyName}` })).toBeVisible();
});
