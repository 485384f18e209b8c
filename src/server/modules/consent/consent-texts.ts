import type { ConsentLanguage } from '../../../shared/contracts/consent';
import {
  dataCategoryDescriptions,
  dataCategoryLabels,
  type DataCategory,
} from '../../../shared/domain/data-protection/data-categories';

/**
 * The consent texts (issue 5), as data: one entry per version and language, seeded into
 * `consent_texts` by `ensureDataProtectionDefaults`. The German text is the original and the
 * authoritative one; the others translate it. A row once written is never changed: a consent
 * refers to the (version, language) it was given on, so a new wording is a new version here.
 *
 * The body is paragraphs separated by a blank line. Placeholders, filled in when the form is
 * printed: a paragraph that is only `{categories}` or `{recipients}` becomes a list; `{purpose}`,
 * `{givenOn}`, `{expiresOn}` and `{recorder}` (the recording agency) are replaced inside a paragraph.
 * In the Arabic and Persian texts, German norms (`§ 65 SGB VIII`) are wrapped in left-to-right
 * marks (\u200e) so that the bidirectional algorithm keeps the paragraph sign before the number.
 */
export type ConsentTextEntry = { version: number; language: ConsentLanguage; title: string; body: string };

const p = (...paragraphs: string[]) => paragraphs.join('\n\n');

export const consentTextEntries: readonly ConsentTextEntry[] = [
  {
    version: 1,
    language: 'de',
    title: 'Einwilligung in die Weitergabe von Sozialdaten',
    body: p(
      'Ich willige ein, dass die unten genannten Stellen die folgenden Angaben über mich einsehen und für den genannten Zweck verwenden dürfen. Die Angaben werden von {recorder} und weiteren Stellen der Stadtverwaltung in der gemeinsamen Fallakte gespeichert.',
      'Welche Angaben:',
      '{categories}',
      'An welche Stellen:',
      '{recipients}',
      'Zweck: {purpose}',
      'Die Einwilligung gilt vom {givenOn} bis zum {expiresOn}. Danach dürfen die genannten Stellen die Angaben nicht mehr auf Grund dieser Einwilligung einsehen.',
      'Die Einwilligung ist freiwillig. Wenn ich nicht einwillige oder die Einwilligung widerrufe, entstehen mir daraus keine Nachteile. Jede Stelle darf die Angaben, die sie für ihre eigene gesetzliche Aufgabe braucht, weiterhin auf Grund des Gesetzes verarbeiten.',
      'Ich kann die Einwilligung jederzeit ohne Angabe von Gründen widerrufen, mündlich oder schriftlich, bei jeder der beteiligten Stellen. Der Widerruf wirkt sofort; was bis dahin auf Grund der Einwilligung geschehen ist, bleibt rechtmäßig (Art. 7 Abs. 3 DSGVO).',
      'Rechtsgrundlage: Art. 6 Abs. 1 Buchst. a und Art. 9 Abs. 2 Buchst. a DSGVO, § 67b Abs. 2 SGB X; für Angaben der Jugendhilfe § 65 SGB VIII.',
      'Ich habe das Recht zu erfahren, welche Stellen meine Angaben eingesehen haben (Art. 15 DSGVO), und kann mich an die behördliche Datenschutzbeauftragte oder den behördlichen Datenschutzbeauftragten der Stadt wenden.',
      'Dieser Text wurde mir in meiner Sprache vorgelegt. Ich habe eine Ausfertigung erhalten. Bei Abweichungen zwischen den Sprachfassungen ist der deutsche Text maßgeblich.',
    ),
  },
  {
    version: 1,
    language: 'en',
    title: 'Consent to the sharing of social data',
    body: p(
      'I consent to the agencies named below viewing the following information about me and using it for the purpose stated. The information is stored by {recorder} and other offices of the municipal administration in the joint case file.',
      'Which information:',
      '{categories}',
      'To which agencies:',
      '{recipients}',
      'Purpose: {purpose}',
      'This consent is valid from {givenOn} to {expiresOn}. After that, the agencies named may no longer view the information on the basis of this consent.',
      'This consent is voluntary. If I do not consent, or if I withdraw my consent, this will not be held against me. Each agency may continue to process the information it needs for its own statutory task on the basis of the law.',
      'I can withdraw this consent at any time without giving reasons, orally or in writing, at any of the agencies involved. The withdrawal takes effect immediately; anything done on the basis of the consent before then remains lawful (Art. 7(3) GDPR).',
      'Legal basis: Art. 6(1)(a) and Art. 9(2)(a) GDPR, § 67b(2) SGB X (German Social Code, Book X); for youth welfare information § 65 SGB VIII.',
      "I have the right to know which agencies have viewed my information (Art. 15 GDPR) and can contact the municipality's data protection officer.",
      'This text was given to me in my language. I have received a copy. If the language versions differ, the German text is authoritative.',
    ),
  },
  {
    version: 1,
    language: 'ar',
    title: 'موافقة على مشاركة البيانات الاجتماعية',
    body: p(
      'أوافق على أن تطّلع الجهات المذكورة أدناه على المعلومات التالية الخاصة بي وأن تستخدمها للغرض المذكور. تُحفظ هذه المعلومات لدى {recorder} وغيرها من دوائر الإدارة البلدية في ملف الحالة المشترك.',
      'ما هي المعلومات:',
      '{categories}',
      'لأي جهات:',
      '{recipients}',
      'الغرض: {purpose}',
      'تسري هذه الموافقة من {givenOn} حتى {expiresOn}. بعد ذلك لا يجوز للجهات المذكورة الاطلاع على المعلومات استنادًا إلى هذه الموافقة.',
      'هذه الموافقة طوعية. إذا لم أوافق أو سحبت موافقتي فلن يترتب على ذلك أي ضرر لي. ويجوز لكل جهة أن تستمر في معالجة المعلومات التي تحتاجها لأداء مهمتها القانونية الخاصة استنادًا إلى القانون.',
      'يمكنني سحب هذه الموافقة في أي وقت دون ذكر الأسباب، شفهيًا أو كتابيًا، لدى أي من الجهات المعنية. يسري السحب فورًا، وما تم استنادًا إلى الموافقة قبل ذلك يبقى مشروعًا (المادة 7 الفقرة 3 من اللائحة العامة لحماية البيانات).',
      'الأساس القانوني: المادة 6 الفقرة 1 (أ) والمادة 9 الفقرة 2 (أ) من اللائحة العامة لحماية البيانات (DSGVO)، و\u200e§ 67b Abs. 2 SGB X\u200e من قانون الضمان الاجتماعي الألماني؛ وبالنسبة لمعلومات رعاية الشباب \u200e§ 65 SGB VIII\u200e.',
      'يحق لي معرفة الجهات التي اطّلعت على معلوماتي (المادة 15 من اللائحة العامة لحماية البيانات)، ويمكنني التواصل مع مسؤول حماية البيانات في البلدية.',
      'قُدِّم لي هذا النص بلغتي، وقد استلمت نسخة منه. في حال وجود اختلاف بين النسخ اللغوية يكون النص الألماني هو المعتمد.',
    ),
  },
  {
    version: 1,
    language: 'fa',
    title: 'رضایت‌نامه برای به اشتراک‌گذاری داده‌های اجتماعی',
    body: p(
      'من رضایت می‌دهم که نهادهای نام‌برده در زیر، اطلاعات زیر را دربارهٔ من ببینند و برای هدف ذکرشده به کار ببرند. این اطلاعات توسط {recorder} و سایر ادارات شهرداری در پروندهٔ مشترک نگهداری می‌شود.',
      'کدام اطلاعات:',
      '{categories}',
      'به کدام نهادها:',
      '{recipients}',
      'هدف: {purpose}',
      'این رضایت از {givenOn} تا {expiresOn} معتبر است. پس از آن، نهادهای نام‌برده دیگر نمی‌توانند بر اساس این رضایت اطلاعات را ببینند.',
      'این رضایت داوطلبانه است. اگر رضایت ندهم یا رضایتم را پس بگیرم، هیچ زیانی برای من نخواهد داشت. هر نهاد می‌تواند اطلاعاتی را که برای انجام وظیفهٔ قانونی خود نیاز دارد، همچنان بر اساس قانون پردازش کند.',
      'من می‌توانم این رضایت را هر زمان و بدون ذکر دلیل، به‌صورت شفاهی یا کتبی، نزد هر یک از نهادهای مربوط پس بگیرم. پس‌گرفتن رضایت بلافاصله اعتبار دارد؛ آنچه پیش از آن بر اساس این رضایت انجام شده، قانونی باقی می‌ماند (ماده ۷ بند ۳ مقررات عمومی حفاظت از داده‌ها).',
      'مبنای قانونی: ماده ۶ بند ۱ (الف) و ماده ۹ بند ۲ (الف) مقررات عمومی حفاظت از داده‌ها (DSGVO)، \u200e§ 67b Abs. 2 SGB X\u200e از قانون تأمین اجتماعی آلمان؛ برای اطلاعات خدمات جوانان \u200e§ 65 SGB VIII\u200e.',
      'من حق دارم بدانم کدام نهادها اطلاعات مرا دیده‌اند (ماده ۱۵ مقررات عمومی حفاظت از داده‌ها) و می‌توانم به مسئول حفاظت از داده‌های شهرداری مراجعه کنم.',
      'این متن به زبان خودم به من ارائه شد و یک نسخه از آن را دریافت کرده‌ام. در صورت اختلاف میان نسخه‌های زبانی، متن آلمانی معتبر است.',
    ),
  },
  {
    version: 1,
    language: 'uk',
    title: 'Згода на передачу соціальних даних',
    body: p(
      'Я погоджуюся, щоб зазначені нижче установи могли переглядати такі відомості про мене та використовувати їх із зазначеною метою. Ці відомості зберігають {recorder} та інші служби міської адміністрації у спільній справі.',
      'Які відомості:',
      '{categories}',
      'Яким установам:',
      '{recipients}',
      'Мета: {purpose}',
      'Ця згода діє з {givenOn} до {expiresOn}. Після цього зазначені установи більше не можуть переглядати відомості на підставі цієї згоди.',
      'Ця згода є добровільною. Якщо я не надам згоди або відкличу її, це не матиме для мене негативних наслідків. Кожна установа й надалі може обробляти відомості, потрібні для виконання її власних законних завдань, на підставі закону.',
      'Я можу будь-коли відкликати цю згоду без пояснення причин, усно або письмово, у будь-якій із залучених установ. Відкликання діє негайно; усе, що було зроблено на підставі згоди до цього моменту, залишається законним (ст. 7 ч. 3 Загального регламенту про захист даних).',
      'Правова підстава: ст. 6 ч. 1 п. a та ст. 9 ч. 2 п. a Загального регламенту про захист даних (DSGVO), § 67b абз. 2 SGB X (Соціальний кодекс Німеччини); для відомостей служби у справах молоді — § 65 SGB VIII.',
      'Я маю право знати, які установи переглядали мої відомості (ст. 15 Загального регламенту про захист даних), і можу звернутися до уповноваженого з питань захисту даних міста.',
      'Цей текст мені надали моєю мовою, і я отримав(-ла) його примірник. У разі розбіжностей між мовними версіями визначальним є німецький текст.',
    ),
  },
  {
    version: 1,
    language: 'tr',
    title: 'Sosyal verilerin paylaşılmasına ilişkin onay',
    body: p(
      'Aşağıda adı geçen kurumların benimle ilgili aşağıdaki bilgileri görmesine ve belirtilen amaç için kullanmasına onay veriyorum. Bu bilgiler {recorder} ve belediyenin diğer birimleri tarafından ortak dosyada saklanır.',
      'Hangi bilgiler:',
      '{categories}',
      'Hangi kurumlara:',
      '{recipients}',
      'Amaç: {purpose}',
      'Bu onay {givenOn} tarihinden {expiresOn} tarihine kadar geçerlidir. Bu tarihten sonra adı geçen kurumlar bilgileri bu onaya dayanarak artık göremez.',
      'Bu onay gönüllüdür. Onay vermezsem veya onayımı geri alırsam bundan dolayı hiçbir dezavantaj yaşamam. Her kurum, kendi yasal görevi için ihtiyaç duyduğu bilgileri kanuna dayanarak işlemeye devam edebilir.',
      'Bu onayı istediğim zaman, gerekçe göstermeden, sözlü veya yazılı olarak, ilgili kurumlardan herhangi birinde geri alabilirim. Geri alma derhal geçerli olur; o zamana kadar onaya dayanarak yapılanlar hukuka uygun kalır (Genel Veri Koruma Tüzüğü madde 7 fıkra 3).',
      'Hukuki dayanak: Genel Veri Koruma Tüzüğü (DSGVO) madde 6 fıkra 1 bent a ve madde 9 fıkra 2 bent a, § 67b fıkra 2 SGB X (Alman Sosyal Kanunu); gençlik yardımı bilgileri için § 65 SGB VIII.',
      'Hangi kurumların bilgilerimi gördüğünü öğrenme hakkım vardır (Genel Veri Koruma Tüzüğü madde 15) ve belediyenin veri koruma görevlisine başvurabilirim.',
      'Bu metin bana kendi dilimde sunuldu ve bir nüshasını aldım. Dil sürümleri arasında farklılık olması halinde Almanca metin esas alınır.',
    ),
  },
  {
    version: 1,
    language: 'ru',
    title: 'Согласие на передачу социальных данных',
    body: p(
      'Я даю согласие на то, чтобы указанные ниже учреждения могли просматривать следующие сведения обо мне и использовать их в указанных целях. Эти сведения хранят {recorder} и другие службы городской администрации в общем деле.',
      'Какие сведения:',
      '{categories}',
      'Каким учреждениям:',
      '{recipients}',
      'Цель: {purpose}',
      'Согласие действует с {givenOn} по {expiresOn}. После этого указанные учреждения больше не могут просматривать сведения на основании этого согласия.',
      'Согласие является добровольным. Если я не дам согласия или отзову его, это не повлечёт для меня неблагоприятных последствий. Каждое учреждение по-прежнему может обрабатывать сведения, необходимые для выполнения его собственных законных задач, на основании закона.',
      'Я могу в любое время отозвать согласие без объяснения причин, устно или письменно, в любом из участвующих учреждений. Отзыв действует немедленно; всё, что было сделано на основании согласия до этого момента, остаётся законным (ст. 7 п. 3 Общего регламента по защите данных).',
      'Правовое основание: ст. 6 п. 1 подп. a и ст. 9 п. 2 подп. a Общего регламента по защите данных (DSGVO), § 67b абз. 2 SGB X (Социальный кодекс Германии); для сведений службы по делам молодёжи — § 65 SGB VIII.',
      'Я имею право узнать, какие учреждения просматривали мои сведения (ст. 15 Общего регламента по защите данных), и могу обратиться к уполномоченному по защите данных города.',
      'Этот текст был предоставлен мне на моём языке, и я получил(а) его экземпляр. В случае расхождений между языковыми версиями решающим является текст на немецком языке.',
    ),
  },
];

type Words = Record<ConsentLanguage, string>;

/** Names of the languages in German, for the form's part headings and the UI. */
export const consentLanguageNamesDe: Words = {
  de: 'Deutsch',
  en: 'Englisch',
  ar: 'Arabisch',
  fa: 'Persisch (Farsi/Dari)',
  uk: 'Ukrainisch',
  tr: 'Türkisch',
  ru: 'Russisch',
};

/** The labels of the printed form around the text, in each language. */
export const consentFormLabels: Record<
  'name' | 'dateOfBirth' | 'placeDate' | 'signaturePerson' | 'signatureInterpreter' | 'signatureStaff',
  Words
> = {
  name: { de: 'Name', en: 'Name', ar: 'الاسم', fa: 'نام', uk: 'Ім’я', tr: 'Ad Soyad', ru: 'Имя' },
  dateOfBirth: {
    de: 'Geburtsdatum',
    en: 'Date of birth',
    ar: 'تاريخ الميلاد',
    fa: 'تاریخ تولد',
    uk: 'Дата народження',
    tr: 'Doğum tarihi',
    ru: 'Дата рождения',
  },
  placeDate: {
    de: 'Ort, Datum',
    en: 'Place, date',
    ar: 'المكان، التاريخ',
    fa: 'محل، تاریخ',
    uk: 'Місце, дата',
    tr: 'Yer, tarih',
    ru: 'Место, дата',
  },
  signaturePerson: {
    de: 'Unterschrift der einwilligenden Person',
    en: 'Signature of the person giving consent',
    ar: 'توقيع الشخص الموافق',
    fa: 'امضای شخص رضایت‌دهنده',
    uk: 'Підпис особи, яка дає згоду',
    tr: 'Onay veren kişinin imzası',
    ru: 'Подпись лица, дающего согласие',
  },
  signatureInterpreter: {
    de: 'Unterschrift der Dolmetscherin oder des Dolmetschers (falls beteiligt)',
    en: 'Signature of the interpreter (if involved)',
    ar: 'توقيع المترجم الشفهي (إن وُجد)',
    fa: 'امضای مترجم شفاهی (در صورت حضور)',
    uk: 'Підпис перекладача (якщо залучений)',
    tr: 'Tercümanın imzası (varsa)',
    ru: 'Подпись переводчика (если участвовал)',
  },
  signatureStaff: {
    de: 'Unterschrift der Mitarbeiterin oder des Mitarbeiters',
    en: 'Signature of the caseworker',
    ar: 'توقيع الموظف المختص',
    fa: 'امضای کارمند مسئول',
    uk: 'Підпис працівника',
    tr: 'Görevlinin imzası',
    ru: 'Подпись сотрудника',
  },
};

type CategoryWords = { label: string; description: string };

/**
 * The data categories in the languages of the consent texts; German and English come from the
 * category definitions themselves (shared/domain/data-protection/data-categories.ts).
 */
const categoryTranslations: Record<Exclude<ConsentLanguage, 'de' | 'en'>, Record<DataCategory, CategoryWords>> = {
  ar: {
    identity: {
      label: 'الهوية',
      description: 'الاسم وصيغ كتابته، الجنس، تاريخ ومكان الميلاد، الجنسية، أرقام التعريف، اللغات، الحاجة إلى مترجم',
    },
    contact: { label: 'الاتصال والعنوان', description: 'الهاتف، البريد الإلكتروني، تطبيقات المراسلة، العناوين' },
    residence_status: {
      label: 'وضع الإقامة',
      description: 'وثائق الإقامة، تقييم النظام القانوني، وضع الإقامة في التقييم',
    },
    benefits: { label: 'الإعانات', description: 'الإعانات المستلمة، الوضع المالي والديون' },
    employment_profile: {
      label: 'العمل والتعليم واللغة',
      description: 'مستوى اللغة الألمانية، التعليم، المؤهلات، العمل، خطط التعاون والاندماج',
    },
    health: { label: 'الصحة', description: 'المعلومات الصحية، الوثائق الطبية' },
    youth_welfare: {
      label: 'رعاية الشباب (\u200e§ 65 SGB VIII\u200e)',
      description: 'خطط المساعدة ووثائق رعاية الشباب',
    },
    family: { label: 'الأسرة والمعيشة المشتركة', description: 'الأسر المعيشية، العائلة، رعاية الأطفال' },
    case_notes: { label: 'ملاحظات الملف', description: 'ملاحظات حول المحادثات والزيارات المنزلية والاستشارات' },
    housing: { label: 'السكن', description: 'الوضع السكني' },
  },
  fa: {
    identity: {
      label: 'هویت',
      description:
        'نام و شکل‌های نوشتاری آن، جنسیت، تاریخ و محل تولد، تابعیت، شماره‌های شناسایی، زبان‌ها، نیاز به مترجم',
    },
    contact: { label: 'تماس و نشانی', description: 'تلفن، ایمیل، پیام‌رسان‌ها، نشانی‌ها' },
    residence_status: {
      label: 'وضعیت اقامت',
      description: 'مدارک اقامت، ارزیابی حوزهٔ حقوقی، وضعیت اقامت در ارزیابی',
    },
    benefits: { label: 'کمک‌های اجتماعی', description: 'کمک‌های دریافتی، وضعیت مالی و بدهی‌ها' },
    employment_profile: {
      label: 'کار، آموزش و زبان',
      description: 'سطح زبان آلمانی، تحصیلات، مدارک تحصیلی و حرفه‌ای، کار، برنامه‌های همکاری و ادغام',
    },
    health: { label: 'سلامت', description: 'اطلاعات سلامت، مدارک پزشکی' },
    youth_welfare: {
      label: 'خدمات جوانان و نوجوانان (\u200e§ 65 SGB VIII\u200e)',
      description: 'برنامه‌های کمک و مدارک خدمات جوانان',
    },
    family: { label: 'خانواده و خانوار', description: 'خانوارها، خانواده، نگهداری از کودکان' },
    case_notes: { label: 'یادداشت‌های پرونده', description: 'یادداشت‌های گفتگوها، بازدیدهای خانگی و مشاوره' },
    housing: { label: 'مسکن', description: 'وضعیت مسکن' },
  },
  uk: {
    identity: {
      label: 'Особа',
      description:
        'ім’я та варіанти його написання, стать, дата і місце народження, громадянство, ідентифікаційні номери, мови, потреба в перекладачеві',
    },
    contact: { label: 'Контакти та адреса', description: 'телефон, електронна пошта, месенджери, адреси' },
    residence_status: {
      label: 'Статус перебування',
      description: 'документи на перебування, оцінка правової сфери, статус перебування в оцінці',
    },
    benefits: { label: 'Соціальні виплати', description: 'отримувані виплати, фінанси та борги' },
    employment_profile: {
      label: 'Робота, освіта та мова',
      description: 'знання німецької мови, освіта, кваліфікації, робота, плани співпраці та інтеграції',
    },
    health: { label: 'Здоров’я', description: 'відомості про здоров’я, медичні документи' },
    youth_welfare: {
      label: 'Допомога молоді (§ 65 SGB VIII)',
      description: 'плани допомоги та документи служби у справах молоді',
    },
    family: { label: 'Сім’я та домогосподарство', description: 'домогосподарства, сім’я, догляд за дітьми' },
    case_notes: { label: 'Записи у справі', description: 'нотатки про розмови, візити додому та консультації' },
    housing: { label: 'Житло', description: 'житлова ситуація' },
  },
  tr: {
    identity: {
      label: 'Kimlik',
      description:
        'ad ve adın yazılış biçimleri, cinsiyet, doğum tarihi ve yeri, vatandaşlık, kimlik numaraları, diller, tercüman ihtiyacı',
    },
    contact: { label: 'İletişim ve adres', description: 'telefon, e-posta, mesajlaşma uygulamaları, adresler' },
    residence_status: {
      label: 'Oturum durumu',
      description: 'oturum belgeleri, hukuki alan değerlendirmesi, değerlendirmedeki oturum durumu',
    },
    benefits: { label: 'Sosyal yardımlar', description: 'alınan yardımlar, mali durum ve borçlar' },
    employment_profile: {
      label: 'Çalışma, eğitim ve dil',
      description: 'Almanca bilgisi, eğitim, nitelikler, iş, işbirliği ve uyum planları',
    },
    health: { label: 'Sağlık', description: 'sağlık bilgileri, tıbbi belgeler' },
    youth_welfare: {
      label: 'Gençlik yardımı (§ 65 SGB VIII)',
      description: 'yardım planları ve gençlik yardımı belgeleri',
    },
    family: { label: 'Aile ve hane', description: 'haneler, aile ve çocuk bakımı' },
    case_notes: { label: 'Dosya notları', description: 'görüşmeler, ev ziyaretleri ve danışmanlık hakkında notlar' },
    housing: { label: 'Konut', description: 'konut durumu' },
  },
  ru: {
    identity: {
      label: 'Личность',
      description:
        'имя и варианты его написания, пол, дата и место рождения, гражданство, идентификационные номера, языки, потребность в переводчике',
    },
    contact: { label: 'Контакты и адрес', description: 'телефон, электронная почта, мессенджеры, адреса' },
    residence_status: {
      label: 'Статус пребывания',
      description: 'документы на пребывание, оценка правовой сферы, статус пребывания в оценке',
    },
    benefits: { label: 'Социальные выплаты', description: 'получаемые выплаты, финансы и долги' },
    employment_profile: {
      label: 'Работа, образование и язык',
      description: 'знание немецкого языка, образование, квалификация, работа, планы сотрудничества и интеграции',
    },
    health: { label: 'Здоровье', description: 'сведения о здоровье, медицинские документы' },
    youth_welfare: {
      label: 'Помощь молодёжи (§ 65 SGB VIII)',
      description: 'планы помощи и документы службы по делам молодёжи',
    },
    family: { label: 'Семья и домохозяйство', description: 'домохозяйства, семья, присмотр за детьми' },
    case_notes: { label: 'Записи по делу', description: 'заметки о беседах, посещениях на дому и консультациях' },
    housing: { label: 'Жильё', description: 'жилищная ситуация' },
  },
};

/** A data category's label and description in a consent language. */
export function categoryWords(category: DataCategory, language: ConsentLanguage): CategoryWords {
  if (language === 'de' || language === 'en') {
    return { label: dataCategoryLabels[category][language], description: dataCategoryDescriptions[category][language] };
  }
  return categoryTranslations[language][category];
}
