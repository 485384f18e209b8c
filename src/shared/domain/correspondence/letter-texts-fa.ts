import type { LetterLanguageTexts } from './letter-templates';

/** Persian translation (to be reviewed by a certified translator before production use). */
export const letterTextsFa: LetterLanguageTexts = {
  languageName: 'فارسی',
  partHeading: 'ترجمه (فارسی) · Übersetzung (Persisch)',
  translationNote: 'این ترجمه فقط برای اطلاع شماست. تنها متن اصلی آلمانی پیوست این نامه از نظر حقوقی معتبر است.',
  salutation: 'خانم/آقای {personName}، با سلام،',
  closing: 'با احترام\n{agencyName}',
  dateLabel: 'تاریخ',
  caseLabel: 'شماره پرونده',
  contactLabel: 'تماس',
  templates: {
    invitation: {
      subject: 'دعوت به وقت ملاقات در تاریخ {appointmentDate} ساعت {appointmentTime}',
      paragraphs: [
        'لطفاً در تاریخ {appointmentDate} ساعت {appointmentTime} برای گفتگوی حضوری مراجعه کنید. محل: {appointmentPlace}.',
        'موضوع ملاقات: {topic}.',
        { when: 'bringAlong', text: 'لطفاً همراه داشته باشید:\n{bringAlong}' },
        {
          when: 'interpreterLanguage',
          text: 'برای این ملاقات یک مترجم شفاهی برای زبان {interpreterLanguage} رزرو شده است.',
        },
        'اگر نمی‌توانید در این وقت حاضر شوید، لطفاً از قبل به ما اطلاع دهید و دلیل آن را بگویید، مثلاً بیماری (لطفاً همراه با گواهی پزشکی ناتوانی از کار). تماس: {agencyContact}',
      ],
      notice: {
        heading: 'آگاهی از پیامدهای حقوقی',
        paragraphs: [
          'این دعوت‌نامه یک درخواست حضور طبق ماده 59 کتاب دوم قانون تأمین اجتماعی (SGB II) در ارتباط با ماده 309 کتاب سوم (SGB III) است.',
          'اگر بدون دلیل مهم در وقت ملاقات حاضر نشوید، کمک‌هزینه شهروندی (Bürgergeld) شما طبق ماده 32 SGB II به مدت یک ماه به میزان 10 درصد نیاز پایه کاهش می‌یابد.',
          'پیش از هر کاهشی، نظر شما شنیده می‌شود (ماده 24 SGB X). لطفاً دلیل مهم را به ما اطلاع دهید و مدرک آن را ارائه کنید.',
        ],
      },
    },
    appointment: {
      subject: 'وقت ملاقات شما در تاریخ {appointmentDate} ساعت {appointmentTime}',
      paragraphs: [
        'بدین وسیله وقت ملاقات شما در تاریخ {appointmentDate} ساعت {appointmentTime} را تأیید می‌کنیم. محل: {appointmentPlace}.',
        'موضوع: {topic}.',
        { when: 'bringAlong', text: 'لطفاً همراه داشته باشید:\n{bringAlong}' },
        {
          when: 'interpreterLanguage',
          text: 'برای این ملاقات یک مترجم شفاهی برای زبان {interpreterLanguage} رزرو شده است.',
        },
        'اگر نمی‌توانید حاضر شوید، لطفاً به موقع لغو کنید. تماس: {agencyContact}',
      ],
      notice: null,
    },
    document_request: {
      subject: 'لطفاً مدارک را تا تاریخ {deadline} ارائه دهید',
      paragraphs: [
        'برای {purpose} به مدارک زیر از شما نیاز داریم:\n{documents}',
        'لطفاً مدارک را تا تاریخ {deadline} ارائه دهید، به صورت حضوری، از طریق پست یا به صورت کپی. لطفاً شماره پرونده {caseReference} را ذکر کنید.',
        'اگر نمی‌توانید مدرکی را تهیه کنید یا به موقع تهیه کنید، لطفاً پیش از پایان مهلت با ما تماس بگیرید. تماس: {agencyContact}',
      ],
      notice: {
        heading: 'آگاهی درباره وظیفه همکاری',
        paragraphs: [
          'طبق ماده 60 کتاب اول قانون تأمین اجتماعی (SGB I) شما موظفید همه واقعیت‌های مهم برای کمک‌هزینه را اعلام کنید و در صورت درخواست، مدارک را ارائه دهید.',
          'اگر بدون دلیل کافی مدارک را تا تاریخ {deadline} ارائه ندهید، ممکن است کمک‌هزینه طبق ماده 66 SGB I به طور کامل یا جزئی رد یا قطع شود تا زمانی که همکاری کنید.',
        ],
      },
    },
    sanction_hearing: {
      subject: 'استماع پیش از کاهش کمک‌هزینه شهروندی (Bürgergeld) شما (ماده 24 SGB X)',
      paragraphs: [
        'شما برای تاریخ {appointmentDate} ساعت {appointmentTime} به یک ملاقات دعوت شده بودید. طبق سوابق ما در این ملاقات حاضر نشدید.',
        'بنابراین بررسی می‌کنیم که آیا کمک‌هزینه شهروندی شما طبق ماده 32 SGB II به مدت یک ماه به میزان 10 درصد نیاز پایه کاهش یابد. پیش از تصمیم‌گیری به شما فرصت می‌دهیم نظر خود را بیان کنید (ماده 24 SGB X).',
        'لطفاً تا تاریخ {replyDeadline} به ما اطلاع دهید که آیا دلیل مهمی داشتید، مثلاً بیماری، و مدرک آن را ارائه دهید. اگر دعوت‌نامه به دست شما نرسیده است نیز به ما اطلاع دهید.',
        'می‌توانید به صورت کتبی، حضوری یا تلفنی پاسخ دهید. تماس: {agencyContact}',
      ],
      notice: {
        heading: 'توجه',
        paragraphs: [
          'اگر تا تاریخ {replyDeadline} از شما خبری نرسد، بر اساس پرونده تصمیم می‌گیریم.',
          'اگر کاهش برای شما سختی فوق‌العاده‌ای به همراه داشته باشد، انجام نمی‌شود. لطفاً چنین شرایطی را نیز به ما اطلاع دهید.',
        ],
      },
    },
    decision_cover: {
      subject: 'تصمیم مورخ {decisionDate}: {decisionTitle}',
      paragraphs: [
        'پیوست این نامه تصمیم ما مورخ {decisionDate} ({decisionTitle}) را دریافت می‌کنید.',
        { when: 'explanation', text: '{explanation}' },
        'لطفاً تصمیم را با دقت بخوانید. اگر سؤالی دارید، با ما تماس بگیرید. تماس: {agencyContact}',
      ],
      notice: {
        heading: 'آگاهی درباره اعتراض (Widerspruch)',
        paragraphs: [
          'شما می‌توانید ظرف یک ماه پس از ابلاغ تصمیم، به صورت کتبی یا با ثبت در {agencyName}، {agencyAddress} علیه آن اعتراض (Widerspruch) کنید.',
          'راهنمای طرق اعتراض در تصمیم و متن آلمانی آن معتبر است.',
        ],
      },
    },
  },
};
