import type { LetterLanguageTexts } from './letter-templates';

/** Arabic translation (to be reviewed by a certified translator before production use). */
export const letterTextsAr: LetterLanguageTexts = {
  languageName: 'العربية',
  partHeading: 'ترجمة (العربية) · Übersetzung (Arabisch)',
  translationNote: 'هذه الترجمة لإعلامك فقط. النص الأصلي الألماني المرفق بهذه الرسالة هو وحده الملزم قانونياً.',
  salutation: 'السيد/السيدة {personName}،',
  closing: 'مع أطيب التحيات\n{agencyName}',
  dateLabel: 'التاريخ',
  caseLabel: 'رقم الملف',
  contactLabel: 'للتواصل',
  templates: {
    invitation: {
      subject: 'دعوة إلى موعد بتاريخ {appointmentDate} الساعة {appointmentTime}',
      paragraphs: [
        'نرجو حضورك إلى مقابلة شخصية بتاريخ {appointmentDate} الساعة {appointmentTime}. المكان: {appointmentPlace}.',
        'سبب الموعد: {topic}.',
        { when: 'bringAlong', text: 'يرجى إحضار ما يلي:\n{bringAlong}' },
        { when: 'interpreterLanguage', text: 'تم حجز مترجم فوري للغة {interpreterLanguage} لهذا الموعد.' },
        'إذا لم تتمكن من الحضور، يرجى إبلاغنا مسبقاً وذكر السبب، مثل المرض (مع شهادة طبية بعدم القدرة على العمل). للتواصل: {agencyContact}',
      ],
      notice: {
        heading: 'تنبيه بالعواقب القانونية',
        paragraphs: [
          'هذه الدعوة هي طلب حضور وفقاً للمادة 59 من الكتاب الثاني من قانون الضمان الاجتماعي (SGB II) بالاقتران مع المادة 309 من الكتاب الثالث (SGB III).',
          'إذا لم تحضر الموعد دون سبب مهم، فسيتم تخفيض إعانة المواطن (Bürgergeld) الخاصة بك وفقاً للمادة 32 من SGB II بنسبة 10 بالمئة من الاحتياج الأساسي لمدة شهر واحد.',
          'قبل أي تخفيض سيتم الاستماع إليك (المادة 24 من SGB X). يرجى إبلاغنا بالسبب المهم وتقديم ما يثبته.',
        ],
      },
    },
    appointment: {
      subject: 'موعدك بتاريخ {appointmentDate} الساعة {appointmentTime}',
      paragraphs: [
        'نؤكد لك موعدك بتاريخ {appointmentDate} الساعة {appointmentTime}. المكان: {appointmentPlace}.',
        'الموضوع: {topic}.',
        { when: 'bringAlong', text: 'يرجى إحضار ما يلي:\n{bringAlong}' },
        { when: 'interpreterLanguage', text: 'تم حجز مترجم فوري للغة {interpreterLanguage} لهذا الموعد.' },
        'إذا لم تتمكن من الحضور، يرجى إلغاء الموعد في وقت مبكر. للتواصل: {agencyContact}',
      ],
      notice: null,
    },
    document_request: {
      subject: 'يرجى تقديم المستندات حتى تاريخ {deadline}',
      paragraphs: [
        'من أجل {purpose} نحتاج منك المستندات التالية:\n{documents}',
        'يرجى تقديم المستندات حتى تاريخ {deadline}، شخصياً أو بالبريد أو كنسخة. يرجى ذكر رقم الملف {caseReference}.',
        'إذا لم تتمكن من الحصول على مستند ما أو لم تتمكن من ذلك في الوقت المحدد، يرجى التواصل معنا قبل انتهاء المهلة. للتواصل: {agencyContact}',
      ],
      notice: {
        heading: 'تنبيه بواجب التعاون',
        paragraphs: [
          'وفقاً للمادة 60 من الكتاب الأول من قانون الضمان الاجتماعي (SGB I) يجب عليك ذكر جميع الوقائع المهمة للإعانة وتقديم المستندات عند الطلب.',
          'إذا لم تقدم المستندات حتى تاريخ {deadline} دون سبب كافٍ، فيجوز رفض الإعانة أو سحبها كلياً أو جزئياً وفقاً للمادة 66 من SGB I إلى أن تقوم بالتعاون.',
        ],
      },
    },
    sanction_hearing: {
      subject: 'الاستماع قبل تخفيض إعانة المواطن (Bürgergeld) الخاصة بك (المادة 24 من SGB X)',
      paragraphs: [
        'تمت دعوتك إلى موعد بتاريخ {appointmentDate} الساعة {appointmentTime}. وفقاً لسجلاتنا لم تحضر هذا الموعد.',
        'لذلك ندرس ما إذا كان سيتم تخفيض إعانة المواطن الخاصة بك وفقاً للمادة 32 من SGB II بنسبة 10 بالمئة من الاحتياج الأساسي لمدة شهر واحد. قبل أن نقرر، نمنحك الفرصة لإبداء رأيك (المادة 24 من SGB X).',
        'يرجى إبلاغنا حتى تاريخ {replyDeadline} إذا كان لديك سبب مهم، مثل المرض، وتقديم ما يثبت ذلك. يرجى إبلاغنا أيضاً إذا لم تصلك الدعوة.',
        'يمكنك الرد كتابياً أو شخصياً أو هاتفياً. للتواصل: {agencyContact}',
      ],
      notice: {
        heading: 'تنبيه',
        paragraphs: [
          'إذا لم نتلقَّ منك رداً حتى تاريخ {replyDeadline}، فسنقرر بناءً على ما في الملف.',
          'لا يتم التخفيض إذا كان سيشكل لك مشقة استثنائية. يرجى إبلاغنا بمثل هذه الظروف أيضاً.',
        ],
      },
    },
    decision_cover: {
      subject: 'القرار الصادر بتاريخ {decisionDate}: {decisionTitle}',
      paragraphs: [
        'تجد مرفقاً قرارنا الصادر بتاريخ {decisionDate} ({decisionTitle}).',
        { when: 'explanation', text: '{explanation}' },
        'يرجى قراءة القرار بعناية. إذا كانت لديك أسئلة، يرجى التواصل معنا. للتواصل: {agencyContact}',
      ],
      notice: {
        heading: 'تنبيه بشأن الاعتراض (Widerspruch)',
        paragraphs: [
          'يمكنك تقديم اعتراض (Widerspruch) على القرار خلال شهر واحد من تاريخ الإبلاغ به، كتابياً أو بتسجيله لدى {agencyName}، {agencyAddress}.',
          'المعتمد هو بيان طرق الطعن الوارد في القرار ونصه الألماني.',
        ],
      },
    },
  },
};
