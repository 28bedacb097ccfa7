import {
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  NODE_KINDS,
  NodeCodeSchema,
  resolveText,
  type FrameworkNode,
  type FrameworkVersion,
  type NodeKind,
  type UpdateNodeInput,
} from '@evne/core';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedTextFields } from '../../../components/localized-text-fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import {
  draftFromText,
  sameJson,
  textFromDraft,
  type LocalizedDraft,
} from '../../../lib/localized-text';
import { useChangeVersion } from '../use-frameworks';

export type NodeFormMode =
  { type: 'add'; parent: FrameworkNode | null } | { type: 'edit'; node: FrameworkNode };

interface NodeFormDialogProps {
  version: FrameworkVersion;
  mode: NodeFormMode;
  onClose: () => void;
  onDone: (message: string) => void;
}

function childKind(parent: FrameworkNode | null): NodeKind {
  if (parent === null) {
    return 'area';
  }
  return parent.kind === 'area' ? 'subcategory' : 'competence';
}

function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

interface Errors {
  code?: string;
  name?: string;
}

/** Adds a node under a parent, or edits one: code, kind, names, description and level descriptors. */
export function NodeFormDialog({ version, mode, onClose, onDone }: NodeFormDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = useChangeVersion(version.id);
  const errorRef = useRef<HTMLDivElement>(null);
  // A failed save shows its reason at the top of the dialog; bring it into view and focus.
  useEffect(() => {
    if (change.isError) {
      errorRef.current?.focus();
    }
  }, [change.isError, change.error]);
  const headingId = useId();
  const kindId = useId();
  const editing = mode.type === 'edit' ? mode.node : null;
  const [code, setCode] = useState(editing?.code ?? '');
  const [kind, setKind] = useState<NodeKind>(
    editing?.kind ?? childKind(mode.type === 'add' ? mode.parent : null),
  );
  const [name, setName] = useState<LocalizedDraft>(draftFromText(editing?.name));
  const [description, setDescription] = useState<LocalizedDraft>(
    draftFromText(editing?.description),
  );
  const [descriptors, setDescriptors] = useState<Record<string, LocalizedDraft>>(() =>
    Object.fromEntries(
      version.scale.levels.map((level) => [
        String(level.value),
        draftFromText(editing?.levelDescriptors?.[String(level.value)]),
      ]),
    ),
  );
  const [errors, setErrors] = useState<Errors>({});

  const title =
    mode.type === 'edit'
      ? t('editor.node.editTitle', {
          name: `${mode.node.code} ${resolveText(mode.node.name, locale)}`,
        })
      : mode.parent
        ? t('editor.node.addChildTitle', {
            name: `${mode.parent.code} ${resolveText(mode.parent.name, locale)}`,
          })
        : t('editor.node.addTopTitle');

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors: Errors = {};
    const trimmedCode = code.trim();
    if (!NodeCodeSchema.safeParse(trimmedCode).success) {
      nextErrors.code = t('editor.node.codeInvalid');
    }
    const nameText = textFromDraft(name);
    if (nameText === null) {
      nextErrors.name = t('editor.node.nameMissing');
    }
    setErrors(nextErrors);
    if (nameText === null || Object.keys(nextErrors).length > 0) {
      return;
    }
    const descriptionText = textFromDraft(description);
    const displayName = `${trimmedCode} ${resolveText(nameText, locale)}`;

    if (mode.type === 'add') {
      change.mutate(
        {
          type: 'createNode',
          input: {
            parentId: mode.parent?.id ?? null,
            code: trimmedCode,
            kind,
            name: nameText,
            ...(descriptionText !== null ? { description: descriptionText } : {}),
          },
        },
        { onSuccess: () => onDone(t('editor.node.added', { name: displayName })) },
      );
      return;
    }

    const node = mode.node;
    const descriptorEntries = Object.entries(descriptors).flatMap(([level, draft]) => {
      const text = textFromDraft(draft);
      return text === null ? [] : [[level, text] as const];
    });
    const levelDescriptors =
      descriptorEntries.length > 0 ? Object.fromEntries(descriptorEntries) : null;
    const input: UpdateNodeInput = {
      ...(trimmedCode !== node.code ? { code: trimmedCode } : {}),
      ...(kind !== node.kind ? { kind } : {}),
      ...(!sameJson(nameText, node.name) ? { name: nameText } : {}),
      ...(!sameJson(descriptionText, node.description) ? { description: descriptionText } : {}),
      ...(!sameJson(levelDescriptors, node.levelDescriptors) ? { levelDescriptors } : {}),
    };
    if (Object.keys(input).length === 0) {
      onClose();
      return;
    }
    change.mutate(
      { type: 'updateNode', nodeId: node.id, input },
      { onSuccess: () => onDone(t('editor.node.saved', { name: displayName })) },
    );
  };

  const showDescriptors = mode.type === 'edit' && kind === 'competence';

  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('common.close')}
      aria-labelledby={headingId}
      className="editor-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form className="form-stack" onSubmit={onSubmit} noValidate>
          {change.isError && <ProblemAlert ref={errorRef} error={change.error} headingLevel={3} />}
          <div className="form-row">
            <Textfield
              label={t('editor.node.code')}
              description={t('editor.node.codeHelp')}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={errors.code}
              autoComplete="off"
              spellCheck={false}
            />
            <Field>
              <Label htmlFor={kindId}>{t('editor.node.kind')}</Label>
              <Select
                id={kindId}
                value={kind}
                onChange={(event) => {
                  if (isNodeKind(event.target.value)) {
                    setKind(event.target.value);
                  }
                }}
              >
                {NODE_KINDS.map((option) => (
                  <Select.Option key={option} value={option}>
                    {t(`kinds.${option}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <LocalizedTextFields
            legend={t('editor.node.name')}
            value={name}
            onChange={setName}
            error={errors.name}
          />
          <LocalizedTextFields
            legend={t('editor.node.description')}
            value={description}
            onChange={setDescription}
            multiline
          />
          {showDescriptors && (
            <fieldset className="descriptor-fields">
              <legend className="descriptor-fields__legend">{t('editor.node.descriptors')}</legend>
              <p className="muted descriptor-fields__help">{t('editor.node.descriptorsHelp')}</p>
              {version.scale.levels.map((level) => {
                const key = String(level.value);
                return (
                  <LocalizedTextFields
                    key={key}
                    legend={t('editor.node.descriptorFor', {
                      value: level.value,
                      label: resolveText(level.label, locale),
                    })}
                    value={descriptors[key] ?? draftFromText(null)}
                    onChange={(next) => setDescriptors((current) => ({ ...current, [key]: next }))}
                    multiline
                  />
                );
              })}
            </fieldset>
          )}
          <div className="button-row">
            <Button type="submit" loading={change.isPending} aria-disabled={change.isPending}>
              {mode.type === 'add' ? t('editor.node.addSubmit') : t('common.save')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
