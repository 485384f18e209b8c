import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceImportResult } from '../../../shared/contracts/resources';
import { Alert, SuccessNotice, type Notice } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { PageHeading } from '../../components/ui/page-heading';
import { SectionCard } from '../../components/ui/section-card';
import { errorMessage } from '../../lib/errors';
import { hasPermission, useMe } from '../../lib/session';
import { resourceApi } from './resource-api';
import { SocialSpaceNav } from './social-space-nav';

/** Export the directory as HSDS JSON; import a file with a dry run first and a confirmation. */
export function HsdsExchangePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [doc, setDoc] = useState<unknown[] | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ResourceImportResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const mayImport = hasPermission(me, 'resource.manage');

  const check = useMutation({
    mutationFn: (d: unknown[]) => resourceApi.importDocument(d, true),
    onSuccess: setPreview,
  });
  const run = useMutation({
    mutationFn: (d: unknown[]) => resourceApi.importDocument(d, false),
    onSuccess: (result) => {
      setPreview(null);
      setDoc(null);
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
      setNotice({ text: t('resources.exchange.done', result), key: Date.now() });
    },
  });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    setPreview(null);
    setFileError(null);
    setDoc(null);
    check.reset();
    run.reset();
    const file = e.target.files?.[0];
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setFileError(t('resources.exchange.notJson'));
      return;
    }
    if (!Array.isArray(parsed)) {
      setFileError(t('resources.exchange.notArray'));
      return;
    }
    setDoc(parsed);
  };

  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('resources.exchange.title')}>{t('resources.exchange.intro')}</PageHeading>
      <SuccessNotice notice={notice} />
      <SectionCard id="hsds-export" title={t('resources.exchange.exportTitle')}>
        <p className="kern-body">{t('resources.exchange.exportText')}</p>
        <a
          className="kern-btn kern-btn--secondary"
          href="/api/v1/resources/export"
          download="lotse-ressourcen-hsds.json"
        >
          <span className="kern-label">{t('resources.exchange.download')}</span>
        </a>
      </SectionCard>
      <SectionCard id="hsds-import" title={t('resources.exchange.importTitle')}>
        {!mayImport ? (
          <p className="kern-body">{t('resources.exchange.noPermission')}</p>
        ) : (
          <>
            <p className="kern-body">{t('resources.exchange.importText')}</p>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor={fileId}>
                {t('resources.exchange.file')}
              </label>
              <input
                id={fileId}
                className="kern-form-input__input"
                type="file"
                accept="application/json,.json"
                aria-describedby={fileError ? `${fileId}-error` : undefined}
                onChange={(e) => void onFile(e)}
              />
              {fileError ? (
                <p className="kern-error" id={`${fileId}-error`} role="alert">
                  <span className="kern-body">{fileError}</span>
                </p>
              ) : null}
            </div>
            <p>
              <Button variant="secondary" disabled={!doc || check.isPending} onClick={() => doc && check.mutate(doc)}>
                {check.isPending ? t('resources.exchange.checking') : t('resources.exchange.check')}
              </Button>
            </p>
            {check.error ? <Alert tone="danger" role="alert" title={errorMessage(check.error, t)} /> : null}
            {preview ? (
              <section aria-labelledby="hsds-preview-title">
                <h3 className="kern-heading-small" id="hsds-preview-title">
                  {t('resources.exchange.previewTitle')}
                </h3>
                <p className="kern-body" role="status">
                  {t('resources.exchange.previewCounts', preview)}
                </p>
                {preview.errors.length > 0 ? (
                  <>
                    <Alert tone="danger" title={t('resources.exchange.previewErrors')} />
                    <div className="kern-table-responsive">
                      <table className="kern-table kern-table--striped">
                        <caption className="kern-body">{t('resources.exchange.errorsCaption')}</caption>
                        <thead>
                          <tr className="kern-table__row">
                            <th scope="col" className="kern-table__header">
                              {t('resources.exchange.pointer')}
                            </th>
                            <th scope="col" className="kern-table__header">
                              {t('resources.exchange.message')}
                            </th>
                          </tr>
                        </thead>
                        <tbody className="kern-table__body">
                          {preview.errors.map((e, i) => (
                            <tr className="kern-table__row" key={i}>
                              <td className="kern-table__cell">
                                <code>{e.pointer}</code>
                              </td>
                              <td className="kern-table__cell">{e.message}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                ) : (
                  <Button disabled={run.isPending} onClick={() => doc && run.mutate(doc)}>
                    {run.isPending ? t('resources.exchange.importing') : t('resources.exchange.confirm')}
                  </Button>
                )}
                {run.error ? <Alert tone="danger" role="alert" title={errorMessage(run.error, t)} /> : null}
              </section>
            ) : null}
          </>
        )}
      </SectionCard>
    </>
  );
}
