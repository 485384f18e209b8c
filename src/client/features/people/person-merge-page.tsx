import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MergeField } from '../../../shared/contracts/person-merge';
import type { Person } from '../../../shared/contracts/people';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { TextAreaField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { isApiError } from '../../lib/errors';
import { paths } from '../../lib/paths';
import {
  chosenSide,
  compareRecords,
  isMergeField,
  mergePreview,
  otherSide,
  recordLabel,
  rowLines,
  takeFields,
  type Choices,
  type ComparisonRow,
  type RowKey,
  type Side,
} from './merge-comparison';
import { personDetailQuery } from './people-api';
import { personName } from './people-format';
import type { PersonPageState } from './person-duplicates-panel';
import { invalidatePeople, mergeErrorMessage, personMergeApi } from './person-merge-api';

const REASON_MAX = 500;

function Lines({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <span className="kern-body--muted">{t('common.notSet')}</span>;
  if (lines.length === 1) return <span>{lines[0]}</span>;
  return (
    <ul className="kern-list" style={{ margin: 0 }}>
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function SideBadge({ survivor }: { survivor: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge ${survivor ? 'kern-badge--success' : 'kern-badge--info'}`}>
      <span className="kern-label">{survivor ? t('personMerge.survives') : t('personMerge.mergedAway')}</span>
    </span>
  );
}

type CellProps = {
  row: ComparisonRow;
  side: Side;
  person: Person;
  choice: Side | null;
  onChoose: (field: MergeField, side: Side) => void;
};

/** One record's value of a row; for a differing field of the merge a radio picks it for the result. */
function ValueCell({ row, side, person, choice, onChoose }: CellProps) {
  const { t } = useTranslation();
  const lines = rowLines(person, row.key, t);
  if (choice !== null && isMergeField(row.key)) {
    const field = row.key;
    const id = `merge-choice-${field}-${side}`;
    const value = lines.length ? lines.join('; ') : t('common.notSet');
    return (
      <td className="kern-table__cell">
        <div className="kern-form-check">
          <input
            id={id}
            type="radio"
            className="kern-form-check__radio"
            name={`merge-choice-${field}`}
            checked={choice === side}
            onChange={() => onChoose(field, side)}
            aria-label={`${t('personMerge.choiceLabel', { field: t(`personMerge.rows.${field}`), record: t(`personMerge.record.${side}`) })} ${value}`}
          />
          <label className="kern-label" htmlFor={id}>
            {value}
          </label>
        </div>
      </td>
    );
  }
  return (
    <td className="kern-table__cell">
      <Lines lines={lines} />
    </td>
  );
}

type ComparisonTableProps = {
  a: Person;
  b: Person;
  rows: ComparisonRow[];
  survivor: Side;
  choices: Choices;
  onChoose: (field: MergeField, side: Side) => void;
};

function ComparisonTable({ a, b, rows, survivor, choices, onChoose }: ComparisonTableProps) {
  const { t } = useTranslation();
  const people = { a, b };
  return (
    <div className="kern-table-responsive">
      <table className="kern-table lotse-table-full">
        <caption className="kern-sr-only">{t('personMerge.tableCaption')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('personMerge.field')}
            </th>
            {(['a', 'b'] as const).map((side) => (
              <th scope="col" className="kern-table__header" key={side}>
                <span style={{ display: 'block' }}>{t(`personMerge.record.${side}`)}</span>
                <span className="kern-body" style={{ display: 'block' }}>
                  {recordLabel(people[side], t)}
                </span>
                <SideBadge survivor={survivor === side} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => {
            const choice =
              row.kind === 'choice' && row.differs && isMergeField(row.key)
                ? chosenSide(choices, row.key, survivor)
                : null;
            return (
              <tr
                className="kern-table__row"
                key={row.key}
                data-differs={row.differs || undefined}
                style={
                  row.differs
                    ? {
                        background: 'var(--kern-color-feedback-warning-background, #fff4e5)',
                        boxShadow: 'inset 4px 0 0 var(--kern-color-feedback-warning, #b45309)',
                      }
                    : undefined
                }
              >
                <th scope="row" className="kern-table__header">
                  <span style={{ display: 'block' }}>{t(`personMerge.rows.${row.key}`)}</span>
                  {row.differs ? (
                    <span className="kern-badge kern-badge--warning">
                      <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" />
                      <span className="kern-label">{t('personMerge.differs')}</span>
                    </span>
                  ) : null}
                  <span className="kern-body kern-body--small" style={{ display: 'block', fontWeight: 'normal' }}>
                    {t(`personMerge.rowKinds.${row.kind}`)}
                  </span>
                </th>
                {(['a', 'b'] as const).map((side) => (
                  <ValueCell
                    key={side}
                    row={row}
                    side={side}
                    person={people[side]}
                    choice={choice}
                    onChoose={onChoose}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Preview({ survivor, merged, take }: { survivor: Person; merged: Person; take: MergeField[] }) {
  const { t } = useTranslation();
  const result = mergePreview(survivor, merged, take);
  const rows: RowKey[] = [
    'givenNames',
    'familyName',
    'nameOrder',
    'nameVariants',
    'sex',
    'dateOfBirth',
    'placeOfBirth',
    'countryOfBirth',
    'nationalities',
    'identifiers',
    'languages',
    'germanLevels',
    'interpreter',
    'contacts',
    'addresses',
    'households',
  ];
  return (
    <section className="lotse-section" aria-labelledby="merge-preview-title">
      <h2 className="kern-heading-medium" id="merge-preview-title">
        {t('personMerge.previewTitle', { name: personName(result) })}
      </h2>
      <DescriptionList
        items={rows.map((key) => ({
          key,
          term: t(`personMerge.rows.${key}`),
          value: <Lines lines={rowLines(result, key, t)} />,
        }))}
      />
    </section>
  );
}

type MergeFormProps = { a: Person; b: Person; onStale: () => void };

function MergeForm({ a, b, onStale }: MergeFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [survivor, setSurvivor] = useState<Side>('a');
  const [choices, setChoices] = useState<Choices>({});
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const people = { a, b };
  const survivorPerson = people[survivor];
  const mergedPerson = people[otherSide(survivor)];
  const rows = compareRecords(a, b);
  const take = takeFields(choices, survivor, rows);
  const differing = rows.filter((row) => row.differs).length;

  const merge = useMutation({
    mutationFn: () =>
      personMergeApi.merge({
        survivorId: survivorPerson.id,
        mergedId: mergedPerson.id,
        survivorVersion: survivorPerson.version,
        mergedVersion: mergedPerson.version,
        take,
        reason: reason.trim() || null,
      }),
    onSuccess: async (result) => {
      queryClient.setQueryData(personDetailQuery(result.person.id).queryKey, result.person);
      await invalidatePeople(queryClient);
      const state: PersonPageState = {
        merge: { id: result.merge.id, mergedId: result.merge.mergedId, mergedName: personName(mergedPerson) },
      };
      await navigate(paths.person(result.person.id), { state });
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        setConfirming(false);
        onStale();
      }
    },
  });

  const takenLabels = take.map((field) => t(`personMerge.rows.${field}`)).join(', ');

  return (
    <form
      noValidate
      className="lotse-stack"
      aria-labelledby="page-title"
      onSubmit={(event) => {
        event.preventDefault();
        merge.reset();
        setConfirming(true);
      }}
    >
      <section className="lotse-section" aria-labelledby="merge-survivor-title">
        <h2 className="kern-heading-medium" id="merge-survivor-title">
          {t('personMerge.survivorTitle')}
        </h2>
        <p className="kern-body" role="status">
          {t('personMerge.survivorText', {
            survivor: recordLabel(survivorPerson, t),
            survivorRecord: t(`personMerge.record.${survivor}`),
            merged: recordLabel(mergedPerson, t),
            mergedRecord: t(`personMerge.record.${otherSide(survivor)}`),
          })}
        </p>
        <div>
          <Button variant="secondary" icon="autorenew" onClick={() => setSurvivor(otherSide(survivor))}>
            {t('personMerge.swap', { record: t(`personMerge.record.${otherSide(survivor)}`) })}
          </Button>
        </div>
      </section>

      <section className="lotse-section" aria-labelledby="merge-compare-title">
        <h2 className="kern-heading-medium" id="merge-compare-title">
          {t('personMerge.compareTitle')}
        </h2>
        <p className="kern-body">
          {differing ? t('personMerge.differingCount', { count: differing }) : t('personMerge.noneDiffer')}{' '}
          {t('personMerge.compareHint')}
        </p>
        <ComparisonTable
          a={a}
          b={b}
          rows={rows}
          survivor={survivor}
          choices={choices}
          onChoose={(field, side) => setChoices((previous) => ({ ...previous, [field]: side }))}
        />
      </section>

      <Alert tone="info" role="none" title={t('personMerge.carriedOverTitle')}>
        <p className="kern-body">{t('personMerge.carriedOverText')}</p>
      </Alert>

      <Preview survivor={survivorPerson} merged={mergedPerson} take={take} />

      <div className="lotse-form-narrow">
        <TextAreaField
          id="merge-reason"
          label={t('personMerge.reason')}
          hint={t('personMerge.reasonHint')}
          optional
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>

      <div className="lotse-button-row">
        <Button type="submit" variant="primary">
          {t('personMerge.mergeButton')}
        </Button>
        <Link className="kern-btn kern-btn--secondary" to={paths.person(a.id)}>
          <span className="kern-label">{t('common.cancel')}</span>
        </Link>
      </div>

      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={(open) => !open && setConfirming(false)}
        title={t('personMerge.confirmTitle')}
        confirmLabel={t('personMerge.confirmAction')}
        onConfirm={() => merge.mutate()}
        isPending={merge.isPending}
        error={merge.error && !isApiError(merge.error, 412) ? mergeErrorMessage(merge.error, t) : null}
      >
        <p className="kern-body">
          {t('personMerge.confirmText', {
            merged: recordLabel(mergedPerson, t),
            survivor: recordLabel(survivorPerson, t),
          })}
        </p>
        <p className="kern-body">
          {take.length ? t('personMerge.confirmTaken', { fields: takenLabels }) : t('personMerge.confirmNothingTaken')}
        </p>
        <p className="kern-body">{t('personMerge.confirmUndo')}</p>
      </ConfirmDialog>
    </form>
  );
}

/**
 * The merge screen: two records side by side, differing rows marked, a pick per field of the merge,
 * the surviving record, a preview of the result, and a confirmation before the (undoable) merge.
 */
export function PersonMergePage() {
  const { t } = useTranslation();
  const { id = '', otherId = '' } = useParams();
  const a = useQuery(personDetailQuery(id));
  const b = useQuery(personDetailQuery(otherId));
  const [stale, setStale] = useState(0);
  const staleRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const back = (
    <p className="lotse-back-link">
      <Link className="kern-link" to={paths.person(id)}>
        <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
        {a.data ? t('personMerge.backTo', { name: personName(a.data) }) : t('personMerge.backToPerson')}
      </Link>
    </p>
  );

  const error = a.error ?? b.error;
  if (error) {
    return (
      <>
        {back}
        <PageHeading title={t('personMerge.title')} />
        <QueryError
          error={error}
          onRetry={() => {
            void a.refetch();
            void b.refetch();
          }}
        />
      </>
    );
  }
  const [pa, pb] = [a.data, b.data];
  if (!pa || !pb) return <Loading />;
  const alreadyMerged = [pa, pb].find((p) => p.mergedInto);
  const problem =
    pa.id === pb.id
      ? t('personMerge.sameRecord')
      : alreadyMerged
        ? t('personMerge.alreadyMerged', { name: personName(alreadyMerged) })
        : null;

  return (
    <>
      {back}
      <PageHeading
        title={t('personMerge.title')}
        preline={t('nav.people')}
        documentTitle={t('personMerge.documentTitle', { a: personName(pa), b: personName(pb) })}
      >
        {t('personMerge.intro')}
      </PageHeading>
      {stale ? (
        <Alert ref={staleRef} tabIndex={-1} tone="warning" role="alert" title={t('personMerge.staleTitle')}>
          <p className="kern-body">{t('personMerge.staleText')}</p>
        </Alert>
      ) : null}
      {problem ? (
        <Alert tone="warning" role="alert" title={problem}>
          {alreadyMerged?.mergedInto ? (
            <p className="kern-body">
              <Link className="kern-link" to={paths.person(alreadyMerged.mergedInto)}>
                {t('personMerge.openSurvivor')}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : (
        <MergeForm
          key={`${pa.id}:${pb.id}`}
          a={pa}
          b={pb}
          onStale={() => {
            setStale((n) => n + 1);
            void a.refetch();
            void b.refetch();
          }}
        />
      )}
    </>
  );
}
