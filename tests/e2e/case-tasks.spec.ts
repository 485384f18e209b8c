import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled, tabTo } from './helpers';

// Tasks and a case conference on one case: the Sozialamt opens a case with the Ausländerbehörde and
// the Jugendamt on the team, gives herself an overdue task, finds it in her inbox and completes it
// with the keyboard; then she schedules a case conference about the imminent deportation of a
// family with children (Sozialamt, Ausländerbehörde, Jugendamt, an interpreter), writes the minutes
// and two decisions and finalises them. The Ausländerbehörde then finds the decision's task in its
// inbox. The demo seed holds many cases and tasks, so names carry a random suffix and the lists are
// sorted newest first.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Aufgabenprobe${suffix}`;
const caseTitle = `Familie ${familyName}: Aufenthalt und Schutz der Kinder`;
const taskTitle = `Härtefallunterlagen sammeln ${suffix}`;
const conferenceTitle = `Drohende Abschiebung der Familie ${suffix}`;
const decisionAbh = `Ermessensduldung aus familiären Gründen prüfen ${suffix}`;
const decisionJugendamt = `Gefährdungseinschätzung für die Kinder erstellen ${suffix}`;

let page: Page;
let caseUrl = '';

/** Yesterday in Europe/Berlin, 'YYYY-MM-DD': the task is overdue from the start. */
function yesterdayInBerlin(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() - 86_400_000));
  return parts;
}

async function csrfOf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

/** Person and case through the API (the case screens have their own spec); the team through the API too. */
async function createCaseWithTeam(p: Page): Promise<string> {
  const csrf = await csrfOf(p);
  const headers = { 'X-CSRF-Token': csrf };
  const person = await p.request.post('/api/v1/people', {
    data: { givenNames: 'Mariam', familyName, duplicatesReviewed: true },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const agencies = (await (await p.request.get('/api/v1/agencies')).json()) as { items: { id: string; code: string }[] };
  const agencyId = (code: string) => agencies.items.find((a) => a.code === code)!.id;
  const created = await p.request.post('/api/v1/cases', { data: { personId, title: caseTitle }, headers });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = ((await created.json()) as { id: string }).id;
  for (const code of ['abh', 'jugendamt']) {
    const added = await p.request.post(`/api/v1/cases/${caseId}/team`, {
      data: {
        agencyId: agencyId(code),
        role: 'participant',
        basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
      },
      headers,
    });
    expect(added.status(), await added.text()).toBe(201);
  }
  return caseId;
}

const dialog = () => page.getByRole('dialog');

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  caseUrl = `/faelle/${await createCaseWithTeam(page)}`;
});

test.afterAll(async () => {
  await page.context().close();
});

test('a caseworker gives herself an overdue task on the case', async () => {
  await page.goto(caseUrl);
  const panel = page.locator('#case-tasks');
  await expect(panel.getByRole('heading', { name: 'Keine offenen Aufgaben' })).toBeVisible();
  await panel.getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(dialog().getByLabel('Zuständige Stelle')).toHaveValue(/.+/);
  // An empty title is refused at the field.
  await dialog().getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(dialog().getByRole('alert').filter({ hasText: 'Aufgabe' })).toBeVisible();
  await dialog().getByLabel('Aufgabe', { exact: true }).fill(taskTitle);
  await expect(dialog().getByLabel('Zuständige Stelle')).toHaveValue(/.+/);
  await expect(dialog().getByLabel(/^Zuständige Person/).locator('option:checked')).toHaveText('Sabine Schulte');
  await dialog().getByLabel(/^Fällig am/).fill(yesterdayInBerlin());
  await dialog().getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(page.getByText(`Die Aufgabe „${taskTitle}“ wurde angelegt.`)).toBeVisible();
  const item = panel.getByRole('listitem').filter({ hasText: taskTitle });
  await expect(item.getByText('überfällig')).toBeVisible();
  await expect(item.getByText('Sozialamt – Leistungen für Geflüchtete – Sabine Schulte')).toBeVisible();
});

test('the inbox shows the task under Meine and Überfällig; it is completed with the keyboard alone', async () => {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufgaben' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aufgaben' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Meine', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.getByLabel('Sortierung').selectOption({ label: 'Zuletzt angelegt zuerst' });
  await expect(page).toHaveURL(/sortierung=createdAt/);
  const row = page.getByRole('row').filter({ hasText: taskTitle });
  await expect(row).toBeVisible();
  await expect(row.getByText('überfällig')).toBeVisible();
  await expect(row.getByRole('link', { name: /^F-\d{4}-\d{5,}$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'Aufgaben (Meine)');

  await page.getByRole('link', { name: 'Überfällig', exact: true }).click();
  await expect(page).toHaveURL(/ansicht=ueberfaellig/);
  await page.getByLabel('Sortierung').selectOption({ label: 'Zuletzt angelegt zuerst' });
  await expect(row).toBeVisible();
  await expectNoAxeViolations(page, 'Aufgaben (Überfällig)');

  // Keyboard only: from the sort field to the row's "Erledigt" and back with "Rückgängig".
  await page.getByLabel('Sortierung').focus();
  const complete = row.getByRole('button', { name: `Als erledigt markieren: ${taskTitle}` });
  await tabTo(page, complete, 40);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Die Aufgabe „${taskTitle}“ ist erledigt.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Rückgängig' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Die Aufgabe „${taskTitle}“ ist wieder offen.`)).toBeVisible();
  await expect(row).toBeVisible();
  await tabTo(page, complete, 40);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Die Aufgabe „${taskTitle}“ ist erledigt.`)).toBeVisible();

  // Done tasks are found with the status filter of "Meine".
  await page.getByRole('link', { name: 'Meine', exact: true }).click();
  await page.getByLabel('Status').selectOption({ label: 'Erledigt' });
  await page.getByLabel('Sortierung').selectOption({ label: 'Zuletzt angelegt zuerst' });
  await expect(page.getByRole('row').filter({ hasText: taskTitle }).getByText('(erledigt)')).toBeVisible();
});

test('a case conference is scheduled with agencies and an interpreter, minuted and finalised into tasks', async () => {
  await page.goto(caseUrl);
  const panel = page.locator('#case-conferences');
  await expect(panel.getByRole('heading', { name: 'Noch keine Fallkonferenz' })).toBeVisible();
  await panel.getByRole('button', { name: 'Fallkonferenz ansetzen' }).click();
  await dialog().getByLabel('Anlass').fill(conferenceTitle);
  await dialog().getByLabel('Datum und Uhrzeit').fill('2026-12-03T09:30');
  await dialog().getByLabel(/^Ort/).fill('Rathaus, Raum 2.14');
  for (const name of ['Sozialamt – Leistungen für Geflüchtete', 'Ausländerbehörde', 'Jugendamt']) {
    await expect(dialog().getByLabel(name)).toBeChecked();
  }
  await dialog().getByRole('button', { name: 'Fallkonferenz ansetzen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();
  await expect(page.getByText('Die Fallkonferenz ist angesetzt.')).toBeVisible();
  await settled(page);

  // The interpreter takes part from outside.
  await page.getByRole('button', { name: 'Person von außen hinzufügen' }).click();
  const interpreter = page.getByRole('group', { name: 'Teilnahme 4' });
  await expect(interpreter.getByLabel('Name')).toBeFocused();
  await interpreter.getByLabel('Name').fill('Leyla Demir');
  await interpreter.getByLabel('Rolle').fill('Dolmetscherin');
  for (let n = 1; n <= 4; n += 1) {
    await page.getByRole('group', { name: `Teilnahme ${n}` }).getByLabel('hat teilgenommen').check();
  }

  // Agenda: three items; the last one moves to the top.
  for (const item of ['Stand des Aufenthaltsverfahrens', 'Schutz der Kinder', 'Eilige Schritte vor dem Termin']) {
    await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
    await page.getByRole('textbox', { name: /^Punkt \d$/ }).last().fill(item);
  }
  await page.getByRole('button', { name: 'Punkt 3 nach oben' }).click();
  await page.getByRole('button', { name: 'Punkt 2 nach oben' }).click();
  await expect(page.getByRole('textbox', { name: 'Punkt 1' })).toHaveValue('Eilige Schritte vor dem Termin');
  await expect(page.getByText('Punkt 2 ist jetzt Punkt 1.')).toBeAttached();

  await page
    .getByRole('textbox', { name: 'Protokoll' })
    .fill('Die Familie ist ausreisepflichtig; die Kinder besuchen die Grundschule. Härtefallgründe werden geprüft.');

  // Two decisions: for the Ausländerbehörde and the Jugendamt.
  await page.getByRole('button', { name: 'Beschluss hinzufügen' }).click();
  const first = page.getByRole('group', { name: 'Beschluss 1' });
  await first.getByLabel('Beschluss', { exact: true }).fill(decisionAbh);
  await first.getByLabel('Verantwortliche Stelle').selectOption({ label: 'Ausländerbehörde' });
  await first.getByLabel(/^Frist/).fill('2026-12-10');
  await page.getByRole('button', { name: 'Beschluss hinzufügen' }).click();
  const second = page.getByRole('group', { name: 'Beschluss 2' });
  await second.getByLabel('Beschluss', { exact: true }).fill(decisionJugendamt);
  await second.getByLabel('Verantwortliche Stelle').selectOption({ label: 'Jugendamt' });
  await expectNoAxeViolations(page, 'Fallkonferenz (geplant)');

  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('Die Fallkonferenz wurde gespeichert.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Punkt 1' })).toHaveValue('Eilige Schritte vor dem Termin');

  await page.getByRole('button', { name: 'Protokoll abschließen' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByText(`„${decisionAbh}“ für Ausländerbehörde, fällig am 10.12.2026`)).toBeVisible();
  await expect(confirm.getByText(`„${decisionJugendamt}“ für Jugendamt`)).toBeVisible();
  await confirm.getByRole('button', { name: 'Protokoll abschließen' }).click();
  await expect(page.getByText('Das Protokoll ist abgeschlossen; 2 Aufgaben wurden angelegt.')).toBeVisible();
  await expect(page.getByText(/Das Protokoll wurde am .* abgeschlossen/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zur Aufgabe (offen)' })).toHaveCount(2);
  await expect(page.getByText('Leyla Demir (Dolmetscherin)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Speichern', exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, 'Fallkonferenz (protokolliert)');

  // The decision's link leads to the task on the case.
  await page.getByRole('link', { name: 'Zur Aufgabe (offen)' }).first().click();
  await expect(page.locator('#case-tasks').getByText(decisionAbh)).toBeVisible();
  await expect(page.locator('#case-conferences').getByText('protokolliert')).toBeVisible();
});

test('the Ausländerbehörde finds the decision as a task in its inbox', async ({ browser }) => {
  const context = await browser.newContext();
  const abh = await context.newPage();
  await login(abh, 'abh');
  await abh.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufgaben' }).click();
  await abh.getByRole('link', { name: 'Team', exact: true }).click();
  await abh.getByLabel('Sortierung').selectOption({ label: 'Zuletzt angelegt zuerst' });
  const row = abh.getByRole('row').filter({ hasText: decisionAbh });
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: 'Beschluss einer Fallkonferenz' })).toBeVisible();
  await expect(row.getByText('10.12.2026')).toBeVisible();
  // The Jugendamt's decision is not the Ausländerbehörde's.
  await expect(abh.getByRole('row').filter({ hasText: decisionJugendamt })).toHaveCount(0);
  await context.close();
});
