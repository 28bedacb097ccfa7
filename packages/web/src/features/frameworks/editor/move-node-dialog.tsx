import {
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
} from '@digdir/designsystemet-react';
import {
  resolveText,
  wouldCreateCycle,
  type FrameworkNode,
  type FrameworkVersion,
} from '@evne/core';
import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import { buildTree, flattenTree } from '../framework-tree';
import { useChangeVersion } from '../use-frameworks';

const TOP_LEVEL = '';

interface MoveNodeDialogProps {
  version: FrameworkVersion;
  node: FrameworkNode;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Moves a node under another parent (or to the top level); it goes last among its new siblings. */
export function MoveNodeDialog({ version, node, onClose, onDone }: MoveNodeDialogProps) {
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
  const selectId = useId();
  const [parentId, setParentId] = useState<string>(node.parentId ?? TOP_LEVEL);
  const nodeName = `${node.code} ${resolveText(node.name, locale)}`;

  // A node cannot move under itself or anything below it.
  const options = useMemo(
    () =>
      flattenTree(buildTree(version.nodes)).filter(
        (item) => !wouldCreateCycle(version.nodes, node.id, item.node.id),
      ),
    [version.nodes, node.id],
  );

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = parentId === TOP_LEVEL ? null : parentId;
    if (target === node.parentId) {
      onClose();
      return;
    }
    const targetNode = version.nodes.find((item) => item.id === target);
    change.mutate(
      { type: 'updateNode', nodeId: node.id, input: { parentId: target } },
      {
        onSuccess: () =>
          onDone(
            targetNode
              ? t('editor.move.done', {
                  name: nodeName,
                  parent: `${targetNode.code} ${resolveText(targetNode.name, locale)}`,
                })
              : t('editor.move.doneTop', { name: nodeName }),
          ),
      },
    );
  };

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
          {t('editor.move.title', { name: nodeName })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form className="form-stack" onSubmit={onSubmit}>
          {change.isError && <ProblemAlert ref={errorRef} error={change.error} headingLevel={3} />}
          <Paragraph>{t('editor.move.intro')}</Paragraph>
          <Field>
            <Label htmlFor={selectId}>{t('editor.move.parent')}</Label>
            <Select
              id={selectId}
              value={parentId}
              onChange={(event) => setParentId(event.target.value)}
            >
              <Select.Option value={TOP_LEVEL}>{t('editor.move.topLevel')}</Select.Option>
              {options.map(({ node: option, depth }) => (
                <Select.Option key={option.id} value={option.id}>
                  {`${'\u2003'.repeat(depth - 1)}${option.code} ${resolveText(option.name, locale)}`}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div className="button-row">
            <Button type="submit" loading={change.isPending} aria-disabled={change.isPending}>
              {t('editor.move.submit')}
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
