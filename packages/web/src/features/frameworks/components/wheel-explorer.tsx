import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { resolveText, type FrameworkVersion, type NodeKind } from '@evne/core';
import {
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { SunburstChart, type SunburstDatum } from '../../../components/sunburst-chart';
import { readableAreaColour, ringShade } from '../../../lib/colour';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { pathTo, splitByGroup, type TreeItem } from '../framework-tree';

interface WheelExplorerProps {
  version: FrameworkVersion;
  /** Shown under the drill controls (the foundational competences beside the wheel). */
  aside?: ReactNode;
}

function colourMap(items: readonly TreeItem[]): Map<string, string> {
  const colours = new Map<string, string>();
  items.forEach((area, index) => {
    const base = readableAreaColour(area.node.colour, index);
    const paint = (item: TreeItem) => {
      colours.set(item.node.id, ringShade(base, item.depth - 1));
      item.children.forEach(paint);
    };
    paint(area);
  });
  return colours;
}

function levelKey(items: readonly TreeItem[]): NodeKind | 'mixed' {
  const kinds = new Set(items.map((item) => item.node.kind));
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : 'mixed';
}

/**
 * The interactive competence wheel with an accessible twin: a breadcrumb and the current level's
 * segments as buttons. Both drive the same drill state; Escape goes up one level.
 */
export function WheelExplorer({ version, aside }: WheelExplorerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const announce = useAnnounce();
  const [focusId, setFocusId] = useState<string | null>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const listHeadingId = useId();
  const detailsHeadingId = useId();

  const wheel = useMemo(() => splitByGroup(version.nodes).wheel, [version.nodes]);
  const colours = useMemo(() => colourMap(wheel), [wheel]);
  const kindLabel = useCallback((kind: NodeKind) => t(`kinds.${kind}`), [t]);
  const nameOf = useCallback((item: TreeItem) => resolveText(item.node.name, locale), [locale]);

  const data = useMemo<SunburstDatum[]>(() => {
    const convert = (item: TreeItem, share: number): SunburstDatum => {
      const name = nameOf(item);
      return {
        id: item.node.id,
        name,
        value: share,
        colour: colours.get(item.node.id) ?? '#1f5f8b',
        tooltip: `${item.node.code} ${name} (${kindLabel(item.node.kind)})`,
        children: item.children.map((child) => convert(child, share / item.children.length)),
      };
    };
    return wheel.map((item) => convert(item, 1000 / Math.max(wheel.length, 1)));
  }, [wheel, colours, nameOf, kindLabel]);

  const path = useMemo(() => (focusId === null ? [] : pathTo(wheel, focusId)), [wheel, focusId]);
  const focused = path[path.length - 1];
  const segments = focused ? focused.children : wheel;
  const frameworkName = resolveText(version.framework.name, locale);

  const drillTo = useCallback(
    (id: string | null, options: { moveFocus: boolean }) => {
      setFocusId(id);
      const target = id === null ? undefined : pathTo(wheel, id).at(-1);
      announce(
        target
          ? t('wheel.announceDrilled', { name: `${target.node.code} ${nameOf(target)}` })
          : t('wheel.announceTop'),
      );
      if (options.moveFocus) {
        window.requestAnimationFrame(() => listHeadingRef.current?.focus());
      }
    },
    [announce, nameOf, t, wheel],
  );

  const onChartRootChange = useCallback(
    (id: string | null) => {
      if (id !== focusId) {
        drillTo(id, { moveFocus: false });
      }
    },
    [drillTo, focusId],
  );

  const goUp = () => {
    if (!focused) {
      return;
    }
    const parent = path[path.length - 2];
    drillTo(parent ? parent.node.id : null, { moveFocus: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && focused) {
      event.preventDefault();
      goUp();
    }
  };

  if (wheel.length === 0) {
    return <Paragraph>{t('wheel.empty')}</Paragraph>;
  }

  const areaNames = wheel.map((item) => nameOf(item));
  const chartLabel = [
    t('wheel.chartLabel', {
      name: frameworkName,
      count: wheel.length,
      areas: formatList(areaNames, locale),
    }),
    focused ? t('wheel.chartShowing', { name: `${focused.node.code} ${nameOf(focused)}` }) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');

  const level = levelKey(segments);
  const levelName = t(`wheel.levels.${level}`);
  const listHeading = focused
    ? t('wheel.listIn', { kinds: levelName, name: `${focused.node.code} ${nameOf(focused)}` })
    : levelName;

  return (
    <div className="wheel-explorer">
      <div className="wheel-explorer__chart">
        <SunburstChart
          data={data}
          rootId={focusId}
          onRootChange={onChartRootChange}
          ariaLabel={chartLabel}
          centreLabel={t('wheel.centreUp')}
        />
        <Paragraph data-size="sm" className="muted">
          {t('wheel.chartHelp')}
        </Paragraph>
      </div>
      <div className="wheel-explorer__side">
        {/* Escape anywhere in the controls drills out; the buttons are the keyboard route into the chart. */}
        <div className="wheel-nav" onKeyDown={onKeyDown}>
          <nav aria-label={t('wheel.breadcrumbLabel')}>
            <ol className="wheel-crumbs">
              <li>
                <button
                  type="button"
                  className="wheel-crumbs__button ds-focus"
                  aria-current={focused ? undefined : 'location'}
                  onClick={() => drillTo(null, { moveFocus: true })}
                >
                  {t('wheel.allAreas')}
                </button>
              </li>
              {path.map((item, index) => (
                <li key={item.node.id}>
                  <button
                    type="button"
                    className="wheel-crumbs__button ds-focus"
                    aria-current={index === path.length - 1 ? 'location' : undefined}
                    onClick={() => drillTo(item.node.id, { moveFocus: true })}
                  >
                    {item.node.code} {nameOf(item)}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <Heading level={3} data-size="xs" id={listHeadingId} ref={listHeadingRef} tabIndex={-1}>
            {listHeading}
          </Heading>
          {segments.length > 0 ? (
            <ul className="wheel-segments" aria-labelledby={listHeadingId}>
              {segments.map((item) => (
                <li key={item.node.id}>
                  <button
                    type="button"
                    className="wheel-segments__button ds-focus"
                    onClick={() => drillTo(item.node.id, { moveFocus: true })}
                  >
                    <span
                      className="wheel-segments__swatch"
                      style={{ backgroundColor: colours.get(item.node.id) }}
                      aria-hidden="true"
                    />
                    <span className="wheel-segments__text">
                      <span className="wheel-segments__code">{item.node.code}</span> {nameOf(item)}
                      {item.children.length > 0 && (
                        <span className="wheel-segments__count">
                          {' '}
                          {t(`wheel.childCount.${levelKey(item.children)}`, {
                            count: item.children.length,
                          })}
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph data-size="sm">{t('wheel.noChildren')}</Paragraph>
          )}
          {focused && (
            <Button variant="secondary" data-size="sm" onClick={goUp}>
              {t('wheel.up')}
            </Button>
          )}
        </div>
        {focused && (
          <section className="wheel-details" aria-labelledby={detailsHeadingId}>
            <Heading level={3} data-size="xs" id={detailsHeadingId}>
              {focused.node.code} {nameOf(focused)}
            </Heading>
            <div className="tag-row">
              <Tag data-color="neutral">{kindLabel(focused.node.kind)}</Tag>
              {focused.node.isRated && <Tag data-color="info">{t('framework.rated')}</Tag>}
            </div>
            <Paragraph>
              {resolveText(focused.node.description, locale) || t('wheel.noDescription')}
            </Paragraph>
            {focused.node.note && (
              <Paragraph data-size="sm" className="muted">
                {t('framework.sourceNote', { note: resolveText(focused.node.note, locale) })}
              </Paragraph>
            )}
          </section>
        )}
        {aside}
      </div>
    </div>
  );
}
