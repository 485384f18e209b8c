import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, logout, settled, tabTo } from './helpers';

// One case from intake to closure through the UI: a Sozialamt caseworker opens a case for a newly
// registered person, adds the Jobcenter to the team, completes an assessment and moves the case
// through every phase; the Jobcenter caseworker then sees the case and the person, and the demo
// team lead reassigns it from the case page and from the workload page. The demo seed holds
// thousands of people and a few hundred cases, so names carry a random suffix and every count is
// taken relative to what was there before.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Fallprobe${suffix}`;
const personName = `Hawa ${familyName}`;
const caseTitle = `Ankommen und Arbeit ${suffix}`;

let page: Page;
let personId = '';
let caseUrl = '';
let reference = '';

async function createPerson(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  const csrf = ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
  const response = await p.request.post('/api/v1/people', {
    data: { givenNames: 'Hawa', familyName, duplicatesReviewed: true },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const dialog = () => page.getByRole('dialog');
const currentStep = () => page.locator('[aria-current="step"]');

/** Opens the phase dialog, picks a move and submits it. */
async function movePhase(move: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Phase ändern' }).click();
  await dialog().getByRole('radio', { name: move }).check();
  if (fill) await fill();
  await dialog().getByRole('button', { name: 'Phase ändern' }).click();
  await expect(dialog()).toHaveCount(0);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  personId = await createPerson(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test('a caseworker opens a case from the person page', async () => {
  await page.goto(`/personen/${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  const panel = page.locator('#person-cases');
  await expect(panel.getByText('Ihre Behörde arbeitet an keinem Fall dieser Person.')).toBeVisible();
  await panel.getByRole('link', { name: 'Fall anlegen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Fall anlegen' })).toBeVisible();
  await expect(page.getByRole('link', { name: personName })).toBeVisible();
  await expectNoAxeViolations(page, 'Fall anlegen');
  // An empty title is refused at the field.
  await page.getByRole('button', { name: 'Fall anlegen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Titel' })).toBeVisible();
  await page.getByLabel('Titel').fill(caseTitle);
  await page.getByRole('button', { name: 'Fall anlegen' }).click();

  await expect(page.getByText('Der Fall wurde angelegt.')).toBeVisible();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(caseTitle);
  reference = ((await heading.textContent()) ?? '').split(' – ')[0]!.trim();
  expect(reference).toMatch(/^F-\d{4}-\d{5,}$/);
  caseUrl = page.url();
  await expect(currentStep()).toContainText('Zugang und Fallklärung');
  await expect(page.getByText('Sabine Schulte (Sozialamt – Leistungen für Geflüchtete)')).toBeVisible();
  await expectNoAxeViolations(page, 'Fall');

  // The person page lists the case now.
  await page.getByRole('link', { name: personName }).click();
  await expect(page.locator('#person-cases').getByRole('link', { name: new RegExp(reference) })).toBeVisible();
  await page.goto(caseUrl);
});

test('the case list finds the case; filters and empty state work', async () => {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fälle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fälle' })).toBeVisible();
  await page.getByLabel('Suchbegriff').fill(reference);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await expectNoAxeViolations(page, 'Fälle');
  await page.getByLabel('Status').selectOption('closed');
  await expect(page.getByRole('heading', { name: 'Keine Fälle gefunden' })).toBeVisible();
  await page.getByLabel('Status').selectOption('open');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
});

test('the Jobcenter joins the case team with a named colleague', async () => {
  await page.getByRole('button', { name: 'Behörde hinzufügen' }).click();
  const colleague = dialog().getByLabel('Kollegin / Kollege');
  // The colleagues of an agency are offered once the agency is chosen.
  await expect(colleague).toBeDisabled();
  await dialog().getByLabel('Behörde', { exact: true }).selectOption({ label: 'Jobcenter / Sozialagentur' });
  await expect(colleague).toBeEnabled();
  await expect(colleague.getByRole('option')).toHaveText([
    'Niemand Bestimmtes (die Behörde)',
    'Jonas Krämer (Integrationsfachkräfte)',
  ]);
  await colleague.selectOption({ label: 'Jonas Krämer (Integrationsfachkräfte)' });
  await dialog().getByLabel('Rolle').selectOption({ label: 'Beteiligt' });
  // Another agency joins only on a basis: without a consent of the person, the legal basis of the transfer.
  await expect(dialog().getByText('Für diese Stelle liegt keine gültige Einwilligung der Person vor.')).toBeVisible();
  await dialog().getByRole('button', { name: 'Behörde hinzufügen' }).click();
  await expect(dialog().getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await dialog().getByLabel('Rechtsgrundlage', { exact: true }).fill('§ 69 Abs. 1 Nr. 1 SGB X');
  await dialog().getByRole('checkbox', { name: 'Kontakt und Anschrift' }).check();
  await expectNoAxeViolations(page, 'Behörde hinzufügen');
  await dialog().getByRole('button', { name: 'Behörde hinzufügen' }).click();
  await expect(dialog()).toHaveCount(0);
  const team = page.locator('#case-team');
  await expect(team.getByText('Jobcenter / Sozialagentur – Jonas Krämer')).toBeVisible();
  await expect(team.getByText('Rechtsgrundlage: § 69 Abs. 1 Nr. 1 SGB X')).toBeVisible();
  await expect(team.getByRole('button', { name: 'Mitgliedschaft beenden: Jobcenter / Sozialagentur' })).toBeVisible();
});

test('the lead agency edits the title with the keyboard; an empty title is refused', async () => {
  const opener = page.getByRole('button', { name: 'Bearbeiten', exact: true });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog()).toBeVisible();
  const title = dialog().getByLabel('Titel');
  await expect(title).toHaveValue(caseTitle);
  await expectNoAxeViolations(page, 'Fall bearbeiten');
  await title.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  const save = dialog().getByRole('button', { name: 'Speichern' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(dialog().getByRole('alert').filter({ hasText: 'Titel' })).toBeVisible();
  await title.focus();
  await page.keyboard.type(`${caseTitle} und Wohnung`);
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(dialog()).toHaveCount(0);
  await expect(page.getByText('Der Fall wurde gespeichert.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${caseTitle} und Wohnung`);
  await expect(page.locator('#case-timeline').getByRole('listitem').filter({ hasText: 'Fall geändert' })).toHaveCount(
    1,
  );
  // Back to the original title (the later steps look for it).
  await opener.click();
  await dialog().getByLabel('Titel').fill(caseTitle);
  await dialog().getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${reference} – ${caseTitle}`);
});

test('the phase dialog works with the keyboard and shows the server’s explanation', async () => {
  const opener = page.getByRole('button', { name: 'Phase ändern' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog()).toBeVisible();
  // Only the moves the phase machine allows: on to Assessment, or closure (no step back from intake).
  await expect(dialog().getByRole('radio')).toHaveCount(2);
  await expect(dialog().getByRole('radio', { name: 'Weiter zu „Assessment“' })).toBeChecked();
  await expectNoAxeViolations(page, 'Phase ändern');
  const submit = dialog().getByRole('button', { name: 'Phase ändern' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(dialog()).toHaveCount(0);
  await expect(currentStep()).toContainText('Assessment');
  await expect(opener).toBeVisible();

  // Planning needs a completed assessment: the move is offered with its condition, the server refuses it.
  await opener.click();
  await expect(dialog().getByRole('radio', { name: 'Weiter zu „Hilfeplanung“' })).toBeChecked();
  await expect(dialog().getByText('muss ein abgeschlossenes Assessment vorliegen').first()).toBeVisible();
  await dialog().getByRole('button', { name: 'Phase ändern' }).click();
  await expect(dialog().getByRole('alert')).toContainText(
    'Für die Phase „Hilfeplanung“ muss ein abgeschlossenes Assessment vorliegen',
  );
  // A step back needs a reason (checked before sending, with the shared rule's message).
  await dialog().getByRole('radio', { name: 'Zurück zu „Zugang und Fallklärung“ (mit Begründung)' }).check();
  await dialog().getByRole('button', { name: 'Phase ändern' }).click();
  await expect(dialog().getByRole('alert')).toContainText('Bitte begründen Sie');
  await page.keyboard.press('Escape');
  await expect(dialog()).toHaveCount(0);
  await expect(currentStep()).toContainText('Assessment');
});

test('an assessment is filled and completed', async () => {
  await page.getByRole('button', { name: 'Einschätzung beginnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einschätzung, Version 1' })).toBeVisible();
  await settled(page);

  // Completing an empty draft shows the server's reasons at the fields.
  await page.getByRole('button', { name: 'Speichern und abschließen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Potenzialanalyse' });
  await expect(summary).toBeVisible();
  await expect(page.getByLabel('Potenzialanalyse (Gesamteinschätzung)')).toHaveAttribute('aria-invalid', 'true');

  const language = page.getByRole('group', { name: 'Sprache' });
  await language
    .getByLabel('Stärken und Ressourcen: Sicht der Person (in eigenen Worten)')
    .fill('Ich spreche Tigrinya, Arabisch und etwas Englisch.');
  await language
    .getByLabel('Stärken und Ressourcen: Einschätzung der Fachkraft')
    .fill('Mehrsprachig, lernt schnell; Integrationskurs A2 begonnen.');
  await language
    .getByLabel('Bedarfe und Hindernisse: Einschätzung der Fachkraft')
    .fill('Kinderbetreuung während des Kurses fehlt.');
  await language.getByLabel('Dringlichkeit').selectOption({ label: 'hoch' });
  for (const domain of [
    'Bildung und Qualifikationen',
    'Arbeit',
    'Gesundheit',
    'Familie und Kinderbetreuung',
    'Wohnen',
    'Finanzen und Schulden',
    'Aufenthaltsstatus',
    'Soziales Netzwerk',
    'Teilhabe und Freizeit',
  ]) {
    await page.getByRole('group', { name: domain, exact: true }).getByLabel('Nicht erhoben').check();
  }
  await page
    .getByLabel('Potenzialanalyse (Gesamteinschätzung)')
    .fill('Hohe Lernbereitschaft; Sprache ist der Schlüssel.');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByText('Der Entwurf wurde gespeichert.')).toBeVisible();
  await expectNoAxeViolations(page, 'Einschätzung bearbeiten');
  await page.getByRole('button', { name: 'Speichern und abschließen' }).click();

  // Completed versions are read-only.
  await expect(page.getByText(/^Abgeschlossen am/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Speichern und abschließen' })).toHaveCount(0);
  await expect(page.getByText('Mehrsprachig, lernt schnell; Integrationskurs A2 begonnen.')).toBeVisible();
  await expectNoAxeViolations(page, 'Einschätzung (abgeschlossen)');
});

test('the case moves through every phase to closure', async () => {
  await page.goto(caseUrl);
  await expect(page.locator('#case-assessments').getByText('Abgeschlossen am', { exact: false })).toBeVisible();
  await movePhase('Weiter zu „Hilfeplanung“');
  await expect(currentStep()).toContainText('Hilfeplanung');
  await movePhase('Weiter zu „Umsetzung“');
  await expect(currentStep()).toContainText('Umsetzung');
  await movePhase('Weiter zu „Monitoring“');
  await expect(currentStep()).toContainText('Monitoring');

  // Closure needs a reason and an outcome.
  await page.getByRole('button', { name: 'Phase ändern' }).click();
  await expect(dialog().getByRole('radio', { name: 'Weiter' })).toHaveCount(0);
  await dialog().getByRole('radio', { name: 'Fall abschließen' }).check();
  await dialog().getByRole('button', { name: 'Phase ändern' }).click();
  await expect(dialog().getByRole('alert')).toContainText('Abschlussgrund');
  await dialog().getByLabel('Abschlussgrund').selectOption({ label: 'Ziele erreicht' });
  await dialog().getByLabel('Ergebnis').fill('Sprachkurs B1 bestanden, Arbeitsstelle gefunden.');
  await dialog().getByRole('button', { name: 'Phase ändern' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(page.getByText('Der Fall wurde abgeschlossen.')).toBeVisible();
  await expect(currentStep()).toContainText('Abschluss');
  await expect(page.getByText('Sprachkurs B1 bestanden, Arbeitsstelle gefunden.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fall wieder öffnen' })).toBeVisible();

  // The timeline holds every move; the filter by kind narrows it.
  const timeline = page.locator('#case-timeline');
  const entries = timeline.getByRole('listitem');
  await expect(entries.filter({ hasText: 'Phase geändert' })).toHaveCount(5);
  await expect(entries.filter({ hasText: 'Einschätzung abgeschlossen' })).toHaveCount(1);
  await timeline.getByLabel('Art').selectOption({ label: 'Ins Fallteam aufgenommen' });
  await expect(entries.filter({ hasText: 'Phase geändert' })).toHaveCount(0);
  await expect(timeline.getByText(/Jobcenter \/ Sozialagentur.*Beteiligt/)).toBeVisible();
  await expectNoAxeViolations(page, 'Fall abgeschlossen');
});

test('a reopened case gets a second assessment version, compared side by side', async () => {
  await page.getByRole('button', { name: 'Fall wieder öffnen' }).click();
  await dialog().getByRole('radio', { name: 'Wieder öffnen in „Monitoring“' }).check();
  await dialog().getByRole('textbox', { name: 'Begründung' }).fill('Die Arbeitsstelle ist weggefallen.');
  await dialog().getByRole('button', { name: 'Wieder öffnen' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(currentStep()).toContainText('Monitoring');

  await page.getByRole('button', { name: 'Neue Version beginnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einschätzung, Version 2' })).toBeVisible();
  const work = page.getByRole('group', { name: 'Arbeit', exact: true });
  await work.getByLabel('Nicht erhoben').uncheck();
  await work.getByLabel('Stärken und Ressourcen: Einschätzung der Fachkraft').fill('Erfahrung als Schneiderin.');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByText('Der Entwurf wurde gespeichert.')).toBeVisible();

  await page.goto(caseUrl);
  await page.getByLabel('Ältere Version').selectOption({ label: 'Version 1' });
  await page.getByLabel('Neuere Version').selectOption({ label: 'Version 2' });
  await page.getByRole('button', { name: 'Vergleichen' }).click();
  const table = page.getByRole('table', { name: 'Geänderte Angaben' });
  await expect(page.getByText('1 Bereich geändert: Arbeit')).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Erfahrung als Schneiderin.' });
  await expect(row).toContainText('geändert: ergänzt');
  await expect(table.getByRole('row').filter({ hasText: 'nicht erhoben' })).toContainText('Ja');
  await expectNoAxeViolations(page, 'Versionen vergleichen');
});

test('a change by someone else in between is refused with a clear message', async () => {
  // A colleague changes the title in another session: the page still holds the older version.
  const me = await page.request.get('/api/v1/auth/me');
  const csrf = ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
  const caseId = caseUrl.split('/').pop()!;
  const current = await page.request.get(`/api/v1/cases/${caseId}`);
  const version = ((await current.json()) as { version: number }).version;
  const patched = await page.request.patch(`/api/v1/cases/${caseId}`, {
    data: { title: `${caseTitle} (geändert)` },
    headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${version}"` },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  await movePhase('Zurück zu „Umsetzung“ (mit Begründung)', async () => {
    await dialog().getByRole('textbox', { name: 'Begründung' }).fill('Neue Arbeitssuche.');
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Der Fall wurde inzwischen' })).toBeVisible();
  await expect(currentStep()).toContainText('Monitoring');
  await page.getByRole('button', { name: 'Aktuelle Fassung laden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(geändert)');
});

test('the Jobcenter caseworker sees the case and the person', async ({ browser }) => {
  await logout(page);
  await page.context().close();
  page = await (await browser.newContext()).newPage();
  await login(page, 'jobcenter');
  await page.goto(`/faelle?bereich=agency&status=all&q=${encodeURIComponent(reference)}`);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(caseTitle);
  await expect(currentStep()).toContainText('Monitoring');
  // Only the lead agency steers the case.
  await expect(page.getByRole('button', { name: 'Phase ändern' })).toHaveCount(0);
  await page.getByRole('link', { name: personName }).click();
  await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  await expect(page.locator('#person-cases').getByRole('link', { name: new RegExp(reference) })).toBeVisible();
});

test('the demo team lead reassigns the case from the case page', async ({ browser }) => {
  await page.context().close();
  page = await (await browser.newContext()).newPage();
  await login(page, 'teamleitung');
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  // Steering stays with the lead agency's caseworkers; the team lead reassigns.
  await page.getByRole('button', { name: 'Neu zuweisen' }).click();
  await expect(dialog()).toBeVisible();
  await expect(dialog().getByText('Bisherige Fallverantwortung: Sabine Schulte')).toBeVisible();
  const newLead = dialog().getByLabel('Neue Fallverantwortung');
  // Colleagues of every agency on the team, without the current lead.
  await expect(newLead.getByRole('option', { name: 'Jonas Krämer – Jobcenter / Sozialagentur' })).toHaveCount(1);
  await expect(newLead.getByRole('option', { name: /Sabine Schulte/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'Fall neu zuweisen');
  // A reason is required.
  await newLead.selectOption({ label: 'Tobias Lindner – Sozialamt – Leistungen für Geflüchtete' });
  await dialog().getByRole('button', { name: 'Neu zuweisen' }).click();
  await expect(dialog().getByRole('alert').filter({ hasText: 'Begründung' })).toBeVisible();
  await dialog().getByRole('textbox', { name: 'Begründung' }).fill('Vertretung während der Elternzeit.');
  await dialog().getByRole('button', { name: 'Neu zuweisen' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(page.getByText('Der Fall liegt jetzt bei Tobias Lindner.')).toBeVisible();
  await expect(
    page.getByText('Tobias Lindner (Sozialamt – Leistungen für Geflüchtete)', { exact: true }),
  ).toBeVisible();
  await expect(
    page.locator('#case-timeline').getByRole('listitem').filter({ hasText: 'Fallverantwortung übergeben' }),
  ).toContainText('Vertretung während der Elternzeit.');
});

test('the team lead sees the workload and hands the case back by its reference', async () => {
  await page.goto('/faelle');
  await page.getByRole('link', { name: 'Arbeitslast' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeitslast' })).toBeVisible();
  const perCaseworker = page.getByRole('table', { name: 'Fälle je Fachkraft' });
  const openCases = async (name: string) =>
    Number(await perCaseworker.getByRole('row').filter({ hasText: name }).getByRole('cell').first().textContent());
  await expect(perCaseworker.getByRole('row').filter({ hasText: 'Sabine Schulte' })).toBeVisible();
  await expectNoAxeViolations(page, 'Arbeitslast');
  const sabineBefore = await openCases('Sabine Schulte');
  const tobiasBefore = await openCases('Tobias Lindner');

  await page.getByLabel('Aktenzeichen').fill(reference);
  await page.getByLabel('Neue Fallverantwortung').selectOption({ label: 'Sabine Schulte' });
  await page.getByRole('textbox', { name: 'Begründung' }).fill('Rückkehr aus der Elternzeit.');
  await page.getByRole('button', { name: 'Neu zuweisen' }).click();
  await expect(page.getByText(`Der Fall ${reference} liegt jetzt bei Sabine Schulte.`)).toBeVisible();
  await expect.poll(() => openCases('Sabine Schulte')).toBe(sabineBefore + 1);
  expect(await openCases('Tobias Lindner')).toBe(tobiasBefore - 1);

  await page.goto(caseUrl);
  await expect(
    page.getByText('Sabine Schulte (Sozialamt – Leistungen für Geflüchtete)', { exact: true }),
  ).toBeVisible();
  await expect(
    page.locator('#case-timeline').getByRole('listitem').filter({ hasText: 'Fallverantwortung übergeben' }),
  ).toHaveCount(2);
});
