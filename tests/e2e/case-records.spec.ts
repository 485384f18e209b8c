import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, logout, settled, tabTo } from './helpers';

// Notes, documents and appointments of one case: a Sozialamt caseworker writes a note of each
// visibility level (one with the keyboard only), uploads and downloads a PDF, is refused a program
// renamed to .pdf, and makes an appointment with an interpreter that shows on "Meine Termine". The
// Jobcenter, then on the team, sees only the team-level note — in the list and in the timeline.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Aktenprobe${suffix}`;
const caseTitle = `Unterlagen und Termine ${suffix}`;

let page: Page;
let caseId = '';
let jobcenterId = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

/** A person and an open case, through the API (the case screens have their own spec). */
async function createCase(p: Page): Promise<string> {
  const headers = { 'X-CSRF-Token': await csrf(p) };
  const person = await p.request.post('/api/v1/people', {
    data: { givenNames: 'Mariam', familyName, duplicatesReviewed: true },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  const created = await p.request.post('/api/v1/cases', {
    data: { personId: ((await person.json()) as { id: string }).id, title: caseTitle },
    headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const agencies = await p.request.get('/api/v1/agencies');
  const items = ((await agencies.json()) as { items: { id: string; code: string }[] }).items;
  jobcenterId = items.find((a) => a.code === 'jobcenter')!.id;
  return ((await created.json()) as { id: string }).id;
}

const dialog = () => page.getByRole('dialog');
const notes = () => page.locator('#case-notes');
const documents = () => page.locator('#case-documents');
const appointments = () => page.locator('#case-appointments');
const timeline = () => page.locator('#case-timeline');

/** A small well-formed PDF, generated here rather than kept as a fixture file. */
function pdfBytes(): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj',
    'trailer <</Root 1 0 R>>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(`${body}\n`, 'latin1');
}

async function addNote(subject: string, visibility: 'Fallteam' | 'Nur eigene Stelle' | 'Nur ich', kind = 'Kontakt') {
  await notes().getByRole('button', { name: 'Vermerk anlegen' }).click();
  await expect(dialog()).toBeVisible();
  await dialog().getByLabel('Art', { exact: true }).selectOption({ label: kind });
  await dialog().getByLabel('Betreff').fill(subject);
  await dialog()
    .getByLabel('Text', { exact: true })
    .fill(`Vermerk „${subject}“: Gespräch über Sprachkurs und Kinderbetreuung.`);
  await dialog().getByRole('radio', { name: visibility }).check();
  await dialog().getByRole('button', { name: 'Vermerk anlegen' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(notes().getByText('Der Vermerk wurde angelegt.')).toBeVisible();
  await expect(notes().getByRole('heading', { name: subject })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await login(page, 'sozialamt');
  caseId = await createCase(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test('the record panels start empty and are accessible', async () => {
  await page.goto(`/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(caseTitle);
  await settled(page);
  await expect(notes().getByRole('heading', { name: 'Noch keine Vermerke' })).toBeVisible();
  await expect(documents().getByRole('heading', { name: 'Noch keine Dokumente' })).toBeVisible();
  await expect(appointments().getByText('Keine anstehenden Termine')).toBeVisible();
  await expectNoAxeViolations(page, 'Fall mit Vermerken, Dokumenten und Terminen');
});

test('a note is written with the keyboard only', async () => {
  const opener = notes().getByRole('button', { name: 'Vermerk anlegen' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog()).toBeVisible();
  await expectNoAxeViolations(page, 'Vermerk anlegen');
  // Sending it empty names the missing fields.
  const submit = dialog().getByRole('button', { name: 'Vermerk anlegen' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(dialog().getByRole('alert').filter({ hasText: 'Betreff' })).toBeVisible();
  await tabTo(page, dialog().getByLabel('Betreff'));
  await page.keyboard.type('Erstgespräch für das Fallteam');
  await tabTo(page, dialog().getByLabel('Text', { exact: true }));
  await page.keyboard.type('Frau M. möchte einen Integrationskurs besuchen. Nächster Schritt: Anmeldung.');
  // The visibility stays at the default: the case team.
  await expect(dialog().getByRole('radio', { name: 'Fallteam' })).toBeChecked();
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(dialog()).toHaveCount(0);
  await expect(notes().getByRole('heading', { name: 'Erstgespräch für das Fallteam' })).toBeVisible();
  // Focus returns to the opener.
  await expect(opener).toBeFocused();
});

test('notes limited to the agency and to the author carry a badge; the author edits a note', async () => {
  await addNote('Nur für das Sozialamt', 'Nur eigene Stelle', 'Hausbesuch');
  await addNote('Persönliche Einschätzung', 'Nur ich', 'Beratung');
  const agencyNote = notes().getByRole('listitem').filter({ hasText: 'Nur für das Sozialamt' });
  await expect(agencyNote.getByText('Vertraulich: Nur eigene Stelle')).toBeVisible();
  await expect(
    notes().getByRole('listitem').filter({ hasText: 'Persönliche Einschätzung' }).getByText('Vertraulich: Nur ich'),
  ).toBeVisible();
  await expect(
    notes()
      .getByRole('listitem')
      .filter({ hasText: 'Erstgespräch' })
      .getByText(/Vertraulich/),
  ).toHaveCount(0);

  // The filter by kind.
  await notes().getByLabel('Art', { exact: true }).selectOption({ label: 'Hausbesuch' });
  await expect(notes().getByRole('heading', { level: 3 })).toHaveText(['Nur für das Sozialamt']);
  await notes().getByLabel('Art', { exact: true }).selectOption({ label: 'Alle' });
  await expect(notes().getByRole('heading', { level: 3 })).toHaveCount(3);

  await notes().getByRole('button', { name: 'Bearbeiten: Nur für das Sozialamt' }).click();
  await expect(dialog().getByLabel('Betreff')).toHaveValue('Nur für das Sozialamt');
  await dialog().getByLabel('Betreff').fill('Hausbesuch: nur für das Sozialamt');
  await dialog().getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(notes().getByText('Der Vermerk wurde gespeichert.')).toBeVisible();
  await expect(notes().getByRole('heading', { name: 'Hausbesuch: nur für das Sozialamt' })).toBeVisible();
  await expect(timeline().getByRole('listitem').filter({ hasText: 'Vermerk angelegt' })).toHaveCount(3);
});

test('a PDF is uploaded and downloaded; a program renamed to .pdf is refused in German', async () => {
  await documents().getByRole('button', { name: 'Dokument hochladen' }).click();
  await expect(dialog()).toBeVisible();
  const pdf = pdfBytes();
  await dialog()
    .getByLabel('Datei')
    .setInputFiles({ name: 'Bescheid März.pdf', mimeType: 'application/pdf', buffer: pdf });
  // The title follows the file name.
  await expect(dialog().getByLabel('Titel', { exact: true })).toHaveValue('Bescheid März');
  await dialog().getByLabel('Art des Dokuments').selectOption({ label: 'Bescheid' });
  await expect(dialog().getByLabel('Aufbewahrung')).toHaveValue('case_file');
  await expect(dialog().getByText('10 Jahre nach Abschluss des Falls gelöscht')).toBeVisible();
  await expectNoAxeViolations(page, 'Dokument hochladen');
  await dialog().getByRole('button', { name: 'Dokument hochladen' }).click();
  await expect(dialog()).toHaveCount(0);
  await expect(documents().getByText('Das Dokument wurde hochgeladen.')).toBeVisible();
  const item = documents().getByRole('listitem').filter({ hasText: 'Bescheid März' });
  await expect(item).toContainText('Bescheid März.pdf');
  await expect(item).toContainText('PDF');

  const downloading = page.waitForEvent('download');
  await item.getByRole('link', { name: /^Herunterladen: Bescheid März/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Bescheid März.pdf');
  expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);

  // A Windows program under a PDF name: the server recognises it by its first bytes.
  await documents().getByRole('button', { name: 'Dokument hochladen' }).click();
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(120)]);
  await dialog().getByLabel('Datei').setInputFiles({ name: 'Rechnung.pdf', mimeType: 'application/pdf', buffer: exe });
  await dialog().getByLabel('Art des Dokuments').selectOption({ label: 'Sonstiges' });
  await dialog().getByRole('button', { name: 'Dokument hochladen' }).click();
  await expect(dialog().locator('.kern-error').filter({ hasText: 'Dieser Dateityp ist nicht erlaubt.' })).toBeVisible();
  await expect(dialog().getByLabel('Datei')).toHaveAttribute('aria-invalid', 'true');
  await dialog().getByRole('button', { name: 'Abbrechen' }).click();
  await expect(documents().getByRole('listitem')).toHaveCount(1);
});

test('an appointment with an interpreter is made and shows on "Meine Termine"', async () => {
  await appointments().getByRole('button', { name: 'Termin vereinbaren' }).click();
  await expect(dialog()).toBeVisible();
  await dialog().getByLabel('Art', { exact: true }).selectOption({ label: 'Behördentermin' });
  await dialog().getByLabel('Titel', { exact: true }).fill(`Vorsprache Ausländerbehörde ${suffix}`);
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setHours(10, 0, 0, 0);
  const local = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}:00`;
  await dialog().getByLabel('Beginn').fill(local(start));
  await dialog()
    .getByLabel('Ende')
    .fill(local(new Date(start.getTime() + 3_600_000)));
  await dialog().getByLabel('Ort').fill('Rathaus, Raum 112');
  await dialog().getByLabel('Dolmetschen für').selectOption({ label: 'Arabisch' });
  await expectNoAxeViolations(page, 'Termin vereinbaren');
  await dialog().getByRole('button', { name: 'Termin vereinbaren' }).click();
  await expect(dialog()).toHaveCount(0);
  const item = appointments()
    .getByRole('listitem')
    .filter({ hasText: `Vorsprache Ausländerbehörde ${suffix}` });
  await expect(item).toContainText('Behördentermin');
  await expect(item).toContainText('Dolmetschen: Arabisch (ar)');
  await expect(item).toContainText('Geplant');
  await expectNoAxeViolations(page, 'Fall mit Einträgen');

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Termine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Termine' })).toBeVisible();
  // Made for the caller's agency without a named colleague: it shows in the team view.
  await page.getByRole('radio', { name: /^Team/ }).click();
  await expect(page.getByRole('radio', { name: /^Team/ })).toBeChecked();
  const entry = page.getByRole('listitem').filter({ hasText: `Vorsprache Ausländerbehörde ${suffix}` });
  await expect(entry).toContainText('Dolmetschen: Arabisch (ar)');
  await expect(entry.getByRole('link', { name: new RegExp(`Mariam ${familyName}`) })).toBeVisible();
  await expectNoAxeViolations(page, 'Meine Termine');
  // Only mine: not named on it, so not listed; a range without appointments shows the empty state.
  // The scope lives in the address: the radio follows once the navigation is done.
  await page.getByRole('radio', { name: 'Meine', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Meine', exact: true })).toBeChecked();
  await expect(entry).toHaveCount(0);
  await page.getByLabel('Von').fill('2020-01-01');
  await page.getByLabel('Bis').fill('2020-01-10');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.getByRole('heading', { name: 'Keine Termine in diesem Zeitraum' })).toBeVisible();
  await expectNoAxeViolations(page, 'Meine Termine (leer)');
  await page.getByRole('radio', { name: /^Team/ }).click();
  await expect(page.getByRole('radio', { name: /^Team/ })).toBeChecked();
  await page.getByLabel('Von').fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel('Bis').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await entry.getByRole('link', { name: new RegExp(`Mariam ${familyName}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(caseTitle);
});

test('the Jobcenter on the team sees only the team-level note, also in the timeline', async () => {
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const joined = await page.request.post(`/api/v1/cases/${caseId}/team`, {
    data: {
      agencyId: jobcenterId,
      userId: null,
      role: 'participant',
      basis: { kind: 'legal_basis', legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X', categories: ['identity'] },
    },
    headers,
  });
  expect(joined.status(), await joined.text()).toBe(201);
  // Signing out on the start page: signing in again returns to where one signed out.
  await page.goto('/');
  await logout(page);
  await login(page, 'jobcenter');
  await page.goto(`/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(caseTitle);
  await settled(page);
  await expect(notes().getByRole('heading', { level: 3 })).toHaveText(['Erstgespräch für das Fallteam']);
  await expect(notes().getByText('Nur für das Sozialamt')).toHaveCount(0);
  await expect(notes().getByText('Persönliche Einschätzung')).toHaveCount(0);
  // The note is not the Jobcenter's: no edit button.
  await expect(notes().getByRole('button', { name: /^Bearbeiten/ })).toHaveCount(0);
  await expect(timeline().getByRole('listitem').filter({ hasText: 'Vermerk angelegt' })).toHaveCount(1);
  await expect(timeline().getByRole('listitem').filter({ hasText: 'Vermerk geändert' })).toHaveCount(0);
  // The team-level document is there; removing it is the Sozialamt's.
  await expect(documents().getByRole('listitem').filter({ hasText: 'Bescheid März' })).toBeVisible();
  await expect(documents().getByRole('button', { name: /^Entfernen/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'Fall aus Sicht des Jobcenters');
  await page.goto('/');
  await logout(page);
  await login(page, 'sozialamt');
});

test('the uploader removes the document after a confirmation', async () => {
  await page.goto(`/faelle/${caseId}`);
  await settled(page);
  await documents().getByRole('button', { name: 'Entfernen: Bescheid März' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(
    '„Bescheid März“ (Bescheid März.pdf) wird endgültig gelöscht.',
  );
  await page.getByRole('alertdialog').getByRole('button', { name: 'Endgültig entfernen' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(documents().getByText('Das Dokument wurde entfernt.')).toBeVisible();
  await expect(documents().getByRole('heading', { name: 'Noch keine Dokumente' })).toBeVisible();
  await expect(timeline().getByRole('listitem').filter({ hasText: 'Dokument entfernt' })).toHaveCount(1);
});
