import type { LetterLanguageTexts } from './letter-templates';

/** The German originals: the legally binding text of every letter (to be reviewed by the legal department). */
export const letterTextsDe: LetterLanguageTexts = {
  languageName: 'Deutsch',
  partHeading: 'Deutsches Original',
  translationNote: '',
  salutation: 'Guten Tag {personName},',
  closing: 'Mit freundlichen Grüßen\n{agencyName}',
  dateLabel: 'Datum',
  caseLabel: 'Aktenzeichen',
  contactLabel: 'Kontakt',
  templates: {
    invitation: {
      subject: 'Einladung zu einem Termin am {appointmentDate} um {appointmentTime} Uhr',
      paragraphs: [
        'bitte kommen Sie am {appointmentDate} um {appointmentTime} Uhr zu einem persönlichen Gespräch. Ort: {appointmentPlace}.',
        'Anlass des Termins: {topic}.',
        { when: 'bringAlong', text: 'Bitte bringen Sie mit:\n{bringAlong}' },
        {
          when: 'interpreterLanguage',
          text: 'Zu dem Termin ist eine Dolmetscherin oder ein Dolmetscher für {interpreterLanguage} bestellt.',
        },
        'Wenn Sie den Termin nicht wahrnehmen können, melden Sie sich bitte vorher bei uns und nennen Sie den Grund, zum Beispiel eine Krankheit (bitte mit Arbeitsunfähigkeitsbescheinigung). Kontakt: {agencyContact}',
      ],
      notice: {
        heading: 'Rechtsfolgenbelehrung',
        paragraphs: [
          'Diese Einladung ist eine Meldeaufforderung nach § 59 des Zweiten Buches Sozialgesetzbuch (SGB II) in Verbindung mit § 309 des Dritten Buches Sozialgesetzbuch (SGB III).',
          'Wenn Sie ohne wichtigen Grund nicht zu dem Termin erscheinen, wird Ihr Bürgergeld nach § 32 SGB II um 10 Prozent des für Sie maßgebenden Regelbedarfs für einen Monat gemindert.',
          'Vor einer Minderung werden Sie angehört (§ 24 SGB X). Einen wichtigen Grund teilen Sie uns bitte mit und weisen ihn nach.',
        ],
      },
    },
    appointment: {
      subject: 'Ihr Termin am {appointmentDate} um {appointmentTime} Uhr',
      paragraphs: [
        'hiermit bestätigen wir Ihren Termin am {appointmentDate} um {appointmentTime} Uhr. Ort: {appointmentPlace}.',
        'Thema: {topic}.',
        { when: 'bringAlong', text: 'Bitte bringen Sie mit:\n{bringAlong}' },
        {
          when: 'interpreterLanguage',
          text: 'Zu dem Termin ist eine Dolmetscherin oder ein Dolmetscher für {interpreterLanguage} bestellt.',
        },
        'Wenn Sie den Termin nicht wahrnehmen können, sagen Sie bitte rechtzeitig ab. Kontakt: {agencyContact}',
      ],
      notice: null,
    },
    document_request: {
      subject: 'Bitte reichen Sie Unterlagen bis zum {deadline} ein',
      paragraphs: [
        'für {purpose} benötigen wir von Ihnen die folgenden Unterlagen:\n{documents}',
        'Bitte reichen Sie die Unterlagen bis zum {deadline} ein – persönlich, per Post oder als Kopie. Geben Sie dabei bitte das Aktenzeichen {caseReference} an.',
        'Wenn Sie eine Unterlage nicht oder nicht rechtzeitig beschaffen können, melden Sie sich bitte vor Ablauf der Frist bei uns. Kontakt: {agencyContact}',
      ],
      notice: {
        heading: 'Hinweis zu Ihrer Mitwirkungspflicht',
        paragraphs: [
          'Nach § 60 des Ersten Buches Sozialgesetzbuch (SGB I) müssen Sie alle Tatsachen angeben, die für die Leistung erheblich sind, und auf Verlangen Beweisurkunden vorlegen.',
          'Wenn Sie die Unterlagen ohne ausreichenden Grund nicht bis zum {deadline} vorlegen, kann die Leistung nach § 66 SGB I ganz oder teilweise versagt oder entzogen werden, bis Sie die Mitwirkung nachholen.',
        ],
      },
    },
    sanction_hearing: {
      subject: 'Anhörung vor einer Minderung Ihres Bürgergeldes (§ 24 SGB X)',
      paragraphs: [
        'Sie waren für den {appointmentDate} um {appointmentTime} Uhr zu einem Termin eingeladen. Nach unseren Unterlagen sind Sie zu diesem Termin nicht erschienen.',
        'Wir prüfen deshalb, ob Ihr Bürgergeld nach § 32 SGB II um 10 Prozent des maßgebenden Regelbedarfs für einen Monat gemindert wird. Bevor wir entscheiden, geben wir Ihnen Gelegenheit, sich zu äußern (§ 24 SGB X).',
        'Bitte teilen Sie uns bis zum {replyDeadline} mit, ob Sie einen wichtigen Grund hatten, zum Beispiel eine Krankheit, und reichen Sie Nachweise ein. Teilen Sie uns bitte auch mit, wenn Sie die Einladung nicht erhalten haben.',
        'Sie können sich schriftlich, persönlich oder telefonisch äußern. Kontakt: {agencyContact}',
      ],
      notice: {
        heading: 'Hinweis',
        paragraphs: [
          'Wenn wir bis zum {replyDeadline} nichts von Ihnen hören, entscheiden wir nach Aktenlage.',
          'Eine Minderung unterbleibt, wenn sie für Sie eine außergewöhnliche Härte bedeuten würde. Bitte teilen Sie uns auch solche Umstände mit.',
        ],
      },
    },
    decision_cover: {
      subject: 'Ihr Bescheid vom {decisionDate}: {decisionTitle}',
      paragraphs: [
        'anbei erhalten Sie unseren Bescheid vom {decisionDate} ({decisionTitle}).',
        { when: 'explanation', text: '{explanation}' },
        'Bitte lesen Sie den Bescheid sorgfältig. Wenn Sie Fragen haben, wenden Sie sich an uns. Kontakt: {agencyContact}',
      ],
      notice: {
        heading: 'Hinweis zum Widerspruch',
        paragraphs: [
          'Gegen den Bescheid können Sie innerhalb eines Monats nach seiner Bekanntgabe Widerspruch einlegen, schriftlich oder zur Niederschrift bei {agencyName}, {agencyAddress}.',
          'Maßgeblich sind die Rechtsbehelfsbelehrung im Bescheid und dessen deutscher Wortlaut.',
        ],
      },
    },
  },
};
