import { Button, Heading, Link, Paragraph, Switch, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { BreadcrumbNav } from '../../components/breadcrumb-nav';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentSession } from '../auth/use-session';
import { PeopleList } from './components/people-list';
import {
  AddUnitDialog,
  LeaderDialog,
  MoveUnitDialog,
  RenameUnitDialog,
} from './components/unit-dialogs';
import { UnitCounts } from './components/unit-tree-view';
import { useUnit } from './use-organisation';

type OpenDialog = 'rename' | 'move' | 'leader' | 'add' | null;

/** One unit: where it sits, its leaders, sub-units and people; admins change it here. */
export function UnitPage() {
  const { unitId = '' } = useParams();
  // A fresh page (paging, switches) for every unit.
  return <UnitView key={unitId} unitId={unitId} />;
}

function UnitView({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  const unit = useUnit(unitId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [page, setPage] = useState(1);
  const leadersId = useId();
  const subunitsId = useId();
  const peopleId = useId();

  if (unit.isPending) {
    return <LoadingState />;
  }
  if (unit.isError) {
    return (
      <>
        <PageHeading title={t('units.notFoundTitle')} />
        <ProblemAlert error={unit.error} />
      </>
    );
  }
  const detail = unit.data;
  const { unit: current } = detail;
  const close = () => setDialog(null);

  return (
    <>
      <BreadcrumbNav
        label={t('units.pathLabel')}
        items={[
          { to: '/organisation', label: t('organisation.title') },
          ...detail.path.map((item) => ({
            to: `/organisation/units/${item.id}`,
            label: item.name,
          })),
        ]}
        current={current.name}
      />
      <div className="page-header">
        <PageHeading title={current.name} />
      </div>
      <div className="tag-row">
        <Tag data-color="neutral">{t('units.codeTag', { code: current.code })}</Tag>
        {!current.isActive && <Tag data-color="warning">{t('units.inactive')}</Tag>}
        <span className="muted">
          <UnitCounts unit={current} hasChildren={detail.children.length > 0} />
        </span>
      </div>
      {isAdmin && (
        <div className="button-row action-row">
          <Button variant="secondary" data-size="sm" onClick={() => setDialog('rename')}>
            {t('units.actions.rename')}
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => setDialog('move')}>
            {t('units.actions.move')}
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => setDialog('leader')}>
            {t('units.actions.leader')}
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => setDialog('add')}>
            {t('units.actions.addSubunit')}
          </Button>
        </div>
      )}

      <div className="unit-columns">
        <section aria-labelledby={leadersId} className="page-section">
          <Heading level={2} data-size="sm" id={leadersId}>
            {t('units.leaders')}
          </Heading>
          {detail.managers.length > 0 ? (
            <ul className="plain-list">
              {detail.managers.map((manager) => (
                <li key={manager.id}>
                  <Link asChild>
                    <RouterLink to={`/people/${manager.id}`}>{manager.name}</RouterLink>
                  </Link>
                  {manager.jobTitle !== null && (
                    <span className="muted"> · {manager.jobTitle}</span>
                  )}
                  {current.manager?.id === manager.id && (
                    <>
                      {' '}
                      <Tag data-color="info" data-size="sm">
                        {t('units.unitLeader')}
                      </Tag>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('units.noLeaders')}</Paragraph>
          )}
        </section>

        <section aria-labelledby={subunitsId} className="page-section">
          <Heading level={2} data-size="sm" id={subunitsId}>
            {t('units.subunits')}
          </Heading>
          {detail.children.length > 0 ? (
            <ul className="plain-list">
              {detail.children.map((child) => (
                <li key={child.id}>
                  <Link asChild>
                    <RouterLink to={`/organisation/units/${child.id}`}>{child.name}</RouterLink>
                  </Link>{' '}
                  <span className="muted">
                    ({child.code}) · {t('units.counts', { count: child.subtreePeopleCount })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('units.noSubunits')}</Paragraph>
          )}
        </section>
      </div>

      <section aria-labelledby={peopleId} className="page-section">
        <div className="section-header">
          <Heading level={2} data-size="sm" id={peopleId}>
            {t('units.people')}
          </Heading>
          <Link asChild>
            <RouterLink
              to={`/people?unitId=${current.id}${includeSubunits ? '' : '&includeSubunits=false'}`}
            >
              {t('units.openInPeople')}
            </RouterLink>
          </Link>
        </div>
        {detail.children.length > 0 && (
          <Switch
            label={t('units.includeSubunits')}
            checked={includeSubunits}
            onChange={(event) => {
              setIncludeSubunits(event.target.checked);
              setPage(1);
            }}
          />
        )}
        <PeopleList
          filter={{
            unitId: current.id,
            includeSubunits: includeSubunits ? 'true' : 'false',
          }}
          page={page}
          onPageChange={setPage}
          caption={t('units.peopleCaption', { name: current.name })}
          showUnit={includeSubunits && detail.children.length > 0}
        />
      </section>

      {dialog === 'rename' && <RenameUnitDialog detail={detail} onClose={close} />}
      {dialog === 'move' && <MoveUnitDialog detail={detail} onClose={close} />}
      {dialog === 'leader' && <LeaderDialog detail={detail} onClose={close} />}
      {dialog === 'add' && <AddUnitDialog parentId={current.id} onClose={close} />}
    </>
  );
}
