import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { CreateOrgUnitInputSchema, type OrgUnitDetail } from '@evne/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAnnounce } from '../../../components/announcer';
import { FormDialog } from '../../../components/form-dialog';
import { subtreeIds } from '../unit-tree';
import { useCreateUnit, useUnits, useUpdateUnit } from '../use-organisation';
import { PersonPicker, type PickedPerson } from './person-picker';
import { UnitSelect } from './unit-select';

/** Adds a unit under a chosen parent; afterwards the new unit's page opens. */
export function AddUnitDialog({
  parentId,
  onClose,
}: {
  parentId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const create = useCreateUnit();
  const [parent, setParent] = useState(parentId ?? '');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});

  const onSubmit = () => {
    const parsed = CreateOrgUnitInputSchema.safeParse({
      parentId: parent === '' ? null : parent,
      code,
      name,
    });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setErrors({
        ...(fields.has('code') ? { code: t('units.form.codeMissing') } : {}),
        ...(fields.has('name') ? { name: t('units.form.nameMissing') } : {}),
      });
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (detail) => {
        announce(t('units.form.added', { name: detail.unit.name }));
        onClose();
        void navigate(`/organisation/units/${detail.unit.id}`);
      },
    });
  };

  return (
    <FormDialog
      title={t('units.form.addTitle')}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('units.form.add')}
      isPending={create.isPending}
      error={create.error}
    >
      <UnitSelect
        label={t('units.form.parent')}
        value={parent}
        onChange={setParent}
        emptyLabel={t('units.form.noParent')}
      />
      <Textfield
        label={t('units.form.code')}
        description={t('units.form.codeHelp')}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
        autoComplete="off"
        spellCheck={false}
      />
      <Textfield
        label={t('units.form.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        autoComplete="off"
      />
    </FormDialog>
  );
}

export function RenameUnitDialog({
  detail,
  onClose,
}: {
  detail: OrgUnitDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateUnit(detail.unit.id);
  const [name, setName] = useState(detail.unit.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const onSubmit = () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('units.form.nameMissing'));
      return;
    }
    setError(undefined);
    update.mutate(
      { name: trimmed },
      {
        onSuccess: (next) => {
          announce(t('units.form.renamed', { name: next.unit.name }));
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('units.form.renameTitle', { name: detail.unit.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('common.save')}
      isPending={update.isPending}
      error={update.error}
    >
      <Textfield
        label={t('units.form.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error}
        autoComplete="off"
      />
    </FormDialog>
  );
}

export function MoveUnitDialog({
  detail,
  onClose,
}: {
  detail: OrgUnitDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const units = useUnits();
  const update = useUpdateUnit(detail.unit.id);
  const [parent, setParent] = useState(detail.unit.parentId ?? '');
  const excluded = useMemo(
    () => subtreeIds(units.data ?? [], detail.unit.id),
    [units.data, detail.unit.id],
  );
  const onSubmit = () => {
    const parentId = parent === '' ? null : parent;
    if (parentId === detail.unit.parentId) {
      onClose();
      return;
    }
    update.mutate(
      { parentId },
      {
        onSuccess: (next) => {
          const newParent = next.path.at(-1);
          announce(
            newParent
              ? t('units.form.moved', { name: next.unit.name, parent: newParent.name })
              : t('units.form.movedTop', { name: next.unit.name }),
          );
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('units.form.moveTitle', { name: detail.unit.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('units.form.move')}
      isPending={update.isPending}
      error={update.error}
    >
      <Paragraph>{t('units.form.moveIntro')}</Paragraph>
      <UnitSelect
        label={t('units.form.newParent')}
        value={parent}
        onChange={setParent}
        emptyLabel={t('units.form.noParent')}
        exclude={excluded}
      />
    </FormDialog>
  );
}

export function LeaderDialog({ detail, onClose }: { detail: OrgUnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateUnit(detail.unit.id);
  const [leader, setLeader] = useState<PickedPerson | null>(detail.unit.manager);
  const onSubmit = () => {
    if ((leader?.id ?? null) === (detail.unit.manager?.id ?? null)) {
      onClose();
      return;
    }
    update.mutate(
      { managerPersonId: leader?.id ?? null },
      {
        onSuccess: (next) => {
          announce(
            next.unit.manager
              ? t('units.form.leaderSet', { name: next.unit.manager.name, unit: next.unit.name })
              : t('units.form.leaderRemoved', { unit: next.unit.name }),
          );
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('units.form.leaderTitle', { name: detail.unit.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={t('common.save')}
      isPending={update.isPending}
      error={update.error}
    >
      <PersonPicker
        legend={t('units.form.leader')}
        value={leader}
        onChange={setLeader}
        noneLabel={t('units.form.noLeader')}
      />
    </FormDialog>
  );
}
