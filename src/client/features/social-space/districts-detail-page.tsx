import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DistrictDetail, DistrictStaffMember } from '../../../shared/contracts/districts';
import { boundingBox, type Geometry } from '../../../shared/domain/social-space/geo';
import { LeafletMap } from '../../components/map/leaflet-map';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DescriptionList } from '../../components/ui/description-list';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField, TextField } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage, isApiError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { hasPermission, useMe } from '../../lib/session';
import { assignableStaffQuery, districtDetailQuery, districtsApi, type StaffSource } from './districts-api';
import { formatCalendarDate, formatClients, formatNumber } from './districts-format';
import { SocialSpaceNav } from './social-space-nav';

/** One district: its figures, outline on a small map, and the assigned staff. */
export function DistrictDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: me } = useMe();
  const district = useQuery(districtDetailQuery(id));
  const [notice, setNotice] = useState<Notice | null>(null);
  const d = district.data;
  const say = (text: string) => setNotice({ text, key: Date.now() });

  return (
    <>
      <SocialSpaceNav />
      <p>
        <Link className="kern-link" to={paths.districts}>
          {t('districts.detail.backToList')}
        </Link>
      </p>
      {district.isPending ? <Loading /> : null}
      {district.error ? <QueryError error={district.error} onRetry={() => void district.refetch()} /> : null}
      <SuccessNotice notice={notice} />
      {d ? (
        <>
          <PageHeading title={d.name} preline={d.borough ?? undefined} />
          <div className="lotse-stack">
            <SectionCard
              id="district-facts"
              title={t('districts.detail.facts')}
              actions={me?.user.roles.includes('system_admin') ? <SettingsButton district={d} onSaved={say} /> : null}
            >
              <DescriptionList
                columns
                items={[
                  { key: 'code', term: t('districts.detail.code'), value: d.code },
                  {
                    key: 'borough',
                    term: t('districts.detail.borough'),
                    value: d.borough ?? t('districts.detail.unknown'),
                  },
                  {
                    key: 'population',
                    term: t('districts.detail.population'),
                    value:
                      d.population !== null
                        ? d.populationAsOf
                          ? t('districts.detail.populationApprox', {
                              population: formatNumber(d.population, lang),
                              date: formatCalendarDate(d.populationAsOf, lang),
                            })
                          : formatNumber(d.population, lang)
                        : t('districts.detail.unknown'),
                  },
                  { key: 'clients', term: t('districts.detail.clients'), value: formatClients(d.clients, t, lang) },
                  { key: 'resources', term: t('districts.detail.resources'), value: d.resourceCount },
                  {
                    key: 'explored',
                    term: t('districts.detail.lastExplored'),
                    value: d.lastExploredOn ? formatCalendarDate(d.lastExploredOn, lang) : t('districts.detail.never'),
                  },
                  {
                    key: 'cadence',
                    term: t('districts.detail.cadence'),
                    value: t('districts.list.cadenceDays', { count: d.explorationCadenceDays }),
                  },
                ]}
              />
              {d.clients.suppressed ? (
                <p className="kern-body kern-body--muted">{t('districts.clients.suppressedHint')}</p>
              ) : null}
            </SectionCard>
            <SectionCard id="district-outline" title={t('districts.detail.outline')}>
              <Outline district={d} />
            </SectionCard>
            <StaffSection
              district={d}
              onChanged={say}
              canManage={hasPermission(me, 'district.manage')}
              agencyId={me?.agency.id ?? null}
              manageAll={me?.user.roles.includes('system_admin') ?? false}
              staffSource={
                hasPermission(me, 'case.write') ? 'colleagues' : hasPermission(me, 'user.read') ? 'users' : null
              }
            />
          </div>
        </>
      ) : null}
    </>
  );
}

function Outline({ district }: { district: DistrictDetail }) {
  const { t } = useTranslation();
  const geometry = district.geometry as Geometry | null;
  const polygons = useMemo(
    () => (geometry ? [{ id: district.id, name: district.name, geometry, highlighted: true }] : []),
    [geometry, district.id, district.name],
  );
  const bounds = useMemo(() => (geometry ? boundingBox([geometry]) : null), [geometry]);
  if (!geometry) return <p className="kern-body">{t('districts.detail.noOutline')}</p>;
  return (
    <LeafletMap
      label={t('districts.detail.outlineMap', { name: district.name })}
      polygons={polygons}
      bounds={bounds}
      height="18rem"
    />
  );
}

function StaffSection({
  district,
  onChanged,
  canManage,
  staffSource,
  manageAll,
  agencyId,
}: {
  district: DistrictDetail;
  onChanged: (text: string) => void;
  canManage: boolean;
  staffSource: StaffSource | null;
  /** The system administrator manages every agency's staff; others only their own agency's. */
  manageAll: boolean;
  agencyId: string | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [assignOpen, setAssignOpen] = useState(false);
  const [removing, setRemoving] = useState<DistrictStaffMember | null>(null);
  const refresh = () =>
    queryClient
      .invalidateQueries({ queryKey: ['districts'] })
      .then(() => queryClient.invalidateQueries({ queryKey: ['social-space-map'] }));
  const remove = useMutation({
    mutationFn: (m: DistrictStaffMember) => districtsApi.remove(district.id, m.userId),
    onSuccess: async (_r, m) => {
      setRemoving(null);
      onChanged(t('districts.detail.removed', { name: m.displayName }));
      await refresh();
    },
  });
  // Team leads and agency administrators reach their own agency's staff, the system administrator everyone's.
  const mayRemove = (m: DistrictStaffMember) => canManage && (manageAll || m.agencyId === agencyId);

  return (
    <SectionCard
      id="district-staff"
      title={t('districts.detail.staff')}
      actions={
        canManage && staffSource && agencyId ? (
          <Button variant="secondary" icon="add" onClick={() => setAssignOpen(true)}>
            {t('districts.detail.assign')}
          </Button>
        ) : null
      }
    >
      {district.staff.length === 0 ? (
        <p className="kern-body">{t('districts.detail.staffEmpty')}</p>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table lotse-table-full" aria-labelledby="district-staff-title">
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('districts.detail.staffName')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('districts.detail.staffAgency')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('districts.detail.staffSince')}
                </th>
                {canManage ? (
                  <th scope="col" className="kern-table__header">
                    {t('districts.detail.actions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {district.staff.map((m) => (
                <tr className="kern-table__row" key={m.userId}>
                  <th scope="row" className="kern-table__header">
                    {m.displayName}
                  </th>
                  <td className="kern-table__cell">{m.agencyName}</td>
                  <td className="kern-table__cell">{formatDateTime(m.assignedAt)}</td>
                  {canManage ? (
                    <td className="kern-table__cell">
                      {mayRemove(m) ? (
                        <Button
                          variant="tertiary"
                          small
                          aria-label={t('districts.detail.removeLabel', { name: m.displayName })}
                          onClick={() => setRemoving(m)}
                        >
                          {t('districts.detail.remove')}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {assignOpen && agencyId && staffSource ? (
        <AssignDialog
          district={district}
          agencyId={agencyId}
          source={staffSource}
          onClose={() => setAssignOpen(false)}
          onAssigned={async (name) => {
            setAssignOpen(false);
            onChanged(t('districts.detail.assigned', { name }));
            await refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('districts.detail.removeTitle')}
        confirmLabel={t('districts.detail.removeConfirm')}
        onConfirm={() => removing && remove.mutate(removing)}
        isPending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
      >
        {removing ? t('districts.detail.removeText', { name: removing.displayName, district: district.name }) : null}
      </ConfirmDialog>
    </SectionCard>
  );
}

function AssignDialog({
  district,
  agencyId,
  source,
  onClose,
  onAssigned,
}: {
  district: DistrictDetail;
  agencyId: string;
  source: StaffSource;
  onClose: () => void;
  onAssigned: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const colleagues = useQuery(assignableStaffQuery(source, agencyId));
  const [userId, setUserId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const assigned = new Set(district.staff.map((s) => s.userId));
  const options = (colleagues.data ?? []).filter((c) => !assigned.has(c.id));
  const assign = useMutation({
    mutationFn: (id: string) => districtsApi.assign(district.id, id),
    onSuccess: async (_r, id) => onAssigned(options.find((o) => o.id === id)?.name ?? ''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!userId) {
      setFieldError(t('districts.detail.chooseRequired'));
      return;
    }
    setFieldError(undefined);
    assign.mutate(userId);
  };
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('districts.detail.assignTitle', { name: district.name })}
      dismissable={false}
    >
      {colleagues.isPending ? <Loading /> : null}
      {colleagues.error ? <QueryError error={colleagues.error} onRetry={() => void colleagues.refetch()} /> : null}
      {colleagues.data && options.length === 0 ? (
        <p className="kern-body">{t('districts.detail.allAssigned')}</p>
      ) : null}
      {colleagues.data ? (
        <form onSubmit={submit} noValidate className="lotse-stack">
          {options.length > 0 ? (
            <SelectField
              id="assign-colleague"
              label={t('districts.detail.colleague')}
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              error={fieldError}
              options={[
                { value: '', label: t('districts.detail.chooseColleague') },
                ...options.map((o) => ({ value: o.id, label: o.label })),
              ]}
            />
          ) : null}
          {assign.error ? <Alert tone="danger" title={errorMessage(assign.error, t)} /> : null}
          <FormActions
            submitLabel={t('districts.detail.assignSubmit')}
            pending={assign.isPending}
            onCancel={onClose}
            disabled={options.length === 0}
          />
        </form>
      ) : null}
    </ModalDialog>
  );
}

function SettingsButton({ district, onSaved }: { district: DistrictDetail; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" icon="edit" onClick={() => setOpen(true)}>
        {t('districts.detail.editSettings')}
      </Button>
      {open ? (
        <SettingsDialog
          district={district}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onSaved(t('districts.detail.settingsSaved'));
          }}
        />
      ) : null}
    </>
  );
}

function SettingsDialog({
  district,
  onClose,
  onSaved,
}: {
  district: DistrictDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cadence, setCadence] = useState(String(district.explorationCadenceDays));
  const [population, setPopulation] = useState(district.population === null ? '' : String(district.population));
  const [asOf, setAsOf] = useState(district.populationAsOf ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: { explorationCadenceDays: number; population: number | null; populationAsOf: string | null }) =>
      districtsApi.update(district.id, district.version, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['districts', district.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['districts'] });
      onSaved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const c = Number(cadence);
    if (!/^\d+$/.test(cadence.trim()) || c < 30 || c > 1095) next.cadence = t('districts.detail.cadenceInvalid');
    const p = population.trim() === '' ? null : Number(population);
    if (p !== null && (!/^\d+$/.test(population.trim()) || p < 0))
      next.population = t('districts.detail.populationInvalid');
    if (p !== null && !asOf) next.asOf = t('districts.detail.populationAsOfRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({ explorationCadenceDays: c, population: p, populationAsOf: asOf || null });
  };
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('districts.detail.settingsTitle', { name: district.name })}
      dismissable={false}
    >
      <form onSubmit={submit} noValidate className="lotse-stack">
        <TextField
          id="district-cadence"
          label={t('districts.detail.cadenceDays')}
          hint={t('districts.detail.cadenceHint')}
          inputMode="numeric"
          value={cadence}
          onChange={(e) => setCadence(e.target.value)}
          error={errors.cadence}
          width={4}
        />
        <TextField
          id="district-population"
          label={t('districts.detail.population')}
          optional
          inputMode="numeric"
          value={population}
          onChange={(e) => setPopulation(e.target.value)}
          error={errors.population}
          width={4}
        />
        <TextField
          id="district-population-as-of"
          label={t('districts.detail.populationAsOf')}
          type="date"
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          error={errors.asOf}
        />
        {save.error ? (
          <Alert
            tone="danger"
            title={isApiError(save.error, 412) ? t('districts.detail.stale') : errorMessage(save.error, t)}
          />
        ) : null}
        <FormActions submitLabel={t('common.save')} pending={save.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
