import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// The funnel (issue 9): a referral sent by the Sozialamt through the referral screens and rejected
// by the Agentur für Arbeit with a reason shows up in the funnel of its cohort. To make the
// assertion exact despite suppression, a cohort of its own (this quarter, nationality Iraq, sex
// diverse, 55 and older — nobody else in the demo data or the other specs) holds five people:
// four referred and rejected "Person lehnt ab" through the API in the setup, the fifth referred
// and rejected through the UI. The reason's count goes from 4 ("< 5") to 5 (shown).
// Keyboard only on the funnel page; axe on it.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = (i: number) => `Trichter${suffix}${String.fromCharCode(97 + i)}`;
const AGENTUR = 'Agentur für Arbeit Oberhausen – Geschäftsstelle Mülheim';
const REASON = 'Person lehnt ab';

let page: Page;
let lastPersonId = '';
let referralUrl = '';

async function csrf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

async function press(target: Locator, key: 'Space' | 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.press(key);
}

function quarterLabel(today: Date): string {
  const berlin = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(today);
  const year = berlin.find((p) => p.type === 'year')!.value;
  const month = Number(berlin.find((p) => p.type === 'month')!.value);
  return `${Math.floor((month - 1) / 3) + 1}. Quartal ${year}`;
}

/** Opens the funnel and narrows it to this spec's own cohort, keyboard only. */
async function openOwnCohort(p: Page) {
  await p.goto('/berichte/trichter');
  await expect(p.getByRole('heading', { level: 1, name: 'Vermittlungstrichter' })).toBeVisible();
  await settled(p);
  for (const [label, option] of [
    ['Quartal', quarterLabel(new Date())],
    ['Staatsangehörigkeit (Gruppe)', 'Irak'],
    ['Geschlecht', 'divers'],
    ['Alter bei Profilierung', '55 und älter'],
  ] as const) {
    const select = p.getByLabel(label, { exact: true });
    await select.focus();
    await expect(select).toBeFocused();
    await select.selectOption({ label: option });
  }
  await expect(p).toHaveURL(/alter=55_plus/);
  await settled(p);
}

const row = (p: Page, step: string) =>
  p.locator('#funnel-table tbody tr').filter({ has: p.getByRole('rowheader', { name: step, exact: true }) });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const token = await csrf(page.request);
  const agencies = (await (await page.request.get('/api/v1/agencies')).json()) as {
    items: { id: string; code: string }[];
  };
  const aa = agencies.items.find((a) => a.code === 'aa')!.id;
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}01`;

  const aaContext = await browser.newContext();
  const aaPage = await aaContext.newPage();
  await login(aaPage, 'aa');
  const aaToken = await csrf(aaPage.request);

  for (let i = 0; i < 5; i++) {
    const person = await page.request.post('/api/v1/people', {
      data: {
        givenNames: 'Samira',
        familyName: familyName(i),
        dateOfBirth: '1960-03-03',
        sex: 'diverse',
        nationalities: ['IQ'],
        duplicatesReviewed: true,
      },
      headers: { 'X-CSRF-Token': token },
    });
    expect(person.status(), await person.text()).toBe(201);
    const personId = ((await person.json()) as { id: string }).id;
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
    const consentId = ((await consent.json()) as { id: string }).id;
    // A competence profile puts the person in today's cohort (German not assessed: criteria unknown).
    const profile = await page.request.put(`/api/v1/people/${personId}/profile`, {
      data: { skills: ['Schneiderei'] },
      headers: { 'X-CSRF-Token': token },
    });
    expect(profile.status(), await profile.text()).toBeLessThan(300);
    if (i === 4) {
      lastPersonId = personId;
      break;
    }
    const draft = await page.request.post(`/api/v1/people/${personId}/referrals`, {
      data: { toAgencyId: aa, purpose: 'Vermittlung in Arbeit' },
      headers: { 'X-CSRF-Token': token },
    });
    expect(draft.status(), await draft.text()).toBe(201);
    const created = (await draft.json()) as { id: string; version: number };
    const sent = await page.request.post(`/api/v1/referrals/${created.id}/send`, {
      data: { ground: { kind: 'consent', consentId }, sendDespiteFailing: true },
      headers: { 'X-CSRF-Token': token, 'If-Match': `"${created.version}"` },
    });
    expect(sent.status(), await sent.text()).toBe(200);
    const afterSend = (await sent.json()) as { version: number };
    const rejected = await aaPage.request.post(`/api/v1/referrals/${created.id}/transition`, {
      data: { to: 'rejected', reasonCode: 'person_declines' },
      headers: { 'X-CSRF-Token': aaToken, 'If-Match': `"${afterSend.version}"` },
    });
    expect(rejected.status(), await rejected.text()).toBe(200);
  }
  await aaContext.close();
});

test.afterAll(async () => {
  await page.context().close();
});

test('the Sozialamt sends the fifth referral through the referral screens', async () => {
  await page.goto(`/personen/${lastPersonId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Samira ${familyName(4)}` })).toBeVisible();
  await press(page.getByRole('link', { name: 'Vermitteln' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Vermittlung' })).toBeVisible();
  await settled(page);
  const agency = page.getByLabel('Aufnehmende Stelle', { exact: true });
  await agency.focus();
  await agency.selectOption({ label: AGENTUR });
  await page.getByLabel('Zweck der Vermittlung', { exact: true }).focus();
  await page.keyboard.type('Vermittlung in Arbeit');
  await press(page.getByRole('button', { name: 'Entwurf anlegen' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Vermittlung an ${AGENTUR}` })).toBeVisible();
  referralUrl = new URL(page.url()).pathname;
  const actions = page.locator('#referral-actions');
  await expect(actions.getByRole('radio', { name: /Einwilligung vom/ })).toBeChecked();
  await settled(page);
  await press(actions.getByRole('button', { name: 'Senden', exact: true }), 'Enter');
  await expect(page.getByText('Gesendet', { exact: true }).first()).toBeVisible();
});

test('steering sees four rejections as "< 5" and the open fifth one, keyboard only', async ({ browser }) => {
  const context = await browser.newContext();
  const steering = await context.newPage();
  await login(steering, 'steuerung');
  await openOwnCohort(steering);
  await expect(row(steering, 'Profiliert (Kohorte)')).toContainText('5');
  await expect(row(steering, 'Vermittelt').locator('td').first()).toHaveText('5');
  const accepted = row(steering, 'Angenommen');
  await expect(accepted.locator('td').first()).toHaveText('0');
  await expect(accepted).toContainText(`${REASON}: < 5`);
  await expect(accepted).toContainText('Noch offen: < 5');
  await expect(steering.getByRole('img', { name: /Balkendiagramm des Trichters/ })).toBeVisible();
  await expectNoAxeViolations(steering, 'Vermittlungstrichter');
  await context.close();
});

test('the Agentur für Arbeit rejects it with a reason through the referral screens', async ({ browser }) => {
  const context = await browser.newContext();
  const aa = await context.newPage();
  await login(aa, 'aa');
  await aa.goto(referralUrl);
  await expect(aa.getByRole('heading', { level: 1, name: `Vermittlung an ${AGENTUR}` })).toBeVisible();
  await settled(aa);
  await press(aa.getByRole('button', { name: 'Ablehnen' }), 'Enter');
  const dialog = aa.getByRole('dialog', { name: 'Vermittlung ablehnen' });
  await expect(dialog).toBeVisible();
  const reason = dialog.getByLabel('Ablehnungsgrund', { exact: true });
  await reason.focus();
  await reason.selectOption({ label: REASON });
  await press(dialog.getByRole('button', { name: 'Bestätigen' }), 'Enter');
  await expect(dialog).toBeHidden();
  await expect(aa.locator('#referral-history')).toContainText('Gesendet → Abgelehnt');
  await context.close();
});

test('the team lead finds the rejection counted in the funnel and in the CSV', async ({ browser }) => {
  const context = await browser.newContext();
  const lead = await context.newPage();
  await login(lead, 'teamleitung');
  await openOwnCohort(lead);
  const accepted = row(lead, 'Angenommen');
  await expect(accepted).toContainText(`${REASON}: 5`);
  await expect(accepted).not.toContainText('< 5');
  await expect(accepted).not.toContainText('Noch offen');
  await expect(row(lead, 'Angenommen').locator('td').nth(2)).toHaveText('0,0 %');

  const csvLink = lead.getByRole('link', { name: 'Als CSV herunterladen' });
  const href = await csvLink.getAttribute('href');
  expect(href).toContain('nationalityGroup=IQ');
  const csv = await (await lead.request.get(href!)).text();
  const line = csv.split('\r\n').find((l) => l.includes(`;Angenommen;${REASON};`));
  expect(line?.split(';')[5]).toBe('5');
  await expectNoAxeViolations(lead, 'Vermittlungstrichter (nach Ablehnung)');
  await context.close();
});
