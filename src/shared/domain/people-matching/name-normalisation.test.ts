import { describe, expect, it } from 'vitest';
import { normaliseNameText, tokeniseName } from './name-normalisation';

const texts = (input: string, field: 'given' | 'family' = 'given'): string[] =>
  tokeniseName(input, field).map((t) => t.text);

describe('normaliseNameText', () => {
  it.each([
    ['Özdemir', 'ozdemir'],
    ['ÇELİK', 'celik'],
    ['Yıldırım', 'yildirim'],
    ['Şahin', 'sahin'],
    ['Doğan', 'dogan'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
    ['Strauß', 'strauss'],
    ['Ševčenko', 'sevcenko'],
    ['Adébáyọ̀', 'adebayo'],
    ["Sa'id", 'said'],
    ['Sa´id', 'said'],
    ['Ma’mun', 'mamun'],
    ['  Abd   al-Rahman ', 'abd al rahman'],
    ['J. R. Smith', 'j r smith'],
    ['Олександр Шевченко', 'oleksandr shevchenko'],
    ['Ｍｏｈａｍｍｅｄ', 'mohammed'], // full-width letters (NFKC)
    ['Mo\u0308ller', 'moller'], // combining diaeresis
    ['Məmməd', 'mammad'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseNameText(input)).toBe(expected);
  });

  it('expands German umlauts and ß on request', () => {
    expect(normaliseNameText('Özdemir', 'expand')).toBe('oezdemir');
    expect(normaliseNameText('Müller', 'expand')).toBe('mueller');
    expect(normaliseNameText('Bäcker', 'expand')).toBe('baecker');
    expect(normaliseNameText('Strauß', 'expand')).toBe('strauss');
  });

  it('returns an empty string for input without letters', () => {
    expect(normaliseNameText(' - . 123 ')).toBe('');
  });
});

describe('tokeniseName', () => {
  it('joins abd- with the following name, with or without the article', () => {
    expect(texts('Abd al-Rahman')).toEqual(['abdalrahman']);
    expect(texts('Abdel Rahman')).toEqual(['abdelrahman']);
    expect(texts('Abdulrahman')).toEqual(['abdulrahman']);
    expect(texts('Abd ar-Rahman')).toEqual(['abdarrahman']);
    expect(texts('Abdul Karim Ahmadi')).toEqual(['abdulkarim', 'ahmadi']);
  });

  it('joins abu/abou with the following name', () => {
    expect(texts('Abu Bakr')).toEqual(['abubakr']);
    expect(texts('Abou Bakr')).toEqual(['aboubakr']);
  });

  it('drops the Arabic article and nasab connectors', () => {
    expect(texts('Al-Hassan', 'family')).toEqual(['hassan']);
    expect(texts('el Masri', 'family')).toEqual(['masri']);
    expect(texts('Ahmed bin Ali')).toEqual(['ahmed', 'ali']);
    expect(texts('Fatima bint Omar')).toEqual(['fatima', 'omar']);
    expect(texts('Ahmad ibn Yusuf')).toEqual(['ahmad', 'yusuf']);
  });

  it('keeps "Ben" when it is the name itself', () => {
    expect(texts('Ben')).toEqual(['ben']);
    expect(texts('Ben Miller')).toEqual(['ben', 'miller']);
  });

  it('joins compound tails (Nasr Ullah, Salah ad-Din, Gebre Medhin, Haile Mariam)', () => {
    expect(texts('Nasr Ullah')).toEqual(['nasrullah']);
    expect(texts('Nasr Allah')).toEqual(['nasrullah']);
    expect(texts('Salah ad-Din')).toEqual(['salahuddin']);
    expect(texts('Salah al Din')).toEqual(['salahuddin']);
    expect(texts('Gebre Medhin')).toEqual(['gebremedhin']);
    expect(texts('Haile Mariam')).toEqual(['hailemariam']);
    // Mariam after an ordinary name is a name of its own.
    expect(texts('Fatima Mariam')).toEqual(['fatima', 'mariam']);
  });

  it('drops titles, honorifics and placeholders for unknown names', () => {
    expect(texts('Dr. Mohammed')).toEqual(['mohammed']);
    expect(texts('Alhaji Musa')).toEqual(['musa']);
    expect(texts('Hadja Fatoumata')).toEqual(['fatoumata']);
    expect(texts('Herr Ahmadi', 'family')).toEqual(['ahmadi']);
    expect(texts('FNU')).toEqual([]);
    expect(texts('Unbekannt')).toEqual([]);
    expect(texts('Schmidt geb. Müller', 'family')).toEqual(['schmidt', 'muller']);
  });

  it('drops single letters (initials)', () => {
    expect(texts('Mohammad A. Karimi')).toEqual(['mohammad', 'karimi']);
  });

  it('tags tokens with their field', () => {
    expect(tokeniseName('Karimi', 'family')).toEqual([{ text: 'karimi', field: 'family' }]);
  });
});
