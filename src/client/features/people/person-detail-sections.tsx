import type { TFunction } from 'i18next';
import { isWithheld, WithheldNotice } from '../../components/data-protection/withheld';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/contracts/people';
import { DescriptionList } from '../../components/ui/description-list';
import { EmptyState } from '../../components/ui/empty-state';
import { formatDateTime } from '../../lib/format';
import { languageLabel } from './language-names';
import { PersonAddressDelivery } from './person-address-delivery';
import { countryList, countryName, formatDateOfBirth, formatIsoDate } from './people-format';
import { GERMAN_SKILLS } from './person-form-schema';
import { EditLink, SectionCard } from '../../components/ui/section-card';

type SectionProps = {
  person: Person;
  /** Builds the id of a fieldset in the edit form; absent when the user may not edit. */
  editTarget?: ((path: string) => string) | undefined;
};

function Badge({ tone, children }: { tone: 'info' | 'success' | 'warning' | 'danger'; children: ReactNode }) {
  return (
    <span className={`kern-badge kern-badge--${tone}`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

function editLink(editTarget: SectionProps['editTarget'], path: string, section: string) {
  return editTarget ? <EditLink target={editTarget(path)} section={section} /> : null;
}

/** "01.02.2026 – 31.12.2026", "seit 01.02.2026", "bis 31.12.2026", or nothing. */
function period(from: string | null, until: string | null, t: TFunction): string {
  if (from && until) return `${formatIsoDate(from)} – ${formatIsoDate(until)}`;
  if (from) return t('people.since', { date: formatIsoDate(from) });
  if (until) return t('people.until', { date: formatIsoDate(until) });
  return '';
}

/** Stammdaten: names and their spellings, birth data and identifiers, with who registered the person. */
export function PersonCoreData({ person, editTarget }: SectionProps) {
  const { t } = useTranslation();
  const notSet = t('common.notSet');
  return (
    <section className="lotse-section" aria-labelledby="person-data-title">
      <h2 className="kern-heading-medium" id="person-data-title">
        {t('people.baseDataTitle')}
      </h2>
      <DescriptionList
        items={[
          { key: 'sex', term: t('people.sex'), value: t(`people.sexes.${person.sex}`) },
          { key: 'nationalities', term: t('people.nationalities'), value: countryList(person.nationalities, t) },
          { key: 'registeredBy', term: t('people.registeredBy'), value: person.registeredBy.name },
          { key: 'createdAt', term: t('people.createdAt'), value: formatDateTime(person.createdAt) },
          { key: 'updatedAt', term: t('people.updatedAt'), value: formatDateTime(person.updatedAt) },
        ]}
      />
      <div className="lotse-grid">
        <SectionCard
          id="person-names"
          headingLevel={3}
          title={t('people.namesTitle')}
          actions={editLink(editTarget, 'name', t('people.namesTitle'))}
        >
          <DescriptionList
            columns
            items={[
              { key: 'givenNames', term: t('people.givenNames'), value: person.givenNames },
              { key: 'familyName', term: t('people.familyName'), value: person.familyName },
              { key: 'nameOrder', term: t('people.nameOrder'), value: t(`people.nameOrders.${person.nameOrder}`) },
              {
                key: 'variants',
                term: t('people.nameVariants'),
                value: person.nameVariants.length ? (
                  <ul className="kern-list">
                    {person.nameVariants.map((variant, index) => (
                      <li key={index}>
                        <Badge tone="info">{t(`people.variantKinds.${variant.kind}`)}</Badge>{' '}
                        <span>{[variant.givenNames, variant.familyName].filter(Boolean).join(' ')}</span>
                        {variant.script ? ` (${variant.script})` : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('people.noNameVariants')
                ),
              },
            ]}
          />
        </SectionCard>
        <SectionCard
          id="person-birth"
          headingLevel={3}
          title={t('people.birthTitle')}
          actions={editLink(editTarget, 'birth', t('people.birthTitle'))}
        >
          <DescriptionList
            columns
            items={[
              { key: 'dob', term: t('people.dateOfBirth'), value: formatDateOfBirth(person.dateOfBirth, t) },
              { key: 'placeOfBirth', term: t('people.placeOfBirth'), value: person.placeOfBirth ?? notSet },
              {
                key: 'countryOfBirth',
                term: t('people.countryOfBirth'),
                value: person.countryOfBirth ? countryName(person.countryOfBirth) : notSet,
              },
            ]}
          />
        </SectionCard>
        <SectionCard
          id="person-identifiers"
          headingLevel={3}
          title={t('people.identifiers')}
          actions={editLink(editTarget, 'identifiers', t('people.identifiers'))}
        >
          {person.identifiers.length ? (
            <DescriptionList
              columns
              items={person.identifiers.map((identifier, index) => ({
                key: `${identifier.kind}-${index}`,
                term: t(`people.identifierKinds.${identifier.kind}`),
                value: identifier.value,
              }))}
            />
          ) : (
            <p className="kern-body">{t('people.noIdentifiers')}</p>
          )}
        </SectionCard>
      </div>
    </section>
  );
}

/** Languages, German per CEFR skill, and the interpreter badge. */
export function PersonLanguagesSection({ person, editTarget }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="person-languages"
      title={t('people.languages')}
      actions={editLink(editTarget, 'languages', t('people.languages'))}
    >
      <p className="kern-body">
        {person.interpreter.needed ? (
          <Badge tone="warning">
            {person.interpreter.language
              ? t('people.interpreterNeededFor', { language: languageLabel(person.interpreter.language) })
              : t('people.interpreterNeeded')}
          </Badge>
        ) : (
          t('people.interpreterNotNeeded')
        )}
      </p>
      {person.languages.length ? (
        <ul className="kern-list">
          {person.languages.map((language) => (
            <li key={language.language}>
              {languageLabel(language.language)}
              {language.motherTongue ? (
                <>
                  {' '}
                  <Badge tone="info">{t('people.motherTongue')}</Badge>
                </>
              ) : null}
              {language.level ? ` – ${language.level}` : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('people.noLanguages')} />
      )}
      {isWithheld(person, 'employment_profile') ? (
        <WithheldNotice category="employment_profile" />
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="kern-title">{t('people.germanLevels')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('people.germanSkill')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('people.germanLevel')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {GERMAN_SKILLS.map((skill) => (
                <tr className="kern-table__row" key={skill}>
                  <th scope="row" className="kern-table__cell">
                    {t(`people.germanSkills.${skill}`)}
                  </th>
                  <td className="kern-table__cell">{person.germanLevels[skill] ?? t('people.notAssessed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}

function contactHref(contact: Person['contacts'][number]): string | null {
  if (!contact.consentToUse) return null;
  if (contact.kind === 'phone') return `tel:${contact.value.replace(/[^\d+]/g, '')}`;
  if (contact.kind === 'email') return `mailto:${contact.value}`;
  return null;
}

/** Contact channels; one without consent is shown but marked "nicht nutzen" and not linked. */
export function PersonContactsSection({ person, editTarget }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="person-contacts"
      title={t('people.contacts')}
      actions={isWithheld(person, 'contact') ? null : editLink(editTarget, 'contacts', t('people.contacts'))}
    >
      {isWithheld(person, 'contact') ? <WithheldNotice category="contact" /> : <ContactsContent person={person} />}
    </SectionCard>
  );
}

function ContactsContent({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <>
      {person.contacts.length ? (
        <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
          {person.contacts.map((contact, index) => {
            const href = contactHref(contact);
            const kind =
              contact.kind === 'messenger' && contact.service
                ? `${t('people.contactKinds.messenger')} (${t(`people.messengerServices.${contact.service}`)})`
                : t(`people.contactKinds.${contact.kind}`);
            return (
              <li key={index}>
                <p className="kern-body">
                  <strong>{kind}:</strong>{' '}
                  {href ? (
                    <a className="kern-link lotse-break" href={href}>
                      {contact.value}
                    </a>
                  ) : (
                    <span className="lotse-break">{contact.value}</span>
                  )}
                </p>
                <p className="kern-body">
                  {contact.consentToUse ? (
                    <Badge tone="success">
                      {contact.consentRecordedOn
                        ? t('people.consentOn', { date: formatIsoDate(contact.consentRecordedOn) })
                        : t('people.consentGiven')}
                    </Badge>
                  ) : (
                    <Badge tone="danger">{t('people.noConsent')}</Badge>
                  )}
                </p>
                {contact.note ? <p className="kern-body kern-body--small">{contact.note}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState title={t('people.noContacts')} />
      )}
    </>
  );
}

function AddressList({ addresses }: { addresses: Person['addresses'] }) {
  const { t } = useTranslation();
  return (
    <ul className="lotse-stack" style={{ listStyle: 'none', padding: 0 }}>
      {addresses.map((address) => {
        const validity = period(address.validFrom, address.validUntil, t);
        return (
          <li key={`${address.addressId}-${address.kind}-${address.validFrom ?? ''}`}>
            <p className="kern-body">
              <Badge tone="info">{t(`people.addressKinds.${address.kind}`)}</Badge>
            </p>
            <p className="kern-body">
              {address.street} {address.houseNumber}
              {address.addressSuffix ? (
                <>
                  <br />
                  {address.addressSuffix}
                </>
              ) : null}
              <br />
              {address.postalCode} {address.city}
            </p>
            {validity ? <p className="kern-body kern-body--small">{validity}</p> : null}
            {address.current ? <PersonAddressDelivery address={address} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Current addresses first; past ones folded away under "Frühere Anschriften". */
export function PersonAddressesSection({ person, editTarget }: SectionProps) {
  const { t } = useTranslation();
  const current = person.addresses.filter((address) => address.current);
  const past = person.addresses.filter((address) => !address.current);
  return (
    <SectionCard
      id="person-addresses"
      title={t('people.addresses')}
      actions={isWithheld(person, 'contact') ? null : editLink(editTarget, 'addresses', t('people.addresses'))}
    >
      {isWithheld(person, 'contact') ? (
        <WithheldNotice category="contact" />
      ) : current.length ? (
        <AddressList addresses={current} />
      ) : (
        <EmptyState title={t('people.noCurrentAddress')} />
      )}
      {past.length ? (
        <details className="lotse-details">
          <summary>{t('people.pastAddresses', { count: past.length })}</summary>
          <AddressList addresses={past} />
        </details>
      ) : null}
    </SectionCard>
  );
}
