/**
 * Klassifikation der Berufe 2010 (KldB 2010, überarbeitete Fassung 2020) of the Bundesagentur
 * für Arbeit — reference data for competence profiles (issue 9).
 *
 * Source: Bundesagentur für Arbeit, Statistik/Arbeitsmarktberichterstattung, „Systematisches
 * Verzeichnis der KldB 2010 – überarbeitete Fassung 2020“ (statistik.arbeitsagentur.de →
 * Grundlagen → Klassifikationen → KldB 2010, Fassung 2020). The codes and the structure were
 * checked against a machine-readable copy of the systematic directory; the German titles of the
 * upper levels follow the directory, the titles of the Berufsgattungen are the title of their
 * Berufsuntergruppe plus the Anforderungsniveau, as in the directory.
 *
 * Shipped: all 10 Berufsbereiche (1 digit), 37 Berufshauptgruppen (2), 144 Berufsgruppen (3) and
 * a selection of about 400 Berufsgattungen (5 digits: Berufsuntergruppe + Anforderungsniveau) —
 * the occupations most common in employment counselling of immigrants and refugees. The fifth
 * digit is the Anforderungsniveau: 1 Helfer, 2 Fachkraft, 3 Spezialist, 4 Experte.
 */

export type KldbLevel = 'berufsbereich' | 'berufshauptgruppe' | 'berufsgruppe' | 'berufsgattung';
export type Anforderungsniveau = 1 | 2 | 3 | 4;

export type KldbEntry = {
  code: string;
  level: KldbLevel;
  title: string;
  /** Code of the entry one level up (null for a Berufsbereich). */
  parent: string | null;
  /** Berufsgattungen only. */
  anforderungsniveau: Anforderungsniveau | null;
  /** Common job names (Berufsbenennungen) that lead to the entry in a search. */
  terms: readonly string[];
};

export const anforderungsniveauLabels: Record<Anforderungsniveau, { de: string; en: string; suffix: string }> = {
  1: { de: 'Helfer', en: 'Unskilled / semi-skilled', suffix: 'Helfer-/Anlerntätigkeiten' },
  2: { de: 'Fachkraft', en: 'Skilled', suffix: 'fachlich ausgerichtete Tätigkeiten' },
  3: { de: 'Spezialist', en: 'Complex', suffix: 'komplexe Spezialistentätigkeiten' },
  4: { de: 'Experte', en: 'Highly complex', suffix: 'hoch komplexe Tätigkeiten' },
};

const berufsbereiche: [string, string][] = [
  ['0', 'Militär'],
  ['1', 'Land-, Forst- und Tierwirtschaft und Gartenbau'],
  ['2', 'Rohstoffgewinnung, Produktion und Fertigung'],
  ['3', 'Bau, Architektur, Vermessung und Gebäudetechnik'],
  ['4', 'Naturwissenschaft, Geografie und Informatik'],
  ['5', 'Verkehr, Logistik, Schutz und Sicherheit'],
  ['6', 'Kaufmännische Dienstleistungen, Warenhandel, Vertrieb, Hotel und Tourismus'],
  ['7', 'Unternehmensorganisation, Buchhaltung, Recht und Verwaltung'],
  ['8', 'Gesundheit, Soziales, Lehre und Erziehung'],
  ['9', 'Sprach-, Literatur-, Geistes-, Gesellschafts- und Wirtschaftswissenschaften, Medien, Kunst, Kultur und Gestaltung'],
];

const berufshauptgruppen: [string, string][] = [
  ['01', 'Angehörige der regulären Streitkräfte'],
  ['11', 'Land-, Tier- und Forstwirtschaftsberufe'],
  ['12', 'Gartenbauberufe und Floristik'],
  ['21', 'Rohstoffgewinnung und -aufbereitung, Glas- und Keramikherstellung und -verarbeitung'],
  ['22', 'Kunststoffherstellung und -verarbeitung, Holzbe- und -verarbeitung'],
  ['23', 'Papier- und Druckberufe, technische Mediengestaltung'],
  ['24', 'Metallerzeugung und -bearbeitung, Metallbauberufe'],
  ['25', 'Maschinen- und Fahrzeugtechnikberufe'],
  ['26', 'Mechatronik-, Energie- und Elektroberufe'],
  ['27', 'Technische Forschungs-, Entwicklungs-, Konstruktions- und Produktionssteuerungsberufe'],
  ['28', 'Textil- und Lederberufe'],
  ['29', 'Lebensmittelherstellung und -verarbeitung'],
  ['31', 'Bauplanungs-, Architektur- und Vermessungsberufe'],
  ['32', 'Hoch- und Tiefbauberufe'],
  ['33', '(Innen-)Ausbauberufe'],
  ['34', 'Gebäude- und versorgungstechnische Berufe'],
  ['41', 'Mathematik-, Biologie-, Chemie- und Physikberufe'],
  ['42', 'Geologie-, Geografie- und Umweltschutzberufe'],
  ['43', 'Informatik-, Informations- und Kommunikationstechnologieberufe'],
  ['51', 'Verkehrs- und Logistikberufe (außer Fahrzeugführung)'],
  ['52', 'Führer/innen von Fahrzeug- und Transportgeräten'],
  ['53', 'Schutz-, Sicherheits- und Überwachungsberufe'],
  ['54', 'Reinigungsberufe'],
  ['61', 'Einkaufs-, Vertriebs- und Handelsberufe'],
  ['62', 'Verkaufsberufe'],
  ['63', 'Tourismus-, Hotel- und Gaststättenberufe'],
  ['71', 'Berufe in Unternehmensführung und -organisation'],
  ['72', 'Finanzdienstleistungs-, Rechnungswesen- und Steuerberatungsberufe'],
  ['73', 'Berufe in Recht und Verwaltung'],
  ['81', 'Medizinische Gesundheitsberufe'],
  ['82', 'Nichtmedizinische Gesundheits-, Körperpflege- und Wellnessberufe, Medizintechnik'],
  ['83', 'Erziehung, soziale und hauswirtschaftliche Berufe, Theologie'],
  ['84', 'Lehrende und ausbildende Berufe'],
  ['91', 'Sprach-, literatur-, geistes-, gesellschafts- und wirtschaftswissenschaftliche Berufe'],
  ['92', 'Werbung, Marketing, kaufmännische und redaktionelle Medienberufe'],
  ['93', 'Produktdesign und kunsthandwerkliche Berufe, bildende Kunst, Musikinstrumentenbau'],
  ['94', 'Darstellende und unterhaltende Berufe'],
];

const berufsgruppen: [string, string][] = [
  ['011', 'Offiziere'],
  ['012', 'Unteroffiziere mit Portepee'],
  ['013', 'Unteroffiziere ohne Portepee'],
  ['014', 'Angehörige der regulären Streitkräfte in sonstigen Rängen'],
  ['111', 'Landwirtschaft'],
  ['112', 'Tierwirtschaft'],
  ['113', 'Pferdewirtschaft'],
  ['114', 'Fischwirtschaft'],
  ['115', 'Tierpflege'],
  ['116', 'Weinbau'],
  ['117', 'Forst- und Jagdwirtschaft, Landschaftspflege'],
  ['121', 'Gartenbau'],
  ['122', 'Floristik'],
  ['211', 'Berg-, Tagebau und Sprengtechnik'],
  ['212', 'Naturstein- und Mineralaufbereitung und -verarbeitung, Baustoffherstellung'],
  ['213', 'Industrielle Glasherstellung und -verarbeitung'],
  ['214', 'Industrielle Keramikherstellung und -verarbeitung'],
  ['221', 'Kunststoff- und Kautschukherstellung und -verarbeitung'],
  ['222', 'Farb- und Lacktechnik'],
  ['223', 'Holzbe- und -verarbeitung'],
  ['231', 'Papier- und Verpackungstechnik'],
  ['232', 'Technische Mediengestaltung'],
  ['233', 'Fototechnik und Fotografie'],
  ['234', 'Drucktechnik und -weiterverarbeitung, Buchbinderei'],
  ['241', 'Metallerzeugung'],
  ['242', 'Metallbearbeitung'],
  ['243', 'Metalloberflächenbehandlung'],
  ['244', 'Metallbau und Schweißtechnik'],
  ['245', 'Feinwerk- und Werkzeugtechnik'],
  ['251', 'Maschinenbau- und Betriebstechnik'],
  ['252', 'Fahrzeug-, Luft-, Raumfahrt- und Schiffbautechnik'],
  ['261', 'Mechatronik und Automatisierungstechnik'],
  ['262', 'Energietechnik'],
  ['263', 'Elektrotechnik'],
  ['271', 'Technische Forschung und Entwicklung'],
  ['272', 'Technisches Zeichnen, Konstruktion und Modellbau'],
  ['273', 'Technische Produktionsplanung und -steuerung'],
  ['281', 'Textiltechnik und -produktion'],
  ['282', 'Textilverarbeitung'],
  ['283', 'Leder-, Pelzherstellung und -verarbeitung'],
  ['291', 'Getränkeherstellung'],
  ['292', 'Lebensmittel- und Genussmittelherstellung'],
  ['293', 'Speisenzubereitung'],
  ['311', 'Bauplanung und -überwachung, Architektur'],
  ['312', 'Vermessung und Kartografie'],
  ['321', 'Hochbau'],
  ['322', 'Tiefbau'],
  ['331', 'Bodenverlegung'],
  ['332', 'Maler- und Lackierer-, Stuckateurarbeiten, Bauwerksabdichtung, Holz- und Bautenschutz'],
  ['333', 'Aus- und Trockenbau, Isolierung, Zimmerei, Glaserei, Rollladen- und Jalousiebau'],
  ['341', 'Gebäudetechnik'],
  ['342', 'Klempnerei, Sanitär-, Heizungs- und Klimatechnik'],
  ['343', 'Ver- und Entsorgung'],
  ['411', 'Mathematik und Statistik'],
  ['412', 'Biologie'],
  ['413', 'Chemie'],
  ['414', 'Physik'],
  ['421', 'Geologie, Geografie und Meteorologie'],
  ['422', 'Umweltschutztechnik'],
  ['423', 'Umweltmanagement und -beratung'],
  ['431', 'Informatik'],
  ['432', 'IT-Systemanalyse, IT-Anwendungsberatung und IT-Vertrieb'],
  ['433', 'IT-Netzwerktechnik, IT-Koordination, IT-Administration und IT-Organisation'],
  ['434', 'Softwareentwicklung und Programmierung'],
  ['511', 'Technischer Betrieb des Eisenbahn-, Luft- und Schiffsverkehrs'],
  ['512', 'Überwachung und Wartung der Verkehrsinfrastruktur'],
  ['513', 'Lagerwirtschaft, Post und Zustellung, Güterumschlag'],
  ['514', 'Servicekräfte im Personenverkehr'],
  ['515', 'Überwachung und Steuerung des Verkehrsbetriebs'],
  ['516', 'Kaufleute – Verkehr und Logistik'],
  ['521', 'Fahrzeugführung im Straßenverkehr'],
  ['522', 'Fahrzeugführung im Eisenbahnverkehr'],
  ['523', 'Fahrzeugführung im Flugverkehr'],
  ['524', 'Fahrzeugführung im Schiffsverkehr'],
  ['525', 'Bau- und Transportgeräteführung'],
  ['531', 'Objekt-, Personen-, Brandschutz, Arbeitssicherheit'],
  ['532', 'Polizeivollzugs- und Kriminaldienst, Gerichts- und Justizvollzug'],
  ['533', 'Arbeits- und Gewerbeschutz, Schädlingsbekämpfung, Desinfektion'],
  ['541', 'Reinigung'],
  ['611', 'Einkauf und Vertrieb'],
  ['612', 'Handel'],
  ['613', 'Immobilienwirtschaft und Facility-Management'],
  ['621', 'Verkauf (ohne Produktspezialisierung)'],
  ['622', 'Verkauf von Bekleidung, Elektronik, Kraftfahrzeugen und Hartwaren'],
  ['623', 'Verkauf von Lebensmitteln'],
  ['624', 'Verkauf von drogerie- und apothekenüblichen Waren, Sanitäts- und Medizinbedarf'],
  ['625', 'Buch-, Kunst-, Antiquitäten- und Musikfachhandel'],
  ['631', 'Tourismus und Sport'],
  ['632', 'Hotellerie'],
  ['633', 'Gastronomie'],
  ['634', 'Veranstaltungsservice und -management'],
  ['711', 'Geschäftsführung und Vorstand'],
  ['712', 'Angehörige gesetzgebender Körperschaften und leitende Bedienstete von Interessenorganisationen'],
  ['713', 'Unternehmensorganisation und -strategie'],
  ['714', 'Büro und Sekretariat'],
  ['715', 'Personalwesen und -dienstleistung'],
  ['721', 'Versicherungs- und Finanzdienstleistungen'],
  ['722', 'Rechnungswesen, Controlling und Revision'],
  ['723', 'Steuerberatung'],
  ['731', 'Rechtsberatung, -sprechung und -ordnung'],
  ['732', 'Verwaltung'],
  ['733', 'Medien-, Dokumentations- und Informationsdienste'],
  ['811', 'Arzt- und Praxishilfe'],
  ['812', 'Medizinisches Laboratorium'],
  ['813', 'Gesundheits- und Krankenpflege, Rettungsdienst und Geburtshilfe'],
  ['814', 'Human- und Zahnmedizin'],
  ['815', 'Tiermedizin und Tierheilkunde'],
  ['816', 'Psychologie und nichtärztliche Psychotherapie'],
  ['817', 'Nichtärztliche Therapie und Heilkunde'],
  ['818', 'Pharmazie'],
  ['821', 'Altenpflege'],
  ['822', 'Ernährungs- und Gesundheitsberatung, Wellness'],
  ['823', 'Körperpflege'],
  ['824', 'Bestattungswesen'],
  ['825', 'Medizin-, Orthopädie- und Rehatechnik'],
  ['831', 'Erziehung, Sozialarbeit, Heilerziehungspflege'],
  ['832', 'Hauswirtschaft und Verbraucherberatung'],
  ['833', 'Theologie und Gemeindearbeit'],
  ['841', 'Lehrtätigkeit an allgemeinbildenden Schulen'],
  ['842', 'Lehrtätigkeit für berufsbildende Fächer, betriebliche Ausbildung und Betriebspädagogik'],
  ['843', 'Lehr- und Forschungstätigkeit an Hochschulen'],
  ['844', 'Lehrtätigkeit an außerschulischen Bildungseinrichtungen'],
  ['845', 'Fahr-, Flug- und Sportlehrer/innen an außerschulischen Bildungseinrichtungen'],
  ['911', 'Sprach- und Literaturwissenschaften'],
  ['912', 'Geisteswissenschaften'],
  ['913', 'Gesellschaftswissenschaften'],
  ['914', 'Wirtschaftswissenschaften'],
  ['921', 'Werbung und Marketing'],
  ['922', 'Öffentlichkeitsarbeit'],
  ['923', 'Verlags- und Medienwirtschaft'],
  ['924', 'Redaktion und Journalismus'],
  ['931', 'Produkt- und Industriedesign'],
  ['932', 'Innenarchitektur, visuelles Marketing, Raumausstattung'],
  ['933', 'Kunsthandwerk und bildende Kunst'],
  ['934', 'Kunsthandwerkliche Keramik- und Glasgestaltung'],
  ['935', 'Kunsthandwerkliche Metallgestaltung'],
  ['936', 'Musikinstrumentenbau'],
  ['941', 'Musik-, Gesang-, Dirigententätigkeiten'],
  ['942', 'Schauspiel, Tanz und Bewegungskunst'],
  ['943', 'Moderation und Unterhaltung'],
  ['944', 'Theater-, Film- und Fernsehproduktion'],
  ['945', 'Veranstaltungs-, Kamera- und Tontechnik'],
  ['946', 'Bühnen- und Kostümbildnerei, Requisite'],
  ['947', 'Museumstechnik und -management'],
];

/**
 * Berufsuntergruppen (4 digits) with the Anforderungsniveaus that exist for them in the
 * directory: `code:levels title | job names`. Each level yields one Berufsgattung.
 */
const berufsuntergruppen = `
1110:1234 Berufe in der Landwirtschaft (ohne Spezialisierung) | Landwirt, Landwirtin, Erntehelfer, Landarbeiter
1121:1234 Berufe in der Nutztierhaltung (außer Geflügelhaltung) | Tierwirt, Tierwirtin, Viehzüchter
1150:12 Berufe in der Tierpflege (ohne Spezialisierung) | Tierpfleger, Tierpflegerin
1171:1234 Berufe in der Forstwirtschaft | Forstwirt, Forstwirtin, Waldarbeiter
1210:1234 Berufe im Gartenbau (ohne Spezialisierung) | Gärtner, Gärtnerin, Gartenhelfer
1214:234 Berufe im Garten-, Landschafts- und Sportplatzbau | Landschaftsgärtner, Garten- und Landschaftsbauer
1220:23 Berufe in der Floristik | Florist, Floristin, Blumenbinder
2120:1 Berufe in der Naturstein- und Mineralaufbereitung, Baustoffherstellung (ohne Spezialisierung) | Steinbrucharbeiter
2123:23 Berufe in der Steinmetztechnik | Steinmetz, Steinmetzin
2131:123 Berufe in der Glasherstellung | Glasmacher, Glasmacherin
2210:1234 Berufe in der Kunststoff- und Kautschukherstellung (ohne Spezialisierung) | Verfahrensmechaniker Kunststoff, Kunststoffarbeiter
2220:1234 Berufe in der Farb- und Lacktechnik (ohne Spezialisierung) | Lackierer, Lackiererin
2221:2 Berufe in der Fahrzeuglackierung | Fahrzeuglackierer, Autolackierer
2230:1234 Berufe in der Holzbe- und -verarbeitung (ohne Spezialisierung) | Holzarbeiter, Holzmechaniker
2234:23 Berufe im Holz-, Möbel- und Innenausbau | Tischler, Tischlerin, Schreiner, Schreinerin, Möbelbauer
2310:1 Technische Berufe in der Papier- und Verpackungstechnik (ohne Spezialisierung) | Verpackungshelfer
2321:23 Berufe in der Digital- und Printmediengestaltung | Mediengestalter, Mediengestalterin
2322:234 Berufe im Grafik-, Kommunikations- und Fotodesign | Grafikdesigner, Grafiker, Kommunikationsdesigner
2341:1234 Berufe in der Drucktechnik | Drucker, Druckerin, Medientechnologe Druck
2410:1 Berufe in der Metallerzeugung (ohne Spezialisierung) | Hüttenarbeiter
2420:123 Berufe in der Metallbearbeitung (ohne Spezialisierung) | Metallarbeiter, Metallbearbeiter
2423:23 Berufe in der spanenden Metallbearbeitung | Zerspanungsmechaniker, Dreher, Fräser
2430:1234 Berufe in der Metalloberflächenbehandlung (ohne Spezialisierung) | Galvaniseur, Oberflächenbeschichter
2441:1234 Berufe im Metallbau | Metallbauer, Metallbauerin, Schlosser, Schlosserin
2442:234 Berufe in der Schweiß- und Verbindungstechnik | Schweißer, Schweißerin
2451:1234 Berufe in der Feinwerktechnik | Feinmechaniker, Feinwerkmechaniker
2452:234 Berufe im Werkzeugbau | Werkzeugmechaniker, Werkzeugmacher
2510:1234 Berufe in der Maschinenbau- und Betriebstechnik (ohne Spezialisierung) | Industriemechaniker, Maschinenbauer, Maschinenbauingenieur
2511:2 Maschinen- und Gerätezusammensetzer/innen | Monteur, Monteurin, Montierer
2512:2 Maschinen- und Anlagenführer/innen | Maschinenführer, Anlagenführer, Maschinenbediener
2513:1234 Technische Servicekräfte in Wartung und Instandhaltung | Servicetechniker, Instandhalter, Wartungstechniker
2520:1 Berufe in der Fahrzeug-, Luft-, Raumfahrt- und Schiffbautechnik (ohne Spezialisierung) | Fahrzeugbauhelfer
2521:234 Berufe in der Kraftfahrzeugtechnik | Kfz-Mechatroniker, Kfz-Mechaniker, Automechaniker, Kraftfahrzeugmechaniker
2522:234 Berufe in der Land- und Baumaschinentechnik | Land- und Baumaschinenmechatroniker, Landmaschinenmechaniker
2525:234 Berufe in der Zweiradtechnik | Zweiradmechatroniker, Fahrradmonteur, Fahrradmechaniker
2610:2 Berufe in der Mechatronik und Automatisierungstechnik (ohne Spezialisierung) | Mechatroniker
2611:234 Berufe in der Mechatronik | Mechatroniker, Mechatronikerin
2612:234 Berufe in der Automatisierungstechnik | Automatisierungstechniker, Elektroniker für Automatisierungstechnik
2621:23 Berufe in der Bauelektrik | Elektriker, Elektrikerin, Elektroinstallateur, Elektroniker Energie- und Gebäudetechnik
2624:234 Berufe in der regenerativen Energietechnik | Solarteur, Solartechniker, Windenergietechniker
2625:23 Berufe in der elektrischen Betriebstechnik | Elektroniker für Betriebstechnik
2630:1234 Berufe in der Elektrotechnik (ohne Spezialisierung) | Elektrotechniker, Elektrohelfer, Elektroingenieur
2631:234 Berufe in der Informations- und Telekommunikationstechnik | Informationselektroniker, Fernmeldetechniker
2721:2 Technische Zeichner/innen | Technischer Zeichner, Technische Zeichnerin, Technischer Produktdesigner
2730:234 Technische Berufe in der Produktionsplanung und -steuerung | Produktionsplaner, Arbeitsvorbereiter
2731:234 Berufe in der technischen Qualitätssicherung | Qualitätsprüfer, Qualitätssicherung
2810:1 Berufe in der Textiltechnik (ohne Spezialisierung) | Textilarbeiter
2822:1234 Berufe in der Bekleidungsherstellung und Hutmacherei | Schneider, Schneiderin, Näher, Näherin, Modeschneider
2833:23 Berufe in der Schuhherstellung | Schuhmacher, Schuhmacherin, Schuster
2920:1234 Berufe in der Lebensmittelherstellung (ohne Spezialisierung) | Produktionshelfer Lebensmittel, Fachkraft für Lebensmitteltechnik
2922:23 Berufe in der Back- und Konditoreiwarenherstellung | Bäcker, Bäckerin, Konditor, Konditorin
2923:23 Berufe in der Fleischverarbeitung | Fleischer, Fleischerin, Metzger, Metzgerin, Schlachter
2930:12 Köche/Köchinnen (ohne Spezialisierung) | Koch, Köchin, Küchenhilfe, Beikoch
2938:2 Köche/Köchinnen (sonstige spezifische Tätigkeitsangabe) | Diätkoch, Pizzabäcker
3110:234 Berufe in der Bauplanung und -überwachung (ohne Spezialisierung) | Bauingenieur, Bauingenieurin, Bautechniker, Bauleiter
3111:4 Berufe in der Architektur | Architekt, Architektin
3121:234 Berufe in der Vermessungstechnik | Vermessungstechniker, Vermessungsingenieur, Geomatiker
3210:1234 Berufe im Hochbau (ohne Spezialisierung) | Bauhelfer, Bauarbeiter, Hochbaufacharbeiter
3211:23 Berufe im Beton- und Stahlbetonbau | Betonbauer, Eisenflechter
3212:23 Berufe im Maurerhandwerk | Maurer, Maurerin
3214:2 Berufe in der Dachdeckerei | Dachdecker, Dachdeckerin
3216:2 Berufe im Gerüstbau | Gerüstbauer, Gerüstbauerin
3220:1234 Berufe im Tiefbau (ohne Spezialisierung) | Tiefbauer, Tiefbaufacharbeiter, Tiefbauhelfer
3221:2 Pflasterer/Pflasterinnen und Steinsetzer/innen | Pflasterer, Steinsetzer
3222:234 Berufe im Straßen- und Asphaltbau | Straßenbauer, Straßenbauerin
3225:23 Berufe im Kanal- und Tunnelbau | Kanalbauer, Tunnelbauer
3310:12 Bodenverleger/innen (ohne Spezialisierung) | Bodenleger, Bodenlegerin
3311:2 Fliesen-, Platten- und Mosaikleger/innen | Fliesenleger, Fliesenlegerin
3321:123 Maler/innen und Lackierer/innen | Maler, Malerin, Anstreicher, Maler und Lackierer
3322:23 Berufe im Stuckateurhandwerk | Stuckateur, Putzer, Verputzer
3330:123 Berufe im Aus- und Trockenbau (ohne Spezialisierung) | Trockenbauer, Trockenbaumonteur, Ausbaufacharbeiter
3331:2 Berufe in der Isoliertechnik | Isolierer, Wärme-, Kälte- und Schallschutzisolierer
3332:23 Zimmerer/Zimmerinnen | Zimmerer, Zimmermann, Zimmerin
3334:2 Glaser/innen | Glaser, Glaserin
3410:234 Berufe in der Gebäudetechnik (ohne Spezialisierung) | Haustechniker, Hausmeister, Gebäudetechniker
3420:123 Berufe in der Klempnerei (ohne Spezialisierung) | Klempner, Klempnerin, Spengler
3421:234 Berufe in der Sanitär-, Heizungs- und Klimatechnik | Anlagenmechaniker SHK, Installateur, Heizungsbauer, Sanitärinstallateur
3430:1234 Berufe in der Ver- und Entsorgung (ohne Spezialisierung) | Ver- und Entsorger
3431:234 Berufe in der Wasserversorgungs- und Abwassertechnik | Fachkraft für Abwassertechnik, Wassertechniker
3433:234 Berufe in der Abfallwirtschaft | Müllwerker, Fachkraft für Kreislauf- und Abfallwirtschaft
4121:234 Biologisch-technische Laborberufe | Biologielaborant, Biologisch-technischer Assistent
4131:1234 Berufe in der Chemie- und Pharmatechnik | Chemikant, Pharmakant, Chemiearbeiter
4132:234 Chemisch-technische Laborberufe | Chemielaborant, Chemisch-technischer Assistent
4310:234 Berufe in der Informatik (ohne Spezialisierung) | Informatiker, Informatikerin, Fachinformatiker
4311:234 Berufe in der Wirtschaftsinformatik | Wirtschaftsinformatiker
4331:234 Berufe in der IT-Netzwerktechnik | Netzwerktechniker, Netzwerkadministrator
4334:3 Berufe in der IT-Systemadministration | Systemadministrator, Systemadministratorin
4341:234 Berufe in der Softwareentwicklung | Softwareentwickler, Softwareentwicklerin, Anwendungsentwickler
4342:3 Berufe in der Programmierung | Programmierer, Programmiererin
5131:12 Berufe in der Lagerwirtschaft | Lagerhelfer, Lagerarbeiter, Fachlagerist, Fachkraft für Lagerlogistik, Kommissionierer
5132:12 Berufe in Post- und Zustelldiensten | Paketzusteller, Briefzusteller, Postbote, Kurierfahrer
5133:2 Berufe im Güter- und Warenumschlag | Hafenarbeiter, Umschlagarbeiter
5141:2 Servicekräfte im Straßen- und Schienenverkehr | Zugbegleiter, Zugbegleiterin
5162:234 Speditions- und Logistikkaufleute | Speditionskaufmann, Kaufmann für Spedition und Logistikdienstleistung
5211:2 Berufskraftfahrer/innen (Personentransport/PKW) | Taxifahrer, Chauffeur, Fahrer
5212:2 Berufskraftfahrer/innen (Güterverkehr/LKW) | LKW-Fahrer, Lastkraftwagenfahrer, Berufskraftfahrer
5213:2 Bus- und Straßenbahnfahrer/innen | Busfahrer, Busfahrerin, Straßenbahnfahrer
5220:2 Triebfahrzeugführer/innen im Eisenbahnverkehr | Lokführer, Lokomotivführer, Eisenbahner im Betriebsdienst
5252:2 Führer/innen von Erdbewegungs- und verwandten Maschinen | Baggerfahrer, Baumaschinenführer
5253:12 Kranführer/innen, Aufzugsmaschinisten und Bedienung verwandter Hebeeinrichtungen | Kranführer, Staplerfahrer, Gabelstaplerfahrer
5311:12 Berufe im Objekt-, Werte- und Personenschutz | Sicherheitsmitarbeiter, Wachmann, Security, Fachkraft für Schutz und Sicherheit
5313:234 Berufe im Brandschutz | Feuerwehrmann, Feuerwehrfrau, Brandmeister
5314:2 Rettungsschwimmer/innen und Bademeister/innen | Bademeister, Rettungsschwimmer, Fachangestellter für Bäderbetriebe
5321:234 Berufe im Polizeivollzugsdienst | Polizist, Polizistin, Polizeibeamter
5410:1 Berufe in der Reinigung (ohne Spezialisierung) | Reinigungskraft, Putzkraft, Raumpfleger, Reinigungshelfer
5411:23 Berufe in der Gebäudereinigung | Gebäudereiniger, Gebäudereinigerin
5412:2 Berufe in der Glas- und Fensterreinigung | Fensterputzer, Glasreiniger
5413:2 Berufe in der Textilreinigung | Textilreiniger, Wäscherei
5415:2 Berufe in der Fahrzeugreinigung | Fahrzeugpfleger, Autowäscher
6111:23 Berufe im Einkauf | Einkäufer, Einkäuferin
6112:234 Berufe im Vertrieb (außer Informations- und Kommunikationstechnologien) | Vertriebsmitarbeiter, Außendienstmitarbeiter, Vertriebsleiter
6121:234 Kaufleute im Groß- und Außenhandel | Groß- und Außenhandelskaufmann, Kaufmann für Groß- und Außenhandelsmanagement
6131:234 Berufe in der Immobilienvermarktung und -verwaltung | Immobilienkaufmann, Makler, Hausverwalter
6210:123 Berufe im Verkauf (ohne Produktspezialisierung) | Verkäufer, Verkäuferin, Einzelhandelskaufmann, Verkaufshilfe
6211:2 Kassierer/innen und Kartenverkäufer/innen | Kassierer, Kassiererin
6221:2 Berufe im Verkauf von Bekleidung, Sportartikeln, Lederwaren und Schuhen | Modeverkäufer, Schuhverkäufer
6224:2 Berufe im Verkauf von elektrotechnischen und elektronischen Geräten sowie Haushaltswaren | Elektronikverkäufer
6230:12 Berufe im Verkauf von Lebensmitteln (ohne Spezialisierung) | Lebensmittelverkäufer, Supermarkt
6231:2 Berufe im Verkauf von Back- und Konditoreiwaren | Bäckereifachverkäufer, Bäckereiverkäuferin
6232:2 Berufe im Verkauf von Fleischwaren | Fleischereifachverkäufer
6241:2 Berufe im Verkauf von drogerie- und apothekenüblichen Waren | Drogist, Drogistin
6311:234 Tourismuskaufleute | Reiseverkehrskaufmann, Tourismuskaufmann
6321:23 Hotelkaufleute | Hotelkaufmann, Hotelkauffrau
6322:12 Berufe im Hotelservice | Hotelfachmann, Zimmermädchen, Roomboy, Housekeeping
6330:123 Berufe in der Gastronomie (ohne Spezialisierung) | Kellner, Kellnerin, Servicekraft, Restaurantfachmann, Gastronomiehilfe
6331:23 Berufe in der Systemgastronomie | Fachmann für Systemgastronomie, Fast-Food
6332:2 Barkeeper/innen | Barkeeper, Barmann
7130:234 Berufe in der kaufmännischen und technischen Betriebswirtschaft (ohne Spezialisierung) | Betriebswirt, Kaufmann, Kauffrau, Industriekaufmann
7140:123 Büro- und Sekretariatskräfte (ohne Spezialisierung) | Bürokaufmann, Kaufmann für Büromanagement, Sekretär, Sekretärin, Bürohilfe
7141:23 Fremdsprachliche Sekretariatskräfte und Fremdsprachenkorrespondenten/-korrespondentinnen | Fremdsprachenkorrespondent
7142:34 Dolmetscher/innen und Übersetzer/innen | Dolmetscher, Dolmetscherin, Übersetzer, Übersetzerin, Sprachmittler
7151:234 Berufe in der Personalentwicklung und -sachbearbeitung | Personalsachbearbeiter, Personalreferent
7152:234 Berufe in der Personaldienstleistung | Personaldienstleistungskaufmann, Personalvermittler
7211:23 Bankkaufleute | Bankkaufmann, Bankkauffrau
7213:234 Versicherungskaufleute | Versicherungskaufmann, Kaufmann für Versicherungen und Finanzen
7221:234 Berufe in der Buchhaltung | Buchhalter, Buchhalterin, Finanzbuchhalter
7223:34 Berufe im Controlling | Controller, Controllerin
7230:234 Berufe in der Steuerberatung | Steuerfachangestellter, Steuerberater
7311:23 Rechtsanwalts- und Notarfachangestellte | Rechtsanwaltsfachangestellter, Notarfachangestellter
7313:4 Rechtsanwälte/Rechtsanwältinnen | Rechtsanwalt, Rechtsanwältin, Jurist
7320:1234 Berufe in der öffentlichen Verwaltung (ohne Spezialisierung) | Verwaltungsfachangestellter, Verwaltungsangestellte, Beamter
7321:234 Berufe in der Sozialverwaltung und -versicherung | Sozialversicherungsfachangestellter, Sachbearbeiter Sozialleistungen
7332:234 Berufe im Bibliothekswesen | Bibliothekar, Bibliothekarin
8110:23 Medizinische Fachangestellte (ohne Spezialisierung) | Medizinischer Fachangestellter, Arzthelfer, Arzthelferin
8111:23 Zahnmedizinische Fachangestellte | Zahnarzthelfer, Zahnmedizinische Fachangestellte
8121:234 Medizinisch-technische Berufe im Laboratorium | Medizinisch-technischer Laboratoriumsassistent, MTLA
8130:12 Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) | Krankenpfleger, Krankenschwester, Pflegefachmann, Pflegefachfrau, Pflegehelfer
8131:3 Berufe in der Fachkrankenpflege | Fachkrankenpfleger, Intensivpfleger
8132:3 Berufe in der Fachkinderkrankenpflege | Kinderkrankenpfleger
8133:23 Operations- und medizintechnische Assistenzberufe | Operationstechnischer Assistent, OTA
8134:123 Berufe im Rettungsdienst | Rettungssanitäter, Rettungshelfer, Notfallsanitäter
8135:23 Berufe in der Geburtshilfe und Entbindungspflege | Hebamme, Entbindungspfleger
8140:4 Ärzte/Ärztinnen (ohne Spezialisierung) | Arzt, Ärztin, Mediziner
8147:4 Zahnärzte/Zahnärztinnen und Kieferorthopäden/-orthopädinnen | Zahnarzt, Zahnärztin
8171:234 Berufe in der Physiotherapie | Physiotherapeut, Physiotherapeutin, Krankengymnast
8173:34 Berufe in der Sprachtherapie | Logopäde, Logopädin, Sprachtherapeut
8180:4 Apotheker/innen | Apotheker, Apothekerin
8182:2 Pharmazeutisch-technische Assistenten/Assistentinnen | PTA, Pharmazeutisch-technischer Assistent
8210:123 Berufe in der Altenpflege (ohne Spezialisierung) | Altenpfleger, Altenpflegerin, Altenpflegehelfer, Pflegehelfer, Pflegefachkraft
8231:12 Berufe im Friseurgewerbe | Friseur, Friseurin, Frisör
8232:2 Berufe in der Kosmetik | Kosmetiker, Kosmetikerin
8252:234 Berufe in der Augenoptik | Augenoptiker, Augenoptikerin, Optiker
8254:2 Berufe in der Zahntechnik | Zahntechniker, Zahntechnikerin
8311:123 Berufe in der Kinderbetreuung und -erziehung | Erzieher, Erzieherin, Kinderpfleger, Tagesmutter, Kita-Helfer
8312:234 Berufe in der Sozialarbeit und Sozialpädagogik | Sozialarbeiter, Sozialarbeiterin, Sozialpädagoge, Sozialpädagogin
8313:1234 Berufe in der Heilerziehungspflege und Sonderpädagogik | Heilerziehungspfleger, Heilpädagoge
8314:123 Berufe in der Haus- und Familienpflege | Familienpfleger, Haushaltshilfe, Alltagsbegleiter
8321:123 Berufe in der Hauswirtschaft | Hauswirtschafter, Hauswirtschafterin, Hauswirtschaftshelfer
8411:4 Lehrkräfte in der Primarstufe | Grundschullehrer, Grundschullehrerin, Lehrer
8412:4 Lehrkräfte in der Sekundarstufe | Lehrer, Lehrerin, Gymnasiallehrer
8430:4 Hochschullehrer/innen und Dozenten/Dozentinnen an Hochschulen | Professor, Professorin, Dozent, Hochschullehrer
8445:4 Lehrkräfte für Sprachen an außerschulischen Bildungseinrichtungen | Sprachlehrer, Deutschlehrer, Lehrkraft Integrationskurs
8451:3 Fahrlehrer/innen | Fahrlehrer, Fahrlehrerin
9211:234 Berufe in Werbung und Marketing | Marketingfachkraft, Werbekaufmann, Marketingmanager
9241:234 Redakteure/Redakteurinnen und Journalisten/Journalistinnen | Journalist, Journalistin, Redakteur, Redakteurin
9321:234 Berufe in der Innenarchitektur | Innenarchitekt, Innenarchitektin
9411:4 Musiker/innen | Musiker, Musikerin
9451:234 Berufe in der Veranstaltungs- und Bühnentechnik | Veranstaltungstechniker, Bühnentechniker
`;

function buildEntries(): KldbEntry[] {
  const out: KldbEntry[] = [];
  for (const [code, title] of berufsbereiche)
    out.push({ code, level: 'berufsbereich', title, parent: null, anforderungsniveau: null, terms: [] });
  for (const [code, title] of berufshauptgruppen)
    out.push({ code, level: 'berufshauptgruppe', title, parent: code.slice(0, 1), anforderungsniveau: null, terms: [] });
  for (const [code, title] of berufsgruppen)
    out.push({ code, level: 'berufsgruppe', title, parent: code.slice(0, 2), anforderungsniveau: null, terms: [] });
  for (const line of berufsuntergruppen.split('\n')) {
    const m = /^(\d{4}):([1-4]+) ([^|]+?)\s*\|\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, group, levels, title, terms] = m as unknown as [string, string, string, string, string];
    for (const digit of levels) {
      const niveau = Number(digit) as Anforderungsniveau;
      out.push({
        code: `${group}${digit}`,
        level: 'berufsgattung',
        title: `${title} – ${anforderungsniveauLabels[niveau].suffix}`,
        parent: group.slice(0, 3),
        anforderungsniveau: niveau,
        terms: terms
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      });
    }
  }
  return out;
}

export const kldbEntries: readonly KldbEntry[] = buildEntries();
const byCode = new Map(kldbEntries.map((e) => [e.code, e]));

export function kldbEntry(code: string): KldbEntry | undefined {
  return byCode.get(code);
}

/** A 5-digit code shipped with the project (the ones a profile may name). */
export function isKnownBerufsgattung(code: string): boolean {
  return byCode.get(code)?.level === 'berufsgattung';
}

/** The entry and its ancestors, from the Berufsbereich down. */
export function kldbPath(code: string): KldbEntry[] {
  const path: KldbEntry[] = [];
  let current = byCode.get(code);
  while (current) {
    path.unshift(current);
    current = current.parent ? byCode.get(current.parent) : undefined;
  }
  return path;
}

/** Lower case, umlauts and ß folded (ä → a, ß → ss), other diacritics removed. */
export function foldForSearch(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

export type KldbMatch = { entry: KldbEntry; score: number };

/**
 * Searches the Berufsgattungen by code prefix ("293") or by words ("Koch", "Kfz Mechatroniker"):
 * every word must occur in the title or a job name. Ranked: exact job name, job name or title
 * starting with the query, word starts, then anywhere; ties by code.
 */
export function searchOccupations(query: string, limit: number): KldbEntry[] {
  const q = foldForSearch(query.trim());
  const gattungen = kldbEntries.filter((e) => e.level === 'berufsgattung');
  if (q === '') return gattungen.slice(0, limit);
  if (/^\d{1,5}$/.test(q)) return gattungen.filter((e) => e.code.startsWith(q)).slice(0, limit);
  const words = q.split(/[\s,/-]+/).filter(Boolean);
  const matches: KldbMatch[] = [];
  for (const entry of gattungen) {
    const title = foldForSearch(entry.title);
    const terms = entry.terms.map(foldForSearch);
    const haystack = [title, ...terms].join(' | ');
    if (!words.every((w) => haystack.includes(w))) continue;
    let score = 0;
    if (terms.includes(q)) score += 100;
    if (terms.some((t) => t.startsWith(q)) || title.startsWith(q)) score += 50;
    for (const w of words) if (new RegExp(`(^|[^a-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(haystack)) score += 10;
    // The Fachkraft level is what most people mean by a job name; Helfer next.
    score += entry.anforderungsniveau === 2 ? 3 : entry.anforderungsniveau === 1 ? 2 : 0;
    matches.push({ entry, score });
  }
  matches.sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code));
  return matches.slice(0, limit).map((m) => m.entry);
}
