import type { LetterLanguageTexts } from './letter-templates';

/** English translation (to be reviewed by a certified translator before production use). */
export const letterTextsEn: LetterLanguageTexts = {
  languageName: 'English',
  partHeading: 'Translation (English) · Übersetzung (Englisch)',
  translationNote:
    'This translation is for your information. Only the German original attached to this letter is legally binding.',
  salutation: 'Dear {personName},',
  closing: 'Yours sincerely\n{agencyName}',
  dateLabel: 'Date',
  caseLabel: 'File reference',
  contactLabel: 'Contact',
  templates: {
    invitation: {
      subject: 'Invitation to an appointment on {appointmentDate} at {appointmentTime}',
      paragraphs: [
        'Please come to a personal meeting on {appointmentDate} at {appointmentTime}. Place: {appointmentPlace}.',
        'Purpose of the appointment: {topic}.',
        { when: 'bringAlong', text: 'Please bring:\n{bringAlong}' },
        {
          when: 'interpreterLanguage',
          text: 'An interpreter for {interpreterLanguage} has been booked for the appointment.',
        },
        'If you cannot attend, please contact us beforehand and tell us the reason, for example an illness (please with a doctor’s certificate of incapacity for work). Contact: {agencyContact}',
      ],
      notice: {
        heading: 'Notice of legal consequences',
        paragraphs: [
          'This invitation is a summons to report under § 59 of the Second Book of the Social Code (SGB II) in conjunction with § 309 of the Third Book of the Social Code (SGB III).',
          'If you do not attend the appointment without an important reason, your Bürgergeld will be reduced under § 32 SGB II by 10 per cent of your standard needs rate for one month.',
          'Before any reduction you will be heard (§ 24 SGB X). Please tell us about an important reason and provide proof of it.',
        ],
      },
    },
    appointment: {
      subject: 'Your appointment on {appointmentDate} at {appointmentTime}',
      paragraphs: [
        'We confirm your appointment on {appointmentDate} at {appointmentTime}. Place: {appointmentPlace}.',
        'Subject: {topic}.',
        { when: 'bringAlong', text: 'Please bring:\n{bringAlong}' },
        {
          when: 'interpreterLanguage',
          text: 'An interpreter for {interpreterLanguage} has been booked for the appointment.',
        },
        'If you cannot attend, please cancel in good time. Contact: {agencyContact}',
      ],
      notice: null,
    },
    document_request: {
      subject: 'Please submit documents by {deadline}',
      paragraphs: [
        'For {purpose} we need the following documents from you:\n{documents}',
        'Please submit the documents by {deadline} – in person, by post or as a copy. Please quote the file reference {caseReference}.',
        'If you cannot obtain a document, or not in time, please contact us before the deadline. Contact: {agencyContact}',
      ],
      notice: {
        heading: 'Your duty to cooperate',
        paragraphs: [
          'Under § 60 of the First Book of the Social Code (SGB I) you must state all facts relevant to the benefit and submit evidence on request.',
          'If you do not submit the documents by {deadline} without sufficient reason, the benefit may be refused or withdrawn in whole or in part under § 66 SGB I until you cooperate.',
        ],
      },
    },
    sanction_hearing: {
      subject: 'Hearing before a reduction of your Bürgergeld (§ 24 SGB X)',
      paragraphs: [
        'You were invited to an appointment on {appointmentDate} at {appointmentTime}. According to our records, you did not attend this appointment.',
        'We are therefore examining whether your Bürgergeld will be reduced under § 32 SGB II by 10 per cent of the standard needs rate for one month. Before we decide, we give you the opportunity to comment (§ 24 SGB X).',
        'Please tell us by {replyDeadline} whether you had an important reason, for example an illness, and submit proof. Please also tell us if you did not receive the invitation.',
        'You can reply in writing, in person or by telephone. Contact: {agencyContact}',
      ],
      notice: {
        heading: 'Please note',
        paragraphs: [
          'If we do not hear from you by {replyDeadline}, we will decide on the basis of the file.',
          'There will be no reduction if it would mean exceptional hardship for you. Please also tell us about such circumstances.',
        ],
      },
    },
    decision_cover: {
      subject: 'Your decision of {decisionDate}: {decisionTitle}',
      paragraphs: [
        'Please find enclosed our decision of {decisionDate} ({decisionTitle}).',
        { when: 'explanation', text: '{explanation}' },
        'Please read the decision carefully. If you have any questions, please contact us. Contact: {agencyContact}',
      ],
      notice: {
        heading: 'Objection (Widerspruch)',
        paragraphs: [
          'You can lodge an objection (Widerspruch) against the decision within one month of its notification, in writing or on record at {agencyName}, {agencyAddress}.',
          'The instructions on legal remedies in the decision and its German wording are binding.',
        ],
      },
    },
  },
};
