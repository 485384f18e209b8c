import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// Consents on the person page: record one with the keyboard (categories, recipient, purpose,
// language, evidence in person), print the form, see it listed as in force, withdraw it with a
// confirmation. The demo seed holds thousands of people, so the name carries a random suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Einwilligung${suffix}`;

let page: Page;
let personId = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

/** Focuses an element and operates it with a key, the way a keyboard user does. */
async function press(target: ReturnType<Page['locator']>, key: 'Space' | 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const response = await page.request.post('/api/v1/people', {
    data: {
      givenNames: 'Mariam',
      familyName,
      dateOfBirth: '1988-03-02',
      languages: [{ language: 'ar', motherTongue: true }],
      duplicatesReviewed: true,
    },
    headers: { 'X-CSRF-Token': await csrf(page) },
  });
  expect(response.status(), await response.text()).toBe(201);
  personId = ((await response.json()) as { id: string }).id;
});

test.afterAll(async () => {
  await page.context().close();
});

test('the panel shows the empty state and passes axe', async () => {
  await page.goto(`/personen/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Mariam ${familyName}` })).toBeVisible();
  const panel = page.locator('#consents');
  await expect(panel.getByRole('heading', { level: 2, name: 'Einwilligungen' })).toBeVisible();
  await expect(panel.getByText('Keine Einwilligungen')).toBeVisible();
  await expectNoAxeViolations(page, 'Personenseite mit Einwilligungen (leer)');
});

test('records a consent with the keyboard, prints its text and lists it as in force', async () => {
  const panel = page.locator('#consents');
  await press(panel.getByRole('button', { name: 'Einwilligung erfassen' }), 'Enter');
  const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
  await expect(dialog).toBeVisible();
  await settled(page);
  // Identity is always included and cannot be unticked.
  const identity = dialog.getByRole('checkbox', { name: /^Identität/ });
  await expect(identity).toBeChecked();
  await expect(identity).toBeDisabled();
  // The language defaults to the person's mother tongue.
  await expect(dialog.getByLabel('Sprache des Einwilligungstextes')).toHaveValue('ar');
  await expectNoAxeViolations(page, 'Dialog Einwilligung erfassen');

  await press(dialog.getByRole('checkbox', { name: /^Gesundheit Gesundheit, ärztliche/ }), 'Space');
  await press(dialog.getByRole('checkbox', { name: 'Gesundheitsamt', exact: true }), 'Space');
  await dialog.getByLabel('Zweck').focus();
  await page.keyboard.type('Abstimmung der Gesundheitsuntersuchung');

  // The form for exactly this draft, as a PDF download.
  const download = page.waitForEvent('download');
  await press(dialog.getByRole('button', { name: 'Einwilligungstext drucken' }), 'Enter');
  expect((await download).suggestedFilename()).toMatch(/^Einwilligung-ar-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(dialog.getByText('Der Einwilligungstext wurde heruntergeladen.')).toBeVisible();

  await press(dialog.getByRole('radio', { name: 'persönlich bestätigt' }), 'Space');
  await dialog.getByLabel('Wie wurde die Einwilligung bestätigt?').focus();
  await page.keyboard.type('Persönlich bestätigt mit Dolmetscher für Arabisch');
  await press(dialog.getByRole('button', { name: 'Einwilligung speichern' }), 'Enter');

  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Die Einwilligung wurde gespeichert.')).toBeVisible();
  const item = panel.getByRole('listitem').filter({ hasText: 'Einwilligung vom' });
  await expect(item).toHaveCount(1);
  await expect(item.locator('.kern-badge')).toHaveText('wirksam');
  await expect(item).toContainText('Identität, Gesundheit');
  await expect(item).toContainText('Gesundheitsamt');
  await expect(item).toContainText('Fassung 1, Arabisch');
  await expect(item).toContainText('persönlich bestätigt: Persönlich bestätigt mit Dolmetscher für Arabisch');
  await expectNoAxeViolations(page, 'Personenseite mit einer Einwilligung');
});

test('withdraws the consent after a confirmation', async () => {
  const panel = page.locator('#consents');
  const item = panel.getByRole('listitem').filter({ hasText: 'Einwilligung vom' });
  await press(item.getByRole('button', { name: 'Widerrufen' }), 'Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Einwilligung widerrufen' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'Dialog Einwilligung widerrufen');
  // Without a note the server names the missing field next to it.
  await press(dialog.getByRole('button', { name: 'Widerruf speichern' }), 'Enter');
  await expect(dialog.getByText('Mindestens 3 Zeichen.')).toBeVisible();
  await dialog.getByLabel('Vermerk zum Widerruf').focus();
  await page.keyboard.type('Frau Mariam hat mündlich widerrufen.');
  await press(dialog.getByRole('button', { name: 'Widerruf speichern' }), 'Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Der Widerruf wurde gespeichert. Er gilt ab sofort.')).toBeVisible();
  await expect(item.locator('.kern-badge')).toHaveText('widerrufen');
  await expect(item).toContainText('Frau Mariam hat mündlich widerrufen.');
  await expect(item.getByRole('button', { name: 'Widerrufen' })).toHaveCount(0);
});
