import { Link } from '@digdir/designsystemet-react';
import type { OrgUnit } from '@evne/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { UnitTreeItem } from '../unit-tree';

interface UnitTreeViewProps {
  items: readonly UnitTreeItem[];
  expanded: ReadonlySet<string>;
  onToggle: (unitId: string) => void;
  /** Units that match the search: their names are marked. */
  matches: ReadonlySet<string>;
  query: string;
  label: string;
}

/** Marks the first place the query occurs in the text (case-insensitive). */
function highlight(text: string, query: string): ReactNode {
  const needle = query.trim().toLocaleLowerCase();
  const index = needle === '' ? -1 : text.toLocaleLowerCase().indexOf(needle);
  if (index < 0) {
    return text;
  }
  return (
    <>
      {text.slice(0, index)}
      <mark>{text.slice(index, index + needle.length)}</mark>
      {text.slice(index + needle.length)}
    </>
  );
}

/**
 * The unit tree as nested lists with a disclosure button per unit that has sub-units: every
 * unit is a link to its page, and Tab, Enter and Space are all a keyboard needs.
 */
export function UnitTreeView({
  items,
  expanded,
  onToggle,
  matches,
  query,
  label,
}: UnitTreeViewProps) {
  return (
    <ul className="unit-tree" aria-label={label}>
      {items.map((item) => (
        <UnitTreeNode
          key={item.unit.id}
          item={item}
          expanded={expanded}
          onToggle={onToggle}
          matches={matches}
          query={query}
        />
      ))}
    </ul>
  );
}

interface UnitTreeNodeProps extends Omit<UnitTreeViewProps, 'items' | 'label'> {
  item: UnitTreeItem;
}

function UnitTreeNode({ item, expanded, onToggle, matches, query }: UnitTreeNodeProps) {
  const { t } = useTranslation();
  const childrenId = useId();
  const { unit, children } = item;
  const isOpen = expanded.has(unit.id);
  const isMatch = matches.has(unit.id);
  return (
    <li className="unit-tree__item">
      <div className={`unit-tree__row${isMatch ? ' unit-tree__row--match' : ''}`}>
        {children.length > 0 ? (
          <button
            type="button"
            className="unit-tree__toggle ds-focus"
            aria-expanded={isOpen}
            aria-controls={isOpen ? childrenId : undefined}
            aria-label={t('units.subunitsOf', { name: unit.name })}
            onClick={() => onToggle(unit.id)}
          >
            <span aria-hidden="true" className="unit-tree__chevron" />
          </button>
        ) : (
          <span className="unit-tree__spacer" aria-hidden="true" />
        )}
        <span className="unit-tree__text">
          <Link asChild>
            <RouterLink to={`/organisation/units/${unit.id}`} className="unit-tree__name">
              {isMatch ? highlight(unit.name, query) : unit.name}
            </RouterLink>
          </Link>{' '}
          <span className="unit-tree__code">
            {isMatch ? highlight(unit.code, query) : unit.code}
          </span>
          <span className="unit-tree__counts">
            <UnitCounts unit={unit} hasChildren={children.length > 0} />
          </span>
        </span>
      </div>
      {children.length > 0 && isOpen && (
        <ul id={childrenId} className="unit-tree__children">
          {children.map((child) => (
            <UnitTreeNode
              key={child.unit.id}
              item={child}
              expanded={expanded}
              onToggle={onToggle}
              matches={matches}
              query={query}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** "6 people" for a unit without sub-units, "1 person, 19 with sub-units" otherwise. */
export function UnitCounts({ unit, hasChildren }: { unit: OrgUnit; hasChildren: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {hasChildren
        ? t('units.countsWithSubunits', {
            count: unit.peopleCount,
            total: unit.subtreePeopleCount,
          })
        : t('units.counts', { count: unit.peopleCount })}
      {!unit.isActive && ` · ${t('units.inactive')}`}
    </>
  );
}
