import type { LetterLanguageTexts } from './letter-templates';

/** Turkish translation (to be reviewed by a certified translator before production use). */
export const letterTextsTr: LetterLanguageTexts = {
  languageName: 'Türkçe',
  partHeading: 'Çeviri (Türkçe) · Übersetzung (Türkisch)',
  translationNote: 'Bu çeviri bilginiz içindir. Yalnızca bu mektuba ekli Almanca asıl metin hukuken bağlayıcıdır.',
  salutation: 'Sayın {personName},',
  closing: 'Saygılarımızla\n{agencyName}',
  dateLabel: 'Tarih',
  caseLabel: 'Dosya numarası',
  contactLabel: 'İletişim',
  templates: {
    invitation: {
      subject: '{appointmentDate} tarihinde saat {appointmentTime} randevusuna davet',
      paragraphs: [
        'Lütfen {appointmentDate} tarihinde saat {appointmentTime} kişisel bir görüşmeye gelin. Yer: {appointmentPlace}.',
        'Randevunun konusu: {topic}.',
        { when: 'bringAlong', text: 'Lütfen yanınızda getirin:\n{bringAlong}' },
        { when: 'interpreterLanguage', text: 'Randevu için {interpreterLanguage} dilinde bir tercüman ayarlanmıştır.' },
        'Randevuya gelemeyecekseniz lütfen önceden bize bildirin ve nedenini, örneğin bir hastalığı (lütfen iş göremezlik raporu ile) belirtin. İletişim: {agencyContact}',
      ],
      notice: {
        heading: 'Hukuki sonuçlar hakkında bilgilendirme',
        paragraphs: [
          'Bu davet, Sosyal Yasa Kitabı II (SGB II) madde 59 ile bağlantılı olarak Sosyal Yasa Kitabı III (SGB III) madde 309 uyarınca bir başvuru çağrısıdır.',
          'Önemli bir neden olmadan randevuya gelmezseniz, Bürgergeld yardımınız SGB II madde 32 uyarınca bir ay süreyle temel ihtiyacın yüzde 10’u oranında azaltılır.',
          'Herhangi bir azaltmadan önce dinlenirsiniz (SGB X madde 24). Lütfen önemli bir nedeni bize bildirin ve belgeleyin.',
        ],
      },
    },
    appointment: {
      subject: '{appointmentDate} tarihinde saat {appointmentTime} randevunuz',
      paragraphs: [
        '{appointmentDate} tarihinde saat {appointmentTime} randevunuzu onaylıyoruz. Yer: {appointmentPlace}.',
        'Konu: {topic}.',
        { when: 'bringAlong', text: 'Lütfen yanınızda getirin:\n{bringAlong}' },
        { when: 'interpreterLanguage', text: 'Randevu için {interpreterLanguage} dilinde bir tercüman ayarlanmıştır.' },
        'Randevuya gelemeyecekseniz lütfen zamanında iptal edin. İletişim: {agencyContact}',
      ],
      notice: null,
    },
    document_request: {
      subject: 'Lütfen belgeleri {deadline} tarihine kadar teslim edin',
      paragraphs: [
        '{purpose} için sizden aşağıdaki belgelere ihtiyacımız var:\n{documents}',
        'Lütfen belgeleri {deadline} tarihine kadar şahsen, posta ile veya kopya olarak teslim edin. Lütfen {caseReference} dosya numarasını belirtin.',
        'Bir belgeyi temin edemiyorsanız veya zamanında temin edemiyorsanız, lütfen süre dolmadan bizimle iletişime geçin. İletişim: {agencyContact}',
      ],
      notice: {
        heading: 'İşbirliği yükümlülüğünüz hakkında bilgilendirme',
        paragraphs: [
          'Sosyal Yasa Kitabı I (SGB I) madde 60 uyarınca yardım için önemli olan tüm olguları bildirmeniz ve talep üzerine kanıt belgelerini sunmanız gerekir.',
          'Yeterli bir neden olmadan belgeleri {deadline} tarihine kadar sunmazsanız, işbirliğini yerine getirene kadar yardım SGB I madde 66 uyarınca tamamen veya kısmen reddedilebilir ya da kesilebilir.',
        ],
      },
    },
    sanction_hearing: {
      subject: 'Bürgergeld yardımınızın azaltılmasından önce dinlenme (SGB X madde 24)',
      paragraphs: [
        '{appointmentDate} tarihinde saat {appointmentTime} bir randevuya davet edilmiştiniz. Kayıtlarımıza göre bu randevuya gelmediniz.',
        'Bu nedenle Bürgergeld yardımınızın SGB II madde 32 uyarınca bir ay süreyle temel ihtiyacın yüzde 10’u oranında azaltılıp azaltılmayacağını inceliyoruz. Karar vermeden önce size görüşünüzü bildirme fırsatı veriyoruz (SGB X madde 24).',
        'Lütfen {replyDeadline} tarihine kadar önemli bir nedeniniz olup olmadığını, örneğin bir hastalık, bize bildirin ve belgeleyin. Daveti almadıysanız bunu da bize bildirin.',
        'Yazılı olarak, şahsen veya telefonla görüş bildirebilirsiniz. İletişim: {agencyContact}',
      ],
      notice: {
        heading: 'Not',
        paragraphs: [
          '{replyDeadline} tarihine kadar sizden haber alamazsak, dosyadaki bilgilere göre karar veririz.',
          'Azaltma sizin için olağanüstü bir zorluk anlamına gelecekse uygulanmaz. Lütfen bu tür durumları da bize bildirin.',
        ],
      },
    },
    decision_cover: {
      subject: '{decisionDate} tarihli kararınız: {decisionTitle}',
      paragraphs: [
        'Ekte {decisionDate} tarihli kararımızı ({decisionTitle}) bulabilirsiniz.',
        { when: 'explanation', text: '{explanation}' },
        'Lütfen kararı dikkatlice okuyun. Sorularınız varsa bizimle iletişime geçin. İletişim: {agencyContact}',
      ],
      notice: {
        heading: 'İtiraz (Widerspruch) hakkında bilgilendirme',
        paragraphs: [
          'Karara, tebliğinden itibaren bir ay içinde yazılı olarak veya {agencyName}, {agencyAddress} adresinde tutanağa geçirterek itiraz (Widerspruch) edebilirsiniz.',
          'Karardaki kanun yolu bilgilendirmesi ve kararın Almanca metni esastır.',
        ],
      },
    },
  },
};
