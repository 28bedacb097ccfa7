import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkNode, type FrameworkVersion } from '@evne/core';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ProblemAlert } from '../../../components/problem-alert';
import { useLocale } from '../../../lib/i18n';
import { buildTree, flattenTree, type TreeItem } from '../framework-tree';
import { useChangeVersion } from '../use-frameworks';
import { ChangeTags } from './change-tags';
import { MoveNodeDialog } from './move-node-dialog';
import { NodeFormDialog, type NodeFormMode } from './node-form-dialog';

type DialogState =
  | { type: 'form'; mode: NodeFormMode }
  | { type: 'move'; node: FrameworkNode }
  | { type: 'delete'; item: TreeItem }
  | null;

function buttonId(nodeId: string, action: string): string {
  return `node-${action}-${nodeId}`;
}

/** The draft's node tree with every edit: rename, describe, hide, move, reorder, delete, add. */
export function NodeTreeEditor({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const change = useChangeVersion(version.id);
  const [dialog, setDialog] = useState<DialogState>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const tree = useMemo(() => buildTree(version.nodes), [version.nodes]);
  const nameOf = (node: FrameworkNode) => `${node.code} ${resolveText(node.name, locale)}`;

  const finish = (message: string) => {
    setDialog(null);
    announce(message);
  };

  /** Direct actions keep focus on the button that was used (it survives the re-render). */
  const quickChange = (
    node: FrameworkNode,
    action: string,
    input: Parameters<typeof change.mutate>[0],
    message: string,
  ) => {
    change.mutate(input, {
      onSuccess: () => {
        announce(message);
        window.requestAnimationFrame(() =>
          document.getElementById(buttonId(node.id, action))?.focus(),
        );
      },
      onError: () => window.requestAnimationFrame(() => errorRef.current?.focus()),
    });
  };

  const renderItems = (items: readonly TreeItem[]) => (
    <ul className="node-tree" role="list">
      {items.map((item, index) => {
        const { node } = item;
        const titleId = `node-title-${node.id}`;
        const isFirst = index === 0;
        const isLast = index === items.length - 1;
        return (
          <li
            key={node.id}
            className={node.hidden ? 'node-tree__item node-tree__item--hidden' : 'node-tree__item'}
          >
            <div className="node-row">
              <div className="node-row__title" id={titleId}>
                <span className="node-row__code">{node.code}</span>{' '}
                <span className="node-row__name">{resolveText(node.name, locale)}</span>{' '}
                <Tag data-size="sm" data-color="neutral">
                  {t(`kinds.${node.kind}`)}
                </Tag>
                {node.group === 'foundational' && item.depth === 1 && (
                  <Tag data-size="sm" data-color="neutral" variant="outline">
                    {t('framework.foundationalTag')}
                  </Tag>
                )}
                {node.hidden && !node.changes.includes('hidden') && (
                  <Tag data-size="sm" data-color="warning">
                    {t('editor.hiddenTag')}
                  </Tag>
                )}
                <ChangeTags changes={node.changes} />
              </div>
              {resolveText(node.description, locale) !== '' && (
                <Paragraph data-size="sm" className="node-row__description">
                  {resolveText(node.description, locale)}
                </Paragraph>
              )}
              <div className="node-row__actions" role="group" aria-labelledby={titleId}>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  id={buttonId(node.id, 'edit')}
                  aria-describedby={titleId}
                  onClick={() => setDialog({ type: 'form', mode: { type: 'edit', node } })}
                >
                  {t('editor.actions.edit')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  id={buttonId(node.id, 'hide')}
                  aria-describedby={titleId}
                  onClick={() =>
                    quickChange(
                      node,
                      'hide',
                      { type: 'updateNode', nodeId: node.id, input: { hidden: !node.hidden } },
                      node.hidden
                        ? t('editor.shown', { name: nameOf(node) })
                        : t('editor.hidden', { name: nameOf(node) }),
                    )
                  }
                >
                  {node.hidden ? t('editor.actions.show') : t('editor.actions.hide')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  id={buttonId(node.id, 'up')}
                  aria-describedby={titleId}
                  aria-disabled={isFirst}
                  onClick={() => {
                    if (!isFirst) {
                      quickChange(
                        node,
                        'up',
                        { type: 'updateNode', nodeId: node.id, input: { position: index - 1 } },
                        t('editor.movedUp', { name: nameOf(node) }),
                      );
                    }
                  }}
                >
                  {t('editor.actions.moveUp')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  id={buttonId(node.id, 'down')}
                  aria-describedby={titleId}
                  aria-disabled={isLast}
                  onClick={() => {
                    if (!isLast) {
                      quickChange(
                        node,
                        'down',
                        { type: 'updateNode', nodeId: node.id, input: { position: index + 1 } },
                        t('editor.movedDown', { name: nameOf(node) }),
                      );
                    }
                  }}
                >
                  {t('editor.actions.moveDown')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-describedby={titleId}
                  onClick={() => setDialog({ type: 'move', node })}
                >
                  {t('editor.actions.move')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-describedby={titleId}
                  onClick={() => setDialog({ type: 'form', mode: { type: 'add', parent: node } })}
                >
                  {t('editor.actions.addChild')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  aria-describedby={titleId}
                  onClick={() => setDialog({ type: 'delete', item })}
                >
                  {t('editor.actions.delete')}
                </Button>
              </div>
            </div>
            {item.children.length > 0 && renderItems(item.children)}
          </li>
        );
      })}
    </ul>
  );

  const deleting = dialog?.type === 'delete' ? dialog.item : null;
  const descendantCount = deleting ? flattenTree(deleting.children).length : 0;

  return (
    <section aria-labelledby={headingId} className="page-section">
      <div className="section-header">
        <Heading level={2} data-size="sm" id={headingId} ref={headingRef} tabIndex={-1}>
          {t('editor.treeTitle')}
        </Heading>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => setDialog({ type: 'form', mode: { type: 'add', parent: null } })}
        >
          {t('editor.actions.addTop')}
        </Button>
      </div>
      <Paragraph data-size="sm" className="muted">
        {t('editor.treeIntro')}
      </Paragraph>
      {change.isError && <ProblemAlert ref={errorRef} error={change.error} headingLevel={3} />}
      {tree.length > 0 ? renderItems(tree) : <Paragraph>{t('editor.treeEmpty')}</Paragraph>}

      {dialog?.type === 'form' && (
        <NodeFormDialog
          version={version}
          mode={dialog.mode}
          onClose={() => setDialog(null)}
          onDone={finish}
        />
      )}
      {dialog?.type === 'move' && (
        <MoveNodeDialog
          version={version}
          node={dialog.node}
          onClose={() => setDialog(null)}
          onDone={finish}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          danger
          title={t('editor.delete.title', { name: nameOf(deleting.node) })}
          body={
            descendantCount > 0
              ? t('editor.delete.bodyWithChildren', { count: descendantCount })
              : t('editor.delete.body')
          }
          confirmLabel={t('editor.actions.delete')}
          isPending={change.isPending}
          error={
            change.isError ? <ProblemAlert error={change.error} headingLevel={3} /> : undefined
          }
          onClose={() => setDialog(null)}
          onConfirm={() =>
            change.mutate(
              { type: 'deleteNode', nodeId: deleting.node.id },
              {
                onSuccess: () => {
                  finish(t('editor.delete.done', { name: nameOf(deleting.node) }));
                  window.requestAnimationFrame(() => headingRef.current?.focus());
                },
              },
            )
          }
        />
      )}
    </section>
  );
}
