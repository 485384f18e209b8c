import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled, tabTo } from './helpers';

// One caseworker session for the whole story: link at registration, compare, merge (keyboard only),
// the merged record redirects, undo, merge the other way round and undo from the notice, "not the
// same person", and the paged search. The demo seed holds thousands of synthetic people, so every
// name here carries a random syllable that no seeded person has.
test.describe.configure({ mode: 'serial' });

let page: Page;

const LETTERS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
function randomSyllables(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) {
    out += LETTERS[Math.floor(Math.random() * LETTERS.length)]! + VOWELS[Math.floor(Math.random() * VOWELS.length)]!;
  }
  return out;
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const family = capitalise(`${randomSyllables(4)}zadeh`);
const year = 1960 + Math.floor(Math.random() * 40);
const month = String(2 + Math.floor(Math.random() * 10)).padStart(2, '0');
const day = String(10 + Math.floor(Math.random() * 18)).padStart(2, '0');
const dob = `${year}-${month}-${day}`;
const dobGerman = `${day}.${month}.${year}`;
const azr = String(Math.floor(1e11 + Math.random() * 9e11));

const nameA = `Yusuf ${family}`;
const nameB = `Youssef ${family}`;
let idA = '';
let idB = '';

async function csrfToken(p: Page): Promise<string> {
  const response = await p.request.get('/api/v1/auth/me');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

async function createPerson(p: Page, csrf: string, body: Record<string, unknown>): Promise<string> {
  const response = await p.request.post('/api/v1/people', {
    data: { duplicatesReviewed: true, ...body },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Changes a person as a colleague would in another session (with the current version as If-Match). */
async function changePerson(p: Page, id: string, body: Record<string, unknown>): Promise<void> {
  const csrf = await csrfToken(p);
  const current = await p.request.get(`/api/v1/people/${id}`);
  const { version } = (await current.json()) as { version: number };
  const response = await p.request.patch(`/api/v1/people/${id}`, {
    data: body,
    headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${version}"` },
  });
  expect(response.status(), await response.text()).toBe(200);
}

const duplicatesPanel = () => page.getByRole('region', { name: 'Mögliche Dubletten' });
const namesSection = () => page.getByRole('region', { name: 'Namen und Schreibweisen' });
const birthSection = () => page.getByRole('region', { name: 'Geburtsdaten' });
const historySection = () => page.getByRole('region', { name: 'Zusammenführungen' });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  // The same person registered twice by two offices, the second time in another transliteration.
  const csrf = await csrfToken(page);
  idA = await createPerson(page, csrf, {
    givenNames: 'Yusuf',
    familyName: family,
    sex: 'male',
    dateOfBirth: dob,
    placeOfBirth: 'Aleppo',
    countryOfBirth: 'SY',
    nationalities: ['SY'],
  });
  idB = await createPerson(page, csrf, {
    givenNames: 'Youssef',
    familyName: family,
    sex: 'male',
    dateOfBirth: dob,
    placeOfBirth: 'Halab',
    countryOfBirth: 'SY',
    nationalities: ['SY', 'TR'],
    identifiers: [{ kind: 'azr', value: azr }],
  });
});

test.afterAll(async () => {
  await page.context().close();
});

test('at registration, a candidate can be chosen as the person: the existing file opens', async () => {
  await page.goto('/personen/neu');
  await page.getByLabel('Vornamen', { exact: true }).fill('Jusuf');
  await page.getByLabel('Familienname', { exact: true }).fill(family);
  await page.getByLabel('Geburtsdatum').fill(dobGerman);

  const candidate = duplicatesPanel().getByRole('listitem').filter({ hasText: nameA });
  await expect(candidate).toBeVisible();
  await candidate.getByRole('link', { name: `Diese Person ist es – Akte öffnen: ${nameA}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/personen/${idA}$`));
  await expect(
    page.getByText('Sie haben die vorhandene Akte geöffnet; es wurde keine neue Person erfasst.'),
  ).toBeVisible();
});

test('the person page lists the other record as a possible duplicate', async () => {
  const candidate = duplicatesPanel().getByRole('listitem', { name: nameB });
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText(dobGerman);
  await expect(candidate).toContainText('%');
  await expect(candidate.getByRole('list').getByRole('listitem')).not.toHaveCount(0);
  await expect(duplicatesPanel().getByRole('listitem', { name: nameA })).toHaveCount(0);
  await expectNoAxeViolations(page, 'Person mit möglichen Dubletten');
});

test('compare side by side and merge with the keyboard only', async () => {
  // Keyboard from here on: the link is reached and followed with Enter.
  const compare = duplicatesPanel().getByRole('link', { name: `Vergleichen und zusammenführen: ${nameB}` });
  await compare.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Personen zusammenführen' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/personen/${idA}/zusammenfuehren/${idB}$`));
  await settled(page);

  const table = page.getByRole('table', { name: 'Vergleich der beiden Datensätze' });
  const row = (name: string) =>
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(row('Vornamen')).toContainText('abweichend');
  await expect(row('Geburtsort')).toContainText('abweichend');
  await expect(row('Kennungen')).toContainText('abweichend');
  await expect(row('Familienname')).not.toContainText('abweichend');
  await expect(row('Geburtsdatum')).not.toContainText('abweichend');
  await expect(table.getByRole('columnheader', { name: /Datensatz A/ })).toContainText('bleibt bestehen');
  await expect(table.getByRole('columnheader', { name: /Datensatz B/ })).toContainText('wird übernommen');
  await expectNoAxeViolations(page, 'Personen zusammenführen');

  // Default: the surviving record's value; the place of birth is taken from the other record instead.
  const keepPlace = page.getByRole('radio', { name: 'Geburtsort aus Datensatz A übernehmen: Aleppo' });
  const takePlace = page.getByRole('radio', { name: 'Geburtsort aus Datensatz B übernehmen: Halab' });
  await expect(keepPlace).toBeChecked();
  await page.getByRole('heading', { level: 1 }).click(); // a neutral starting point for Tab
  await tabTo(page, keepPlace, 40);
  await page.keyboard.press('ArrowDown');
  await expect(takePlace).toBeChecked();
  await expect(takePlace).toBeFocused();

  const preview = page.getByRole('region', { name: /^Vorschau/ });
  await expect(preview).toContainText('Halab');
  await expect(preview).toContainText(azr);
  await expect(preview).toContainText(`${nameB}`);

  await tabTo(page, page.getByLabel('Grund der Zusammenführung'), 20);
  await page.keyboard.type('Dieselbe Person, Name anders transliteriert');
  await tabTo(page, page.getByRole('button', { name: 'Zusammenführen …' }), 10);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('alertdialog', { name: 'Zusammenführen – kann rückgängig gemacht werden' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Aus dem übernommenen Datensatz gelten: Geburtsort.');
  await tabTo(page, dialog.getByRole('button', { name: 'Jetzt zusammenführen' }), 5);
  await page.keyboard.press('Enter');

  // The surviving record, with the other spelling, the chosen place, and the other record's identifier.
  await expect(page.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/personen/${idA}$`));
  await expect(
    page.getByText(`Die Datensätze wurden zusammengeführt: „${nameB}“ ist jetzt Teil dieser Akte.`),
  ).toBeVisible();
  await expect(namesSection()).toContainText(nameB);
  await expect(birthSection()).toContainText('Halab');
  await expect(page.getByText(azr).first()).toBeVisible();
  await expect(historySection()).toContainText(`„${nameB}“ wurde in diesen Datensatz übernommen`);
  await expect(historySection()).toContainText('Dieselbe Person, Name anders transliteriert');
  await expect(duplicatesPanel().getByRole('listitem', { name: nameB })).toHaveCount(0);
});

test('the merged record leads to the survivor, and search finds only the survivor', async () => {
  await page.goto(`/personen/${idB}`);
  await expect(page).toHaveURL(new RegExp(`/personen/${idA}$`));
  await expect(page.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  await expect(
    page.getByText(`Der aufgerufene Datensatz „${nameB}“ wurde mit dieser Person zusammengeführt.`),
  ).toBeVisible();

  await page.goto('/personen');
  await page.getByRole('searchbox', { name: 'Name' }).fill(family);
  const table = page.getByRole('table', { name: 'Suchergebnisse' });
  await expect(table.getByRole('row').filter({ hasText: nameA })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 Treffer' })).toBeVisible();
  await expect(table.getByRole('link', { name: nameB })).toHaveCount(0);
});

test('undo restores both records', async () => {
  await page.goto(`/personen/${idA}`);
  await historySection()
    .getByRole('button', { name: `Rückgängig machen: „${nameB}“ wurde in diesen Datensatz übernommen` })
    .click();
  await expect(historySection().getByText('Die Zusammenführung wurde rückgängig gemacht.')).toBeVisible();
  await expect(historySection()).toContainText('rückgängig gemacht');
  await expect(namesSection()).not.toContainText(nameB);
  await expect(birthSection()).toContainText('Aleppo');
  await expect(duplicatesPanel().getByRole('listitem', { name: nameB })).toBeVisible();

  await page.goto(`/personen/${idB}`);
  await expect(page).toHaveURL(new RegExp(`/personen/${idB}$`));
  await expect(page.getByRole('heading', { level: 1, name: nameB })).toBeVisible();
  await expect(birthSection()).toContainText('Halab');
  await expect(page.getByText(azr).first()).toBeVisible();
});

test('merge with the other record surviving, then undo from the notice', async () => {
  // On B's page now: A is the other record. Swapping makes A survive although the page started at B.
  await duplicatesPanel()
    .getByRole('link', { name: `Vergleichen und zusammenführen: ${nameA}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personen zusammenführen' })).toBeVisible();
  await page.getByRole('button', { name: 'Tauschen: Datensatz B bleibt bestehen' }).click();
  const table = page.getByRole('table', { name: 'Vergleich der beiden Datensätze' });
  await expect(table.getByRole('columnheader', { name: /Datensatz B/ })).toContainText('bleibt bestehen');
  // The given names of the merged record (here: B, the page's own record) are chosen for the result.
  await page.getByRole('radio', { name: 'Vornamen aus Datensatz A übernehmen: Youssef' }).check();
  await expect(page.getByRole('heading', { level: 2, name: /^Vorschau/ })).toContainText(nameB);

  await page.getByRole('button', { name: 'Zusammenführen …' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`${nameB}, ${dobGerman} wird in ${nameA}, ${dobGerman} übernommen.`);
  await dialog.getByRole('button', { name: 'Jetzt zusammenführen' }).click();

  await expect(page).toHaveURL(new RegExp(`/personen/${idA}$`));
  await expect(page.getByRole('heading', { level: 1, name: nameB })).toBeVisible();
  await expect(namesSection()).toContainText(nameA);

  await page
    .getByRole('status')
    .filter({ hasText: 'Die Datensätze wurden zusammengeführt' })
    .getByRole('button', { name: 'Rückgängig machen' })
    .click();
  await expect(page.getByText('Die Zusammenführung wurde rückgängig gemacht.').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  await page
    .getByRole('link', { name: `„${nameB}“ öffnen` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: nameB })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/personen/${idB}$`));
});

test('"not the same person" hides the candidate, can be undone, and stays after a reload', async () => {
  await page.goto(`/personen/${idA}`);
  const candidate = duplicatesPanel().getByRole('listitem', { name: nameB });
  await expect(candidate).toBeVisible();
  await candidate.getByRole('button', { name: `Nicht dieselbe Person: ${nameB}` }).click();

  const notice = duplicatesPanel().getByRole('status').filter({ hasText: 'ist als andere Person vermerkt' });
  await expect(notice).toBeFocused();
  await expect(candidate).toHaveCount(0);

  await notice.getByRole('button', { name: /^Rückgängig/ }).click();
  await expect(duplicatesPanel().getByRole('listitem', { name: nameB })).toBeVisible();
  await expect(duplicatesPanel()).toContainText(`„${nameB}“ wird wieder als mögliche Dublette vorgeschlagen.`);

  await duplicatesPanel()
    .getByRole('button', { name: `Nicht dieselbe Person: ${nameB}` })
    .click();
  await expect(duplicatesPanel().getByRole('listitem', { name: nameB })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  await expect(duplicatesPanel().getByText('Keine möglichen Dubletten')).toBeVisible();

  // The decision holds for the pair, seen from either side.
  await page.goto(`/personen/${idB}`);
  await expect(page.getByRole('heading', { level: 1, name: nameB })).toBeVisible();
  await expect(duplicatesPanel().getByText('Keine möglichen Dubletten')).toBeVisible();
});

test('a change in the meantime reloads both records; an undo the server refuses is explained', async () => {
  const csrf = await csrfToken(page);
  const other = capitalise(`${randomSyllables(3)}yan`);
  const idC = await createPerson(page, csrf, {
    givenNames: 'Hussein',
    familyName: other,
    dateOfBirth: dob,
    placeOfBirth: 'Mosul',
  });
  const idD = await createPerson(page, csrf, {
    givenNames: 'Husain',
    familyName: other,
    dateOfBirth: dob,
    placeOfBirth: 'Musil',
  });

  await page.goto(`/personen/${idC}/zusammenfuehren/${idD}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Personen zusammenführen' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Geburtsort aus Datensatz B übernehmen: Musil' })).toBeVisible();
  await changePerson(page, idD, { placeOfBirth: 'Al-Mawsil' });

  await page.getByRole('button', { name: 'Zusammenführen …' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Jetzt zusammenführen' }).click();
  const stale = page.getByRole('alert').filter({ hasText: 'Einer der beiden Datensätze wurde inzwischen geändert.' });
  await expect(stale).toBeFocused();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Geburtsort aus Datensatz B übernehmen: Al-Mawsil' })).toBeVisible();

  // With the fresh versions the merge goes through.
  await page.getByRole('button', { name: 'Zusammenführen …' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Jetzt zusammenführen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hussein ${other}` })).toBeVisible();

  // A colleague edits the survivor: undoing now would lose that edit, so the server refuses.
  await changePerson(page, idC, { placeOfBirth: 'Mossul' });
  const notice = page.getByRole('status').filter({ hasText: 'Die Datensätze wurden zusammengeführt' });
  await notice.getByRole('button', { name: 'Rückgängig machen' }).click();
  const refused = page
    .getByRole('alert')
    .filter({ hasText: 'Die Zusammenführung kann nicht rückgängig gemacht werden.' });
  await expect(refused).toContainText('Die Person wurde nach der Zusammenführung geändert.');

  await page.reload();
  await expect(historySection()).toContainText(`„Husain ${other}“ wurde in diesen Datensatz übernommen`);
  await expect(historySection().getByRole('button')).toHaveCount(0);
});

test('search results come in pages with page numbers', async () => {
  const csrf = await csrfToken(page);
  const pageFamily = capitalise(`${randomSyllables(4)}ova`);
  const givenNames = ['Anna', 'Olena', 'Iryna', 'Natalia', 'Oksana', 'Tetiana', 'Yulia', 'Mariia'];
  for (let i = 0; i < 23; i += 1) {
    await createPerson(page, csrf, {
      givenNames: `${givenNames[i % givenNames.length]} ${LETTERS[i % LETTERS.length]!.toUpperCase()}.`,
      familyName: pageFamily,
      sex: 'female',
      dateOfBirth: `${1970 + i}-0${1 + (i % 9)}-1${i % 10}`,
      nationalities: ['UA'],
    });
  }

  await page.goto('/personen');
  await page.getByRole('searchbox', { name: 'Name' }).fill(pageFamily);
  const table = page.getByRole('table', { name: 'Suchergebnisse' });
  const status = page.getByRole('status').filter({ hasText: 'Treffer' });
  await expect(status).toHaveText('23 Treffer · Seite 1 von 2');
  await expect(table.getByRole('row')).toHaveCount(21); // header + 20
  const pagination = page.getByRole('navigation', { name: 'Seitennavigation' });
  await expect(pagination.getByRole('button', { name: 'Seite 1' })).toHaveAttribute('aria-current', 'page');
  await expect(pagination.getByRole('button', { name: 'Vorherige Seite' })).toBeDisabled();
  await expectNoAxeViolations(page, 'Personensuche mit Seiten');

  // Keyboard: the second page, then focus lands on the new results.
  await pagination.getByRole('button', { name: 'Seite 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('23 Treffer · Seite 2 von 2');
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toBeFocused();
  await expect(page).toHaveURL(/page=2/);

  // The page survives a reload; typing starts again at page 1.
  await page.reload();
  await expect(status).toHaveText('23 Treffer · Seite 2 von 2');
  await page.getByRole('searchbox', { name: 'Name' }).fill(`${pageFamily} Anna`);
  await expect(page).not.toHaveURL(/page=/);
  await expect(status).toContainText('Treffer');
  await expect(status).not.toContainText('Seite 2');
});
