import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// Competence profile: the Sozialamt opens a person's profile from the person page, records German
// levels and a qualification chosen with the occupation search (keyboard only), saves, reloads and
// finds everything again; the summary card on the person page shows it. axe on the empty and the
// filled profile (not while the search list is open: react-aria then hides the rest of the page
// from assistive technology on purpose, which axe reports as aria-hidden-focus). The demo seed holds thousands of people, so the person gets a random name.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Profil${suffix}`;

let page: Page;
let personId = '';

async function press(target: Locator, key: 'Space' | 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.press(key);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const me = await page.request.get('/api/v1/auth/me');
  const token = ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
  const person = await page.request.post('/api/v1/people', {
    data: { givenNames: 'Samir', familyName, dateOfBirth: '1991-04-20', duplicatesReviewed: true },
    headers: { 'X-CSRF-Token': token },
  });
  expect(person.status(), await person.text()).toBe(201);
  personId = ((await person.json()) as { id: string }).id;
});

test('opens the empty profile from the person page', async () => {
  await page.goto(`/personen/${personId}`);
  await settled(page);
  const card = page.locator('#person-profile');
  await expect(card.getByText('Für diese Person ist noch kein Kompetenzprofil erfasst.')).toBeVisible();
  await press(card.getByRole('link', { name: 'Kompetenzprofil anlegen' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetenzprofil' })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'empty competence profile');
});

test('records German levels and a qualification with the occupation search, keyboard only', async () => {
  const selects: [string, string][] = [
    ['Lesen', 'B1'],
    ['Hören', 'B2'],
    ['Schreiben', 'A2'],
    ['Sprechen', 'B1'],
  ];
  for (const [label, level] of selects) {
    const select = page.getByLabel(label, { exact: true });
    await select.focus();
    await select.selectOption(level);
  }
  await expect(page.getByText('Deutsch gesamt (niedrigste Fertigkeit): A2')).toBeVisible();

  await press(page.getByRole('button', { name: 'Qualifikation hinzufügen' }), 'Enter');
  const title = page.getByLabel('Bezeichnung des Abschlusses');
  await title.focus();
  await page.keyboard.type('Koch (Syrien)');
  const occupation = page.getByRole('combobox', { name: 'Beruf (KldB 2010)' });
  await occupation.focus();
  await page.keyboard.type('Köchin');
  const option = page.getByRole('option', { name: /29302/ });
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(occupation).toHaveValue(/^29302 Köche\/Köchinnen/);

  await press(page.getByRole('button', { name: 'Profil anlegen' }), 'Enter');
  await expect(page.getByText('Das Kompetenzprofil wurde gespeichert.')).toBeVisible();
});

test('finds everything again after a reload, and the summary card shows it', async () => {
  await page.reload();
  await settled(page);
  await expect(page.getByText(/Stand 1\./)).toBeVisible();
  await expect(page.getByLabel('Schreiben', { exact: true })).toHaveValue('A2');
  await expect(page.getByRole('combobox', { name: 'Beruf (KldB 2010)' })).toHaveValue(/^29302 /);
  await expectNoAxeViolations(page, 'filled competence profile');

  await page.getByLabel('Sprechen', { exact: true }).selectOption('B2');
  await press(page.getByRole('button', { name: 'Profil speichern' }), 'Enter');
  await expect(page.getByText('Das Kompetenzprofil wurde gespeichert.')).toBeVisible();
  await expect(page.getByText(/Stand 2\./)).toBeVisible();

  await page.goto(`/personen/${personId}`);
  await settled(page);
  const card = page.locator('#person-profile');
  await expect(card.getByText('A2')).toBeVisible();
  await expect(card.getByText('1 Qualifikation')).toBeVisible();
});
