import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { fieldIds } from '../../components/ui/form-field';
import { occupationSearchQuery } from './profiles-api';
import './profiles.css';

export type OccupationChoice = { code: string; title: string };

type OccupationComboBoxProps = {
  id: string;
  label: string;
  value: OccupationChoice | null;
  onChange: (value: OccupationChoice | null) => void;
  error?: string | undefined;
  optional?: boolean;
};

/** Search the KldB 2010 Berufsgattungen over the reference API and pick one (react-aria ComboBox). */
export function OccupationComboBox({ id, label, value, onChange, error, optional }: OccupationComboBoxProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState(value ? `${value.code} ${value.title}` : '');
  const [debounced, setDebounced] = useState(input);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(input), 200);
    return () => clearTimeout(timer);
  }, [input]);
  const query = value && input === `${value.code} ${value.title}` ? '' : debounced;
  const results = useQuery({ ...occupationSearchQuery(query), enabled: query.trim().length >= 2 });
  const items = query.trim().length >= 2 ? (results.data?.items ?? []) : [];
  const ids = fieldIds(id);

  return (
    <ComboBox
      className={`kern-form-input ${error ? 'kern-form-input--error' : ''}`.trim()}
      inputValue={input}
      onInputChange={(text) => {
        setInput(text);
        if (value && text !== `${value.code} ${value.title}`) onChange(null);
      }}
      selectedKey={value?.code ?? null}
      onSelectionChange={(key) => {
        const chosen = items.find((o) => o.code === key);
        if (!chosen) return;
        onChange({ code: chosen.code, title: chosen.title });
        setInput(`${chosen.code} ${chosen.title}`);
      }}
      items={items}
      menuTrigger="input"
      allowsEmptyCollection
      isInvalid={!!error}
      aria-describedby={error ? ids.error : undefined}
    >
      <Label className="kern-label">
        {label}
        {optional ? <span className="kern-label__optional"> {t('common.optional')}</span> : null}
      </Label>
      <Text slot="description" className="kern-hint">
        {t('profiles.fields.occupationHint')}
      </Text>
      <Input id={id} className={`kern-form-input__input ${error ? 'kern-form-input__input--error' : ''}`.trim()} />
      {error ? (
        <p className="kern-error" id={ids.error}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
      <Popover className="lotse-combobox__popover" offset={2}>
        <ListBox
          className="lotse-combobox__list"
          renderEmptyState={() => <p className="lotse-combobox__empty">{t('profiles.fields.occupationNone')}</p>}
        >
          {(o: (typeof items)[number]) => (
            <ListBoxItem id={o.code} textValue={`${o.code} ${o.title}`} className="lotse-combobox__option">
              <strong>{o.code}</strong> {o.title}
              <span className="lotse-combobox__path"> · {o.path.map((p) => p.title).at(-1)}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
