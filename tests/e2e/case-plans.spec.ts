import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { lifeDomainKeys } from '../../src/shared/domain/assessment/life-domains';
import { expectNoAxeViolations, login, settled, tabTo } from './helpers';

// A Jobcenter caseworker leads a case with the Sozialamt on the team and, once the assessment is
// complete, draws up a Kooperationsplan through the UI: a goal in the person's words (added with the
// keyboard only), two steps for two agencies, agreement, the printed PDF. The Sozialamt records the
// progress of its step; the Jobcenter's open editor then meets the concurrent change (412). The
// person and case are this spec's own (random suffix: the demo seed holds thousands of people).
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Planprobe${suffix}`;
const goalWords = 'Ich möchte wieder als Bäcker arbeiten und mein Deutsch üben.';
const JOBCENTER = 'Jobcenter / Sozialagentur';
const SOZIALAMT = 'Sozialamt – Leistungen für Geflüchtete';

const berlinDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
const today = berlinDate(new Date());
const inDays = (days: number) => berlinDate(new Date(Date.now() + days * 86_400_000));

let jobcenter: Page;
let caseId = '';
let planUrl = '';

async function csrfOf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

/** Person, case (Jobcenter leads, Sozialamt on the team), completed assessment, phase planning — through the API. */
async function prepareCase(request: APIRequestContext): Promise<string> {
  const csrf = await csrfOf(request);
  const headers = { 'X-CSRF-Token': csrf };
  const agencies = ((await (await request.get('/api/v1/agencies')).json()) as { items: { id: string; code: string }[] })
    .items;
  const sozialamt = agencies.find((a) => a.code === 'sozialamt')!.id;
  const person = await request.post('/api/v1/people', {
    data: { givenNames: 'Jürgen', familyName, duplicatesReviewed: true },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const created = await request.post('/api/v1/cases', {
    data: {
      personId,
      title: `Arbeit und Sprache ${suffix}`,
      teamAgencies: [
        {
          agencyId: sozialamt,
          role: 'participant',
          basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
        },
      ],
    },
    headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;

  const move = async (to: string) => {
    const current = await request.get(`/api/v1/cases/${id}`);
    const res = await request.post(`/api/v1/cases/${id}/phase`, {
      data: { to },
      headers: { ...headers, 'If-Match': current.headers()['etag']! },
    });
    expect(res.status(), await res.text()).toBe(200);
  };
  await move('assessment');
  const started = await request.post(`/api/v1/cases/${id}/assessments`, { data: { basis: 'empty' }, headers });
  expect(started.status(), await started.text()).toBe(201);
  const empty = { personView: null, caseworkerView: null };
  const domains = Object.fromEntries(
    lifeDomainKeys.map((k) => [
      k,
      k === 'work'
        ? {
            strengths: { personView: null, caseworkerView: 'Zwölf Jahre Bäcker.' },
            needs: empty,
            notAssessed: false,
            urgency: null,
          }
        : // Health is not released to the Jobcenter: left as received (empty), it does not hold up completion.
          { strengths: empty, needs: empty, notAssessed: k !== 'health', urgency: null },
    ]),
  );
  const saved = await request.put(`/api/v1/cases/${id}/assessments/1`, {
    data: { domains, potentialAnalysis: 'Berufserfahrung ist da; Sprache ist der Schlüssel.' },
    headers: { ...headers, 'If-Match': started.headers()['etag']! },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const completed = await request.post(`/api/v1/cases/${id}/assessments/1/complete`, {
    headers: { ...headers, 'If-Match': saved.headers()['etag']! },
  });
  expect(completed.status(), await completed.text()).toBe(200);
  await move('planning');
  return id;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username);
  return page;
}

const plansPanel = (page: Page) => page.locator('#case-plans');

test.beforeAll(async ({ browser }) => {
  jobcenter = await signedIn(browser, 'jobcenter');
  caseId = await prepareCase(jobcenter.request);
});

test.afterAll(async () => {
  await jobcenter.context().close();
});

test('the Jobcenter creates a Kooperationsplan; the review date rule is explained at the field', async () => {
  const page = jobcenter;
  await page.goto(`/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Arbeit und Sprache ${suffix}`);
  const panel = plansPanel(page);
  await expect(panel.getByRole('heading', { name: 'Noch kein Plan' })).toBeVisible();
  // Only the Jugendamt draws up a Hilfeplan: the panel says why that kind is not offered.
  await panel.getByText('Weitere Planarten').click();
  await expect(
    panel.getByText('Einen Hilfeplan (§ 36 SGB VIII) stellt nur das Jugendamt auf.', { exact: false }),
  ).toBeVisible();

  await panel.getByRole('button', { name: 'Plan anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Art des Plans').locator('option')).toHaveText([
    'Integrationsplan',
    'Kooperationsplan',
  ]);
  await dialog.getByLabel('Art des Plans').selectOption({ label: 'Kooperationsplan' });
  await dialog.getByLabel('Titel').fill('Arbeit und Sprache');
  await expectNoAxeViolations(page, 'Plan anlegen');
  await dialog.getByRole('button', { name: 'Plan anlegen' }).click();
  // The shared rule explains the missing review date next to the field.
  const reviewField = dialog.getByLabel('Nächste Überprüfung');
  await expect(reviewField).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('§ 15 Abs. 3 SGB II', { exact: false }).first()).toBeVisible();
  await reviewField.fill(inDays(90));
  await dialog.getByRole('button', { name: 'Plan anlegen' }).click();

  await expect(page.getByText('Der Plan wurde angelegt.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Kooperationsplan: Arbeit und Sprache' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Stand: Entwurf/ })).toBeVisible();
  planUrl = page.url();
  expect(planUrl).toMatch(new RegExp(`/faelle/${caseId}/plaene/[0-9a-f-]{36}$`));
  await expectNoAxeViolations(page, 'Plan (Entwurf)');
});

test('a goal is added with the keyboard only', async () => {
  const page = jobcenter;
  await settled(page);
  const add = page.getByRole('button', { name: 'Ziel hinzufügen' });
  await page.getByLabel('Titel').focus();
  await tabTo(page, add, 20);
  await page.keyboard.press('Enter');
  // Focus moves into the new goal: its first field is the person's own words.
  const ownWords = page.getByRole('group', { name: 'Ziel 1' }).getByLabel('In den Worten der Person');
  await expect(ownWords).toBeFocused();
  await page.keyboard.type(goalWords);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('group', { name: 'Ziel 1' }).getByLabel('Messbares Ziel')).toBeFocused();
  await page.keyboard.type('Arbeitsvertrag in einer Bäckerei bis Ende nächsten Jahres');
  const save = page.getByRole('button', { name: 'Plan speichern' });
  await tabTo(page, save, 40);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Der Plan wurde gespeichert.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Ziel 1' }).getByLabel('In den Worten der Person')).toHaveValue(
    goalWords,
  );
});

test('two steps for two agencies form the chain; the plan is agreed', async () => {
  const page = jobcenter;
  await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
  const first = page.getByRole('group', { name: 'Schritt 1' });
  await expect(first.getByLabel('Was (Maßnahme)')).toBeFocused();
  await first.getByLabel('Was (Maßnahme)').fill('Berufssprachkurs B2 beginnen');
  await first.getByLabel('Verantwortliche Stelle').selectOption({ label: JOBCENTER });
  await first.getByLabel('Dient dem Ziel').selectOption({ index: 1 });
  await first.getByLabel('Bis wann').fill(inDays(60));

  await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
  const second = page.getByRole('group', { name: 'Schritt 2' });
  await second.getByLabel('Was (Maßnahme)').fill('Kinderbetreuung während des Kurses klären');
  await second.getByLabel('Verantwortliche Stelle').selectOption({ label: SOZIALAMT });
  // Reorder with the buttons: the childcare comes first, then back.
  await second.getByRole('button', { name: 'Schritt 2 nach oben verschieben' }).click();
  await expect(page.getByRole('group', { name: 'Schritt 1' }).getByLabel('Was (Maßnahme)')).toHaveValue(
    'Kinderbetreuung während des Kurses klären',
  );
  await expect(page.getByRole('button', { name: 'Schritt 1 nach unten verschieben' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Schritt 2' }).getByLabel('Was (Maßnahme)')).toHaveValue(
    'Kinderbetreuung während des Kurses klären',
  );

  // Agreeing needs the date of agreement: the server's rule shows at the field.
  await page.getByRole('button', { name: 'Speichern und als vereinbart festhalten' }).click();
  await expect(page.getByLabel('Vereinbart am')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Vereinbart am').fill(today);
  await page.getByRole('button', { name: 'Speichern und als vereinbart festhalten' }).click();
  await expect(page.getByText('Der Plan ist jetzt als vereinbart festgehalten.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Stand: Vereinbart/ })).toBeVisible();
  await expectNoAxeViolations(page, 'Plan bearbeiten (vereinbart)');
});

test('the plan downloads as a PDF for the person', async () => {
  const page = jobcenter;
  const link = page.getByRole('link', { name: 'Als PDF herunterladen' });
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Kooperationsplan-F-\d{4}-\d{5,}\.pdf$/);
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const body = await response.body();
  expect(body.length).toBeGreaterThan(5000);
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the Sozialamt records the progress of its step; the Jobcenter’s older form gets the 412 message', async ({
  browser,
}) => {
  const sozialamt = await signedIn(browser, 'sozialamt');
  await sozialamt.goto(planUrl);
  await expect(
    sozialamt.getByRole('heading', { level: 1, name: 'Kooperationsplan: Arbeit und Sprache' }),
  ).toBeVisible();
  await expect(
    sozialamt.getByText('Diesen Plan bearbeitet die Behörde, die ihn aufgestellt hat', { exact: false }),
  ).toBeVisible();
  await expect(sozialamt.getByText(goalWords)).toBeVisible();
  // Only the step of the Sozialamt can be recorded by it.
  await expect(sozialamt.getByRole('button', { name: 'Fortschritt erfassen: Schritt 1' })).toHaveCount(0);
  await sozialamt.getByRole('button', { name: 'Fortschritt erfassen: Schritt 2' }).click();
  const dialog = sozialamt.getByRole('dialog');
  await dialog.getByLabel('Stand des Schritts').selectOption({ label: 'Läuft' });
  await dialog.getByLabel('Ergebnis').fill('Anmeldung bei der Kita Sonnenschein läuft.');
  await expectNoAxeViolations(sozialamt, 'Fortschritt erfassen');
  await dialog.getByRole('button', { name: 'Fortschritt speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sozialamt.getByText('Der Fortschritt wurde gespeichert.')).toBeVisible();
  await expect(sozialamt.getByText('Anmeldung bei der Kita Sonnenschein läuft.')).toBeVisible();
  await expectNoAxeViolations(sozialamt, 'Plan (Lesesicht)');
  await sozialamt.context().close();

  // The Jobcenter's editor still shows the version before the progress.
  const page = jobcenter;
  await page.getByLabel('Titel').fill('Arbeit, Sprache und Kinderbetreuung');
  await page.getByRole('button', { name: 'Plan speichern' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Jemand anderes hat den Plan inzwischen geändert' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Aktuelle Fassung laden' }).click();
  const childcare = page.getByRole('group', { name: 'Schritt 2' });
  await expect(childcare.getByLabel('Ergebnis')).toHaveValue('Anmeldung bei der Kita Sonnenschein läuft.');
  await expect(page.getByLabel('Titel')).toHaveValue('Arbeit und Sprache');
  await page.getByLabel('Titel').fill('Arbeit, Sprache und Kinderbetreuung');
  await page.getByRole('button', { name: 'Plan speichern' }).click();
  await expect(page.getByText('Der Plan wurde gespeichert.')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kooperationsplan: Arbeit, Sprache und Kinderbetreuung' }),
  ).toBeVisible();
});

test('the case lists the plan with its review date; ending it asks first', async () => {
  const page = jobcenter;
  await page.getByRole('button', { name: 'Plan beenden' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByText('Ein beendeter Plan kann nicht mehr geändert werden', { exact: false })).toBeVisible();
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Stand: Vereinbart/ })).toBeVisible();

  await page.getByRole('link', { name: /Zurück zum Fall/ }).click();
  const panel = plansPanel(page);
  const item = panel.getByRole('listitem').filter({ hasText: 'Kooperationsplan: Arbeit, Sprache und Kinderbetreuung' });
  await expect(item).toBeVisible();
  await expect(item.getByText('Vereinbart', { exact: true })).toBeVisible();
  await expect(item.getByText(/Überprüfung am \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expect(item.getByText('1 Ziel · 2 Schritte, davon 2 offen')).toBeVisible();
  // A second Kooperationsplan is not offered while this one is in force.
  await panel.getByRole('button', { name: 'Plan anlegen' }).click();
  await expect(page.getByRole('dialog').getByLabel('Art des Plans').locator('option')).toHaveText(['Integrationsplan']);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The plans panel on the case page (the page's other panels are checked by their own specs).
  await settled(page);
  const panelAxe = await new AxeBuilder({ page })
    .include('#case-plans')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(panelAxe.violations.map((v) => v.id)).toEqual([]);
});
