import { Button, Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useAnnounce } from '../../components/announcer';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useLocale } from '../../lib/i18n';
import { INTL_LOCALE } from '../../lib/locale';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCurrentSession } from '../auth/use-session';
import { UnitTreeView } from './components/unit-tree-view';
import { AddUnitDialog } from './components/unit-dialogs';
import { buildUnitTree, filterUnitTree, flattenUnitTree } from './unit-tree';
import { useUnits } from './use-organisation';

/** The organisation as a unit tree: search, open and close units, and go to a unit's page. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  const announce = useAnnounce();
  const units = useUnits();
  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [isAdding, setIsAdding] = useState(false);
  const debouncedQuery = useDebouncedValue(query, 250);

  const tree = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALE[locale]);
    return buildUnitTree(units.data ?? [], collator.compare);
  }, [units.data, locale]);
  const filtered = useMemo(
    () => filterUnitTree(tree, debouncedQuery, (unit) => showInactive || unit.isActive),
    [tree, debouncedQuery, showInactive],
  );

  // The top units start open; a search opens the way down to every match.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [searchedFor, setSearchedFor] = useState('');
  const shown = expanded ?? new Set(tree.map((item) => item.unit.id));
  if (debouncedQuery !== searchedFor) {
    setSearchedFor(debouncedQuery);
    if (debouncedQuery.trim() !== '') {
      setExpanded(new Set([...shown, ...filtered.expanded]));
    }
  }

  const announced = useRef('');
  useEffect(() => {
    if (debouncedQuery.trim() === '' || announced.current === debouncedQuery || !units.isSuccess) {
      return;
    }
    announced.current = debouncedQuery;
    announce(t('organisation.matches', { count: filtered.matches.size }));
  }, [debouncedQuery, filtered.matches.size, announce, t, units.isSuccess]);

  const toggle = (unitId: string) => {
    const next = new Set(shown);
    if (next.has(unitId)) {
      next.delete(unitId);
    } else {
      next.add(unitId);
    }
    setExpanded(next);
  };

  const isSearching = debouncedQuery.trim() !== '';
  const root = tree[0]?.unit;

  return (
    <>
      <div className="page-header">
        <PageHeading title={t('organisation.title')} />
        {isAdmin && (
          <div className="button-row">
            <Button asChild variant="secondary">
              <RouterLink to="/organisation/import">{t('organisation.import')}</RouterLink>
            </Button>
            <Button variant="secondary" onClick={() => setIsAdding(true)}>
              {t('organisation.addUnit')}
            </Button>
          </div>
        )}
      </div>
      <Paragraph className="lead">
        {isAdmin ? t('organisation.introAdmin') : t('organisation.intro')}
      </Paragraph>
      {units.isPending && <LoadingState />}
      {units.isError && <ProblemAlert error={units.error} />}
      {units.isSuccess && (
        <>
          <div className="tree-toolbar">
            <Textfield
              className="tree-toolbar__search"
              label={t('organisation.search')}
              description={t('organisation.searchHelp')}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
            />
            <div className="button-row">
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() =>
                  setExpanded(new Set(flattenUnitTree(tree).map((item) => item.unit.id)))
                }
              >
                {t('organisation.expandAll')}
              </Button>
              <Button variant="tertiary" data-size="sm" onClick={() => setExpanded(new Set())}>
                {t('organisation.collapseAll')}
              </Button>
              <Checkbox
                label={t('organisation.showInactive')}
                checked={showInactive}
                onChange={(event) => setShowInactive(event.target.checked)}
                data-size="sm"
              />
            </div>
          </div>
          {isSearching && (
            <Paragraph data-size="sm">
              {t('organisation.matches', { count: filtered.matches.size })}
            </Paragraph>
          )}
          {filtered.items.length > 0 ? (
            <UnitTreeView
              items={filtered.items}
              expanded={shown}
              onToggle={toggle}
              matches={filtered.matches}
              query={debouncedQuery}
              label={t('organisation.treeLabel')}
            />
          ) : (
            !isSearching && <Paragraph>{t('organisation.empty')}</Paragraph>
          )}
        </>
      )}
      {isAdding && <AddUnitDialog parentId={root?.id ?? null} onClose={() => setIsAdding(false)} />}
    </>
  );
}
