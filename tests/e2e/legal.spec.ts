import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled, tabTo } from './helpers';

// The "Rechtskreis" panel on the person page: a person with a residence permit under § 25 Abs. 2
// AufenthG shows SGB II at the Jobcenter (provisional: ability to work is not recorded), free
// labour-market access, the integration-course entitlement with its deadline, the Wohnsitzauflage,
// open questions and the rules with their norms; a person without a document shows what is
// missing. The demo seed holds thousands of people, so names carry a random suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Rechtskreis${suffix}`;

let page: Page;
let recognisedId = '';
let undocumentedId = '';

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

async function createPerson(p: Page, givenNames: string, nationality: string): Promise<string> {
  const response = await p.request.post('/api/v1/people', {
    data: { givenNames, familyName, dateOfBirth: '1990-05-01', nationalities: [nationality], duplicatesReviewed: true },
    headers: { 'X-CSRF-Token': await csrf(p) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  recognisedId = await createPerson(page, 'Rami', 'SY');
  const document = await page.request.post(`/api/v1/people/${recognisedId}/residence-documents`, {
    data: {
      documentType: 'aufenthaltserlaubnis',
      legalBasis: '§ 25 Abs. 2 AufenthG',
      issuedOn: berlinDay(-30),
      validFrom: berlinDay(-30),
      validUntil: berlinDay(1000),
      employment: 'allowed',
      wohnsitzauflage: true,
      wohnsitzauflageMunicipality: 'Mülheim an der Ruhr',
    },
    headers: { 'X-CSRF-Token': await csrf(page) },
  });
  expect(document.status(), await document.text()).toBe(201);
  undocumentedId = await createPerson(page, 'Nour', 'IQ');
});

test.afterAll(async () => {
  await page.context().close();
});

test('the panel shows benefit system, agency, access, Wohnsitzauflage, deadlines and open questions', async () => {
  await page.goto(`/personen/${recognisedId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Rami ${familyName}` })).toBeVisible();
  const panel = page.locator('#person-legal');
  await expect(panel.getByRole('heading', { level: 2, name: 'Rechtskreis' })).toBeVisible();
  await expect(panel.getByText('Hinweis – keine Entscheidung: Die Sachbearbeitung prüft und bestätigt.')).toBeVisible();
  await settled(page);

  const value = (term: string) => panel.locator('.kern-description-list-item').filter({ hasText: term }).locator('dd');
  await expect(value('Leistungssystem')).toContainText('SGB II – Bürgergeld');
  await expect(value('Leistungssystem')).toContainText('vorläufig');
  await expect(value('Zuständige Stelle')).toContainText('Jobcenter');
  await expect(value('Arbeitsmarktzugang')).toHaveText('Erwerbstätigkeit erlaubt');
  await expect(value('Integrationskurs')).toContainText('Anspruch auf Teilnahme');
  await expect(value('Wohnsitzauflage')).toContainText('Ja, spätestens bis');
  await expect(value('Wohnsitzauflage')).toContainText('§ 12a Abs. 1 AufenthG');
  await expect(value('Wohnsitzauflage')).toContainText('Gemeinde: Mülheim an der Ruhr');

  const deadlines = panel.getByRole('table', { name: 'Anstehende Fristen mit Datum und Rechtsgrundlage' });
  const lapse = deadlines.getByRole('row').filter({ hasText: 'Letzter Tag des Integrationskurs-Anspruchs' });
  await expect(lapse).toContainText('§ 44 Abs. 2 AufenthG');
  await expect(deadlines.getByRole('row').filter({ hasText: 'Ablauf des Dokuments' })).toContainText(
    berlinDay(1000).split('-').reverse().join('.'),
  );
  await expect(
    panel.getByText('Kann die Person mindestens drei Stunden täglich arbeiten?', { exact: false }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'Personenseite mit Rechtskreis');
});

test('the fired rules open with the keyboard and explain themselves with their norm', async () => {
  const panel = page.locator('#person-legal');
  const rules = panel.locator('summary').filter({ hasText: /^Angewandte Regeln \(\d+\)$/ });
  await tabTo(page, rules, 250);
  await page.keyboard.press('Enter');
  const rule = panel
    .locator('summary')
    .filter({ hasText: 'Aufenthaltstitel: SGB II/XII – § 7 Abs. 1 SGB II; § 23 Abs. 1 SGB XII' });
  await expect(rule).toBeVisible();
  await tabTo(page, rule, 60);
  await page.keyboard.press('Enter');
  await expect(panel.getByText('AufenthG § 25 Abs. 2 – Flüchtlingseigenschaft oder subsidiärer Schutz.')).toBeVisible();
  await expect(panel.getByText('nicht geprüft – bitte bestätigen').first()).toBeVisible();

  const facts = panel.locator('summary').filter({ hasText: 'Verwendete Angaben' });
  await tabTo(page, facts, 120);
  await page.keyboard.press('Enter');
  const table = panel.getByRole('table', { name: 'Angaben, aus denen die Einschätzung folgt' });
  await expect(table.getByRole('row').filter({ hasText: 'Rechtsgrundlage' })).toContainText('AufenthG § 25 Abs. 2');
  await expect(panel.getByText('Nicht in Lotse erfasst')).toBeVisible();
  await expectNoAxeViolations(page, 'Rechtskreis mit geöffneten Regeln');
});

test('without a residence document the panel says what is missing instead of guessing', async () => {
  await page.goto(`/personen/${undocumentedId}`);
  const panel = page.locator('#person-legal');
  await expect(panel.getByRole('heading', { name: 'Keine Einschätzung möglich' })).toBeVisible();
  await expect(panel.getByText('Welches Aufenthaltsdokument hat die Person?', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'Rechtskreis ohne Dokument');

  // Recording a document through the page re-evaluates the panel.
  const response = await page.request.post(`/api/v1/people/${undocumentedId}/residence-documents`, {
    data: {
      documentType: 'duldung',
      legalBasis: 'AufenthG § 60a Abs. 2 Satz 1',
      issuedOn: berlinDay(-10),
      validUntil: berlinDay(170),
    },
    headers: { 'X-CSRF-Token': await csrf(page) },
  });
  expect(response.status(), await response.text()).toBe(201);
  await page.reload();
  const value = (term: string) => panel.locator('.kern-description-list-item').filter({ hasText: term }).locator('dd');
  await expect(value('Leistungssystem')).toContainText('AsylbLG');
  await expect(value('Zuständige Stelle')).toContainText('Sozialamt');
  await expect(value('Arbeitsmarktzugang')).toContainText('Nur mit Erlaubnis der Ausländerbehörde');
});
