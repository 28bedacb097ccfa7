import { Select, Table } from '@digdir/designsystemet-react';
import { ImportanceSchema, resolveText, type Scale } from '@evne/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { groupCompetences, type RatedCompetence, type TargetDraft } from '../profile-targets';
import { levelText } from './target-wheel';

interface TargetsTableProps {
  competences: readonly RatedCompetence[];
  drafts: ReadonlyMap<string, TargetDraft>;
  scale: Scale;
  onChange?: ((nodeId: string, draft: TargetDraft) => void) | undefined;
  caption: string;
  /** Problems per competence from a failed save. */
  problems?: ReadonlyMap<string, string[]> | undefined;
}

const NOT_NEEDED = '';

/**
 * Every rated competence of the version, grouped by area and sub-category, with its target
 * level and importance: selects for an admin, text for everyone else.
 */
export function TargetsTable({
  competences,
  drafts,
  scale,
  onChange,
  caption,
  problems,
}: TargetsTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = groupCompetences(competences);
  const isEditable = onChange !== undefined;
  return (
    <div className="table-scroll ds-focus" role="region" aria-label={caption} tabIndex={0}>
      <Table className="targets-table" data-size="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('kinds.competence')}</Table.HeaderCell>
            <Table.HeaderCell>{t('roleProfiles.targetAndImportance')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        {groups.map((group) => {
          const groupKey = group.heading.map((node) => node.id).join('/') || 'top';
          return (
            <Table.Body key={groupKey}>
              {group.heading.length > 0 && (
                <Table.Row className="targets-table__group">
                  <Table.HeaderCell colSpan={2} scope="colgroup">
                    {group.heading
                      .map((node) => `${node.code} ${resolveText(node.name, locale)}`)
                      .join(' › ')}
                  </Table.HeaderCell>
                </Table.Row>
              )}
              {group.items.map(({ node }) => {
                const draft = drafts.get(node.id) ?? { targetLevel: null, importance: 'essential' };
                const name = `${node.code} ${resolveText(node.name, locale)}`;
                const nodeProblems = problems?.get(node.id) ?? [];
                return (
                  <Table.Row
                    key={node.id}
                    className={nodeProblems.length > 0 ? 'targets-table__row--problem' : undefined}
                  >
                    <Table.Cell>
                      <span className="tree-table__code">{node.code}</span>{' '}
                      {resolveText(node.name, locale)}
                      {nodeProblems.map((problem) => (
                        <span key={problem} className="targets-table__problem">
                          {problem}
                        </span>
                      ))}
                    </Table.Cell>
                    <Table.Cell>
                      {isEditable ? (
                        <div className="target-controls">
                          <Select
                            data-size="sm"
                            aria-label={t('roleProfiles.targetLevelFor', { name })}
                            value={
                              draft.targetLevel === null ? NOT_NEEDED : String(draft.targetLevel)
                            }
                            aria-invalid={nodeProblems.length > 0}
                            onChange={(event) => {
                              const value = event.target.value;
                              onChange(node.id, {
                                ...draft,
                                targetLevel: value === NOT_NEEDED ? null : Number(value),
                              });
                            }}
                          >
                            <Select.Option value={NOT_NEEDED}>
                              {t('roleProfiles.notNeeded')}
                            </Select.Option>
                            {scale.levels.map((level) => (
                              <Select.Option key={level.value} value={String(level.value)}>
                                {levelText(level.value, scale, locale, t)}
                              </Select.Option>
                            ))}
                          </Select>
                          <Select
                            data-size="sm"
                            aria-label={t('roleProfiles.importanceFor', { name })}
                            value={draft.importance}
                            disabled={draft.targetLevel === null}
                            onChange={(event) => {
                              const importance = ImportanceSchema.safeParse(event.target.value);
                              if (importance.success) {
                                onChange(node.id, { ...draft, importance: importance.data });
                              }
                            }}
                          >
                            <Select.Option value="essential">
                              {t('roleProfiles.importance.essential')}
                            </Select.Option>
                            <Select.Option value="useful">
                              {t('roleProfiles.importance.useful')}
                            </Select.Option>
                          </Select>
                        </div>
                      ) : draft.targetLevel === null ? (
                        t('roleProfiles.notNeeded')
                      ) : (
                        `${levelText(draft.targetLevel, scale, locale, t)} · ${t(
                          `roleProfiles.importance.${draft.importance}`,
                        )}`
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          );
        })}
      </Table>
    </div>
  );
}
