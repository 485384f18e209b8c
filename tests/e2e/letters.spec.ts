import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled, tabTo } from './helpers';

// Letters from templates: a caseworker composes an invitation in Arabic through the UI, sees the
// rendered preview, and the preview is checked as an image: the Arabic body lines are right-aligned
// (their right-most ink lies at the right margin, their left-most varies), the German ones are not.
// The demo seed holds thousands of people: the person of this spec gets a random suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Briefe${suffix}`;

let page: Page;
let personId = '';
let caseId = '';
let arabicLetterId = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

type LineStats = { rightAligned: number; leftAligned: number; leftEdgeSpread: number; lines: number };

/**
 * Text lines of the lower part of a page image (below the letterhead, above the footer): rows with
 * dark pixels grouped into lines; per line the left-most and right-most ink column. A line whose
 * ink reaches one margin but stops well before the other counts as aligned to that side; lines that
 * reach both (full lines, the notice box's borders, the footer) count for neither.
 */
async function lineStats(p: Page, image: Locator): Promise<LineStats> {
  const png = await image.screenshot();
  // Decoded in a blank page: the application's content security policy rightly forbids data: URLs.
  const scratch = await p.context().newPage();
  try {
    return await decodeAndMeasure(scratch, png);
  } finally {
    await scratch.close();
  }
}

async function decodeAndMeasure(p: Page, png: Buffer): Promise<LineStats> {
  return p.evaluate(async (base64) => {
    const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const dark = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return data[i]! + data[i + 1]! + data[i + 2]! < 3 * 110;
    };
    // Skip the frame of the image (its 1px border) and look between letterhead and footer.
    const x0 = 3;
    const x1 = width - 4;
    const rows: { y: number; min: number; max: number }[] = [];
    for (let y = Math.floor(height * 0.36); y < Math.floor(height * 0.9); y += 1) {
      let min = -1;
      let max = -1;
      for (let x = x0; x <= x1; x += 1) {
        if (dark(x, y)) {
          if (min < 0) min = x;
          max = x;
        }
      }
      if (min >= 0) rows.push({ y, min, max });
    }
    const lines: { min: number; max: number }[] = [];
    let last = -10;
    for (const r of rows) {
      const current = lines[lines.length - 1];
      if (current && r.y - last <= 2) {
        current.min = Math.min(current.min, r.min);
        current.max = Math.max(current.max, r.max);
      } else {
        lines.push({ min: r.min, max: r.max });
      }
      last = r.y;
    }
    const left = Math.min(...lines.map((l) => l.min));
    const right = Math.max(...lines.map((l) => l.max));
    const span = right - left;
    const tolerance = span * 0.03;
    const gap = span * 0.12;
    const rightAligned = lines.filter((l) => right - l.max <= tolerance && l.min - left >= gap);
    const leftAligned = lines.filter((l) => l.min - left <= tolerance && right - l.max >= gap);
    const mins = rightAligned.map((l) => l.min);
    return {
      rightAligned: rightAligned.length,
      leftAligned: leftAligned.length,
      leftEdgeSpread: mins.length ? (Math.max(...mins) - Math.min(...mins)) / span : 0,
      lines: lines.length,
    };
  }, png.toString('base64'));
}

async function loadedPreview(p: Page): Promise<Locator> {
  const image = p.getByRole('img', { name: /^Vorschau des Briefs, Seite 1 von/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  return image;
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const person = await page.request.post('/api/v1/people', {
    data: {
      givenNames: 'Amal',
      familyName,
      dateOfBirth: '1988-02-11',
      duplicatesReviewed: true,
      addresses: [
        {
          kind: 'residence',
          street: 'Aktienstraße',
          houseNumber: '120',
          postalCode: '45473',
          city: 'Mülheim an der Ruhr',
        },
      ],
    },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  personId = ((await person.json()) as { id: string }).id;
  const kase = await page.request.post('/api/v1/cases', { data: { personId, title: 'Ankommen' }, headers });
  expect(kase.status(), await kase.text()).toBe(201);
  caseId = ((await kase.json()) as { id: string }).id;
});

test.afterAll(async () => {
  await page.context().close();
});

test('composes an invitation in Arabic through the UI and shows the rendered preview', async () => {
  await page.goto(`/personen/${personId}`);
  await settled(page);
  await page.getByRole('link', { name: 'Schriftverkehr der Person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schriftverkehr' })).toBeVisible();
  await expect(page.getByText('Noch keine Briefe')).toBeVisible();
  await expectNoAxeViolations(page, 'person correspondence (empty)');

  await page.getByRole('link', { name: 'Brief schreiben' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brief schreiben' })).toBeVisible();
  await settled(page);
  await expect(page.getByLabel('Fall')).toHaveValue(caseId);
  await page.getByLabel('Vorlage').selectOption('invitation');
  await page.getByLabel('Sprache des Briefs').selectOption('ar');
  // Submitting without the required details names them next to the fields.
  await page.getByRole('button', { name: 'Entwurf speichern und Vorschau zeigen' }).click();
  await expect(page.getByText('Bitte „Anlass des Termins“ angeben.').first()).toBeVisible();
  await page.getByLabel('Datum des Termins').fill('2030-03-12');
  await page.getByLabel('Uhrzeit').fill('09:30');
  await page.getByLabel('Ort (Adresse, Raum)').fill('Rathaus, Raum 2.14');
  await page.getByLabel('Anlass des Termins').fill('Ihre berufliche Situation');
  await expectNoAxeViolations(page, 'letter compose');
  await page.getByRole('button', { name: 'Entwurf speichern und Vorschau zeigen' }).click();
  await expect(page.getByText('Entwurf gespeichert.')).toBeVisible();
  await loadedPreview(page);
  arabicLetterId = new URL(page.url()).searchParams.get('entwurf') ?? '';
  expect(arabicLetterId).not.toBe('');
  await expect(page.getByText('Seite 1 von 2')).toBeVisible();
  await expectNoAxeViolations(page, 'letter compose with preview');
});

test('the Arabic preview is right to left as an image, the German one is not', async () => {
  await page.goto(`/schriftverkehr/${arabicLetterId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: /Einladung zu einem Termin am 12\.03\.2030/ }),
  ).toBeVisible();
  const arabic = await loadedPreview(page);
  const arabicPng = await arabic.screenshot();
  const rtl = await lineStats(page, arabic);
  expect(rtl.lines).toBeGreaterThan(8);
  expect(rtl.rightAligned, JSON.stringify(rtl)).toBeGreaterThanOrEqual(3);
  expect(rtl.rightAligned, JSON.stringify(rtl)).toBeGreaterThan(rtl.leftAligned);
  expect(rtl.leftEdgeSpread, JSON.stringify(rtl)).toBeGreaterThan(0.05);
  await expectNoAxeViolations(page, 'letter page');

  // The same letter in German, for comparison.
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const german = await page.request.post(`/api/v1/cases/${caseId}/letters`, {
    data: {
      template: 'invitation',
      language: 'de',
      fields: {
        appointmentDate: '2030-03-12',
        appointmentTime: '09:30',
        appointmentPlace: 'Rathaus, Raum 2.14',
        topic: 'Ihre berufliche Situation',
      },
    },
    headers,
  });
  expect(german.status(), await german.text()).toBe(201);
  await page.goto(`/schriftverkehr/${((await german.json()) as { id: string }).id}`);
  const germanImage = await loadedPreview(page);
  const ltr = await lineStats(page, germanImage);
  expect(ltr.leftAligned, JSON.stringify(ltr)).toBeGreaterThanOrEqual(3);
  expect(ltr.leftAligned, JSON.stringify(ltr)).toBeGreaterThan(ltr.rightAligned);
  expect(Buffer.compare(await germanImage.screenshot(), arabicPng)).not.toBe(0);
});

test('the person’s correspondence lists both letters; a draft is deleted by keyboard after confirmation', async () => {
  await page.goto(`/personen/${personId}/schriftverkehr`);
  await settled(page);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('cell', { name: 'Arabisch' })).toBeVisible();
  await expectNoAxeViolations(page, 'person correspondence');

  // Keyboard only: open the German draft, delete it, confirm.
  const germanLink = page.getByRole('row').filter({ hasText: 'Deutsch' }).getByRole('link');
  await tabTo(page, germanLink, 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Einladung zu einem Termin/ })).toBeVisible();
  await settled(page);
  const remove = page.getByRole('button', { name: 'Entwurf löschen' });
  await tabTo(page, remove, 60);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Entwurf löschen?' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Entwurf löschen' }), 10);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Schriftverkehr' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
});
