import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// Referrals: the Sozialamt refers a person to the Agentur für Arbeit and sends the referral on the
// person's consent (recorded through the API in the setup); the Agentur finds it in its inbox and
// rejects it with a reason from the list. Keyboard only; axe on the new, detail and inbox screens.
// The demo seed holds thousands of people, so the name carries a random suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Vermittlung${suffix}`;
const AGENTUR = 'Agentur für Arbeit Oberhausen – Geschäftsstelle Mülheim';

let page: Page;
let personId = '';
let referralUrl = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

/** Focuses an element and operates it with a key, the way a keyboard user does. */
async function press(target: Locator, key: 'Space' | 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.press(key);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const token = await csrf(page);
  const person = await page.request.post('/api/v1/people', {
    data: { givenNames: 'Yusuf', familyName, dateOfBirth: '1990-07-14', duplicatesReviewed: true },
    headers: { 'X-CSRF-Token': token },
  });
  expect(person.status(), await person.text()).toBe(201);
  personId = ((await person.json()) as { id: string }).id;
  const agencies = (await (await page.request.get('/api/v1/agencies')).json()) as {
    items: { id: string; code: string }[];
  };
  const aa = agencies.items.find((a) => a.code === 'aa')!.id;
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}01`;
  const consent = await page.request.post(`/api/v1/people/${personId}/consents`, {
    data: {
      categories: ['identity', 'employment_profile'],
      recipientAgencyIds: [aa],
      purpose: 'Vermittlung in Arbeit durch die Agentur für Arbeit',
      givenOn: today,
      expiresOn: nextYear,
      textVersion: 1,
      textLanguage: 'de',
      evidenceKind: 'in_person',
      evidenceNote: 'Persönlich im Sozialamt bestätigt',
    },
    headers: { 'X-CSRF-Token': token },
  });
  expect(consent.status(), await consent.text()).toBe(201);
});

test.afterAll(async () => {
  await page.context().close();
});

test('the Sozialamt drafts a referral from the person page and sends it on the consent', async () => {
  await page.goto(`/personen/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Yusuf ${familyName}` })).toBeVisible();
  await press(page.getByRole('link', { name: 'Vermitteln' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Vermittlung' })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'Neue Vermittlung');

  // Submitting empty names the missing fields next to them.
  await press(page.getByRole('button', { name: 'Entwurf anlegen' }), 'Enter');
  await expect(page.getByText('Aufnehmende Stelle:', { exact: false }).first()).toBeVisible();

  const agency = page.getByLabel('Aufnehmende Stelle', { exact: true });
  await agency.focus();
  await agency.selectOption({ label: AGENTUR });
  await page.getByLabel('Zweck der Vermittlung', { exact: true }).focus();
  await page.keyboard.type('Vermittlung in Arbeit, Beratung zur Anerkennung');
  await press(page.getByRole('button', { name: 'Entwurf anlegen' }), 'Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Vermittlung an ${AGENTUR}` })).toBeVisible();
  referralUrl = new URL(page.url()).pathname;
  const actions = page.locator('#referral-actions');
  await expect(actions.getByRole('radio', { name: /Einwilligung vom/ })).toBeChecked();
  await settled(page);
  await expect(page.locator('#referral-check')).toBeVisible();
  await expectNoAxeViolations(page, 'Vermittlung (Entwurf)');

  // Without a competence profile no criterion fails (they are unknown), so it is sent without asking.
  await press(actions.getByRole('button', { name: 'Senden', exact: true }), 'Enter');
  await expect(page.getByRole('status').filter({ hasText: /gesendet/ })).toBeVisible();
  await expect(page.getByText('Gesendet', { exact: true }).first()).toBeVisible();
  await expect(page.locator('#referral-history')).toContainText('Entwurf → Gesendet');
});

test('the Agentur für Arbeit rejects it from its inbox with a reason', async ({ browser }) => {
  const context = await browser.newContext();
  const aa = await context.newPage();
  await login(aa, 'aa');
  await aa.goto('/vermittlungen');
  await expect(aa.getByRole('heading', { level: 1, name: 'Vermittlungen' })).toBeVisible();
  await settled(aa);
  await expectNoAxeViolations(aa, 'Vermittlungen: Eingang');
  const link = aa.getByRole('link', { name: `Yusuf ${familyName}` });
  await press(link, 'Enter');
  await expect(aa).toHaveURL(new RegExp(`${referralUrl}$`));
  await expect(aa.getByRole('heading', { level: 1, name: `Vermittlung an ${AGENTUR}` })).toBeVisible();
  await settled(aa);
  await expectNoAxeViolations(aa, 'Vermittlung (Eingang)');

  await press(aa.getByRole('button', { name: 'Ablehnen' }), 'Enter');
  const dialog = aa.getByRole('dialog', { name: 'Vermittlung ablehnen' });
  await expect(dialog).toBeVisible();
  // Without a reason the dialog says what is missing.
  await press(dialog.getByRole('button', { name: 'Bestätigen' }), 'Enter');
  await expect(dialog.getByText('Ablehnungsgrund:', { exact: false }).first()).toBeVisible();
  const reason = dialog.getByLabel('Ablehnungsgrund', { exact: true });
  await reason.focus();
  await reason.selectOption({ label: 'Keine freien Plätze' });
  await dialog.getByLabel(/^Erläuterung/).focus();
  await aa.keyboard.type('Nächster Kurs ab September');
  await expectNoAxeViolations(aa, 'Dialog Vermittlung ablehnen');
  await press(dialog.getByRole('button', { name: 'Bestätigen' }), 'Enter');
  await expect(dialog).toBeHidden();
  await expect(aa.getByRole('status').filter({ hasText: 'Status geändert: Abgelehnt.' })).toBeVisible();
  await expect(aa.locator('#referral-details')).toContainText('Keine freien Plätze – Nächster Kurs ab September');
  await expect(aa.locator('#referral-history')).toContainText('Gesendet → Abgelehnt');
  await context.close();

  // The Sozialamt sees the rejection in its outbox.
  await page.goto('/vermittlungen?ansicht=ausgang&status=rejected');
  await expect(page.getByRole('link', { name: `Yusuf ${familyName}` })).toBeVisible();
});
