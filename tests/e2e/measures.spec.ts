import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// The measures catalogue: the Sozialamt's team lead creates a measure with eligibility criteria
// through the form (keyboard only), finds it in the list by search, opens it, and edits the
// agency's acceptance criteria. axe on the list, the form, the detail and the criteria screens.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const title = `Sprachcafé Saarn ${suffix}`;

let page: Page;

/** Focuses an element and operates it with a key, the way a keyboard user does. */
async function press(target: Locator, key: 'Space' | 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.press(key);
}

async function type(target: Locator, text: string) {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.type(text);
}

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  await login(page, 'teamleitung');
});

test('the catalogue lists the demo measures and is axe-clean', async () => {
  await page.goto('/massnahmen');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  await settled(page);
  await expect(page.getByRole('link', { name: 'Berufssprachkurs B2 (DeuFöV)' })).toBeVisible();
  await expectNoAxeViolations(page, 'measures list');
});

test('creates a measure with criteria using the keyboard only', async () => {
  await press(page.getByRole('link', { name: 'Neue Maßnahme' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Maßnahme' })).toBeVisible();
  await expectNoAxeViolations(page, 'new measure');
  // Submitting empty shows the messages next to the fields.
  await press(page.getByRole('button', { name: 'Speichern' }), 'Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('#measure-form-title-error')).toHaveText('Bitte ausfüllen.');

  await page.getByLabel('Art der Maßnahme').focus();
  await page.getByLabel('Art der Maßnahme').selectOption('municipal_offer');
  await type(page.getByLabel('Titel', { exact: true }), title);
  await type(page.getByLabel('Träger', { exact: true }), 'VHS Mülheim an der Ruhr');
  await type(page.getByLabel(/^Plätze/), '12');
  // German at least A2 …
  await page.getByLabel('Art der Voraussetzung').focus();
  await page.getByLabel('Art der Voraussetzung').selectOption('german_min');
  await press(page.getByRole('button', { name: 'Voraussetzung hinzufügen' }), 'Enter');
  await page.getByLabel('Sprachniveau (GER)').selectOption('A2');
  // … and an age range with a wrong order first.
  await page.getByLabel('Art der Voraussetzung').selectOption('age_range');
  await press(page.getByRole('button', { name: 'Voraussetzung hinzufügen' }), 'Enter');
  await type(page.getByLabel(/^Mindestalter/), '30');
  await type(page.getByLabel(/^Höchstalter/), '20');
  await press(page.getByRole('button', { name: 'Speichern' }), 'Enter');
  await expect(page.getByText('Das Mindestalter darf nicht über dem Höchstalter liegen.').first()).toBeVisible();
  await page.getByLabel(/^Mindestalter/).fill('18');
  await press(page.getByRole('button', { name: 'Speichern' }), 'Enter');

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Deutsch mindestens A2')).toBeVisible();
  await expect(page.getByText('Alter 18 bis 20 Jahre')).toBeVisible();
  await expect(page.getByText('12 von 12 frei')).toBeVisible();
  await expectNoAxeViolations(page, 'measure detail');
});

test('finds the new measure in the list and ends it after confirming', async () => {
  await page.goto('/massnahmen');
  await settled(page);
  await type(page.getByLabel('Suchbegriff'), suffix);
  await press(page.getByRole('button', { name: 'Anwenden' }), 'Enter');
  const link = page.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await expect(page.getByText('1 Maßnahme', { exact: true })).toBeVisible();
  await press(link, 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await press(page.getByRole('button', { name: 'Maßnahme beenden' }), 'Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await press(dialog.getByRole('button', { name: 'Maßnahme beenden' }), 'Enter');
  await expect(page.getByText('Die Maßnahme wurde beendet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Wieder anbieten' })).toBeVisible();
});

test('edits the agency’s acceptance criteria', async () => {
  await page.goto('/vermittlungen/kriterien');
  await expect(page.getByRole('heading', { level: 1, name: 'Aufnahmekriterien' })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'acceptance criteria');
  await page.getByLabel('Art der Voraussetzung').selectOption('driving_licence');
  await press(page.getByRole('button', { name: 'Voraussetzung hinzufügen' }), 'Enter');
  await page.getByLabel('Führerscheinklasse').fill('');
  await press(page.getByRole('button', { name: 'Aufnahmekriterien speichern' }), 'Enter');
  await expect(page.getByText('Bitte eine Führerscheinklasse angeben, z. B. B.').first()).toBeVisible();
  await type(page.getByLabel('Führerscheinklasse'), 'C1');
  await press(page.getByRole('button', { name: 'Aufnahmekriterien speichern' }), 'Enter');
  await expect(page.getByText('Die Aufnahmekriterien wurden gespeichert.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Entfernen: Führerschein Klasse C1' })).toBeVisible();
  await page.reload();
  await settled(page);
  await expect(page.getByRole('button', { name: 'Entfernen: Führerschein Klasse C1' })).toBeVisible();
});

test('records work taken up on the person page, deletes it after confirming, and checks which measures fit', async ({ browser }) => {
  const p = await (await browser.newContext()).newPage();
  await login(p, 'sozialamt');
  const me = (await (await p.request.get('/api/v1/auth/me')).json()) as { session: { csrfToken: string } };
  const person = await p.request.post('/api/v1/people', {
    data: { givenNames: 'Leyla', familyName: `Arbeit${suffix}`, dateOfBirth: '1992-04-03', duplicatesReviewed: true },
    headers: { 'X-CSRF-Token': me.session.csrfToken },
  });
  expect(person.status()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  await p.goto(`/personen/${personId}`);
  await settled(p);
  const section = p.locator('#employment-outcomes');
  await expect(section.getByText('Noch keine Arbeits- oder Ausbildungsaufnahme erfasst.')).toBeVisible();
  await press(section.getByRole('button', { name: 'Aufnahme erfassen' }), 'Enter');
  await press(section.getByRole('button', { name: 'Speichern' }), 'Enter');
  await expect(section.locator('#employment-outcome-form-startedOn-error')).toHaveText('Bitte den Beginn angeben.');
  await section.getByLabel('Beginn').fill('2026-09-01');
  await type(section.getByLabel(/^Arbeitgeber/), 'Bäckerei am Markt');
  await section.getByLabel('Sozialversicherungspflichtig').selectOption('true');
  await press(section.getByRole('button', { name: 'Speichern' }), 'Enter');
  await expect(section.getByText('Die Aufnahme wurde erfasst.')).toBeVisible();
  await expect(section.getByText(/Bäckerei am Markt/)).toBeVisible();
  await expectNoAxeViolations(p, 'person page with employment outcomes');
  await press(section.getByRole('button', { name: /^Löschen/ }), 'Enter');
  const dialog = p.getByRole('alertdialog');
  await press(dialog.getByRole('button', { name: 'Löschen' }), 'Enter');
  await expect(section.getByText('Der Eintrag wurde gelöscht.')).toBeVisible();
  await expect(section.getByText('Noch keine Arbeits- oder Ausbildungsaufnahme erfasst.')).toBeVisible();

  const matches = p.locator('#measure-matches');
  await press(matches.getByRole('button', { name: 'Welche Maßnahmen passen?' }), 'Enter');
  await expect(matches.getByText(/passen, .* unklar, .* passen nicht/)).toBeVisible();
  await expect(matches.getByText('Es gibt noch kein Kompetenzprofil; viele Voraussetzungen sind daher unklar.')).toBeVisible();
  await expectNoAxeViolations(p, 'person page with measure matches');
});
