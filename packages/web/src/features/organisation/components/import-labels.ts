import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const FIELD_KEYS = [
  'code',
  'name',
  'parentCode',
  'managerEmployeeNumber',
  'employeeNumber',
  'email',
  'unitCode',
  'jobTitle',
  'locale',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

const CHANGE_KEYS = ['name', 'email', 'jobTitle', 'locale', 'manager', 'unit', 'parent'] as const;
type ChangeKey = (typeof CHANGE_KEYS)[number];

function isFieldKey(value: string): value is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(value);
}

function isChangeKey(value: string): value is ChangeKey {
  return (CHANGE_KEYS as readonly string[]).includes(value);
}

/** The translated name of an import field (the server's key when it is a new one). */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (field: string) => (isFieldKey(field) ? t(`orgImport.fields.${field}`) : field),
    [t],
  );
}

/** The translated name of a changed field in the dry run. */
export function useChangeLabel(): (field: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (field: string) => (isChangeKey(field) ? t(`orgImport.changeFields.${field}`) : field),
    [t],
  );
}
