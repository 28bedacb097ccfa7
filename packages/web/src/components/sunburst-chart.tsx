import { SunburstChart as EChartsSunburst, type SunburstSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import {
  init,
  use as installEchartsModules,
  type ComposeOption,
  type EChartsType,
} from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';

installEchartsModules([EChartsSunburst, TooltipComponent, SVGRenderer]);

type ChartOption = ComposeOption<SunburstSeriesOption | TooltipComponentOption>;
type SunburstItem = NonNullable<SunburstSeriesOption['data']>[number];
type SunburstLevel = NonNullable<SunburstSeriesOption['levels']>[number];
type SunburstLabel = NonNullable<SunburstItem['label']>;

/** One segment: its weight is `value` (children share their parent's value). */
export interface SunburstDatum {
  id: string;
  name: string;
  value: number;
  /** Fill colour; labels are white unless `labelColour` says otherwise, so keep 4.5:1. */
  colour: string;
  /** Label colour for this segment (default white). */
  labelColour?: string;
  /** Plain text for the hover tooltip. */
  tooltip: string;
  children: SunburstDatum[];
}

interface SunburstChartProps {
  data: readonly SunburstDatum[];
  /** The segment drilled into, or null for the whole wheel. */
  rootId: string | null;
  /** Called when the chart itself drills (a click on a segment or on the centre). */
  onRootChange: (id: string | null) => void;
  ariaLabel: string;
  /** Text in the centre circle while drilled in, which drills out when clicked. */
  centreLabel: string;
  /** Keep every ring on narrow screens too (by default they show two at a time). */
  allRings?: boolean;
}

/** The id ECharts gives the tree's root: the series name. */
const ROOT_ID = 'evne-wheel-root';
const LABEL_COLOUR = '#ffffff';
const CENTRE_FILL = '#eef1f4';
const CENTRE_TEXT = '#1e2b3c';
const OUTER_RADIUS = 0.96;
const FONT = "'Inter Variable', Inter, system-ui, sans-serif";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function treeHeight(items: readonly SunburstDatum[]): number {
  return items.reduce((max, item) => Math.max(max, 1 + treeHeight(item.children)), 0);
}

function findPath(items: readonly SunburstDatum[], id: string): SunburstDatum[] {
  for (const item of items) {
    if (item.id === id) {
      return [item];
    }
    const below = findPath(item.children, id);
    if (below.length > 0) {
      return [item, ...below];
    }
  }
  return [];
}

type Ring = readonly [inner: number, outer: number];

/**
 * Where each ring sits, as fractions of the outer radius. The whole wheel has a small hole and a
 * wider area ring; drilled in, ECharts draws a "back" disc of one ring's share in the centre.
 */
function ringBounds(rings: number, drilled: boolean): Ring[] {
  const distribute = (from: number, weights: readonly number[]): Ring[] => {
    const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
    let cursor = from;
    return weights.map((weight) => {
      const start = cursor;
      cursor += ((1 - from) * weight) / total;
      return [start, cursor] as const;
    });
  };
  if (drilled) {
    const centre = 1 / Math.max(rings, 1);
    const weights = Array.from({ length: rings - 1 }, (_, index) => (index === 0 ? 0.6 : 1));
    return [[0, centre], ...distribute(centre, weights)];
  }
  const weights = Array.from({ length: rings }, (_, index) => (index === 0 ? 1.25 : 1));
  return distribute(rings > 1 ? 0.16 : 0.3, weights);
}

/**
 * Label settings for every segment, from the geometry ECharts will use. Wide arcs get
 * tangential text, narrow ones radial text, and labels that cannot fit are hidden (the tooltip
 * and the list beside the chart still name them).
 */
function withLabels(
  data: readonly SunburstDatum[],
  rootPath: readonly SunburstDatum[],
  rings: readonly Ring[],
  size: number,
): SunburstItem[] {
  const radius = (size / 2) * OUTER_RADIUS;
  const baseFont = size >= 520 ? 13 : size >= 400 ? 11 : 10;
  const viewRoot = rootPath[rootPath.length - 1];
  const rootTotal = viewRoot ? viewRoot.value : data.reduce((sum, item) => sum + item.value, 0);

  const label = (item: SunburstDatum, ring: number): SunburstLabel => {
    const bounds = rings[ring];
    if (!bounds) {
      return { show: false };
    }
    const inner = bounds[0] * radius;
    const outer = bounds[1] * radius;
    const thickness = outer - inner;
    const angle = (item.value / (rootTotal || 1)) * Math.PI * 2;
    const arc = Math.min(angle, Math.PI * 0.75) * ((inner + outer) / 2);
    const tangential = arc >= thickness * 1.1;
    const longestWord = Math.max(...item.name.split(/\s+/).map((word) => word.length));
    const wanted = ring === 0 || (viewRoot !== undefined && ring === 1) ? baseFont + 1 : baseFont;
    const across = tangential ? thickness * 0.8 : arc * 0.8;
    let along = tangential ? arc * 0.86 : thickness * 0.86;
    let fontSize = Math.max(9, Math.min(wanted, Math.floor(along / (longestWord * 0.6))));
    if (tangential) {
      // Straight text on a curved ring: keep the ends of its outermost line inside the ring.
      const middle = (inner + outer) / 2;
      const textWidth = item.name.length * 0.6 * fontSize;
      const linesNeeded = Math.min(
        Math.ceil(textWidth / Math.max(along, 1)),
        Math.max(1, Math.floor(across / (fontSize + 3))),
      );
      const outerLine = middle + (linesNeeded * (fontSize + 3)) / 2;
      const chord = 2 * Math.sqrt(Math.max(0, outer * outer - outerLine * outerLine)) * 0.95;
      along = Math.min(along, chord);
      fontSize = Math.max(9, Math.min(fontSize, Math.floor(along / (longestWord * 0.6))));
    }
    // (Text shrinks down to 9 px before a long word such as "Kravformulering" has to break.)
    const lineHeight = fontSize + 3;
    const lines = Math.floor(across / lineHeight);
    const isMainRing = ring === (viewRoot ? 1 : 0);
    const wordsFit = longestWord * 0.6 * fontSize <= along;
    if (lines < 1 || along < 28 || (!wordsFit && !isMainRing)) {
      return { show: false };
    }
    return {
      show: true,
      color: item.labelColour ?? LABEL_COLOUR,
      fontSize,
      lineHeight,
      rotate: tangential ? 'tangential' : 'radial',
      overflow: 'break',
      width: Math.floor(along),
      // The main ring's names are never cut; elsewhere text stops at the segment's edge.
      ...(isMainRing ? {} : { height: lines * lineHeight, lineOverflow: 'truncate' as const }),
    };
  };

  // Rings beyond the last one are left out (narrow screens show two at a time; drill in for more).
  const convert = (item: SunburstDatum, ring: number): SunburstItem => ({
    id: item.id,
    name: item.name,
    value: item.value,
    itemStyle: { color: item.colour },
    label: label(item, ring),
    children: ring + 1 < rings.length ? item.children.map((child) => convert(child, ring + 1)) : [],
  });

  if (!viewRoot) {
    return data.map((item) => convert(item, 0));
  }
  // ECharts keeps the whole tree and draws from the view root down; only that part gets labels.
  const convertPath = (items: readonly SunburstDatum[], depth: number): SunburstItem[] =>
    items.map((item) => {
      if (item.id === viewRoot.id) {
        return convert(item, 1);
      }
      const onPath = rootPath[depth]?.id === item.id;
      return {
        id: item.id,
        name: item.name,
        value: item.value,
        itemStyle: { color: item.colour },
        label: { show: false },
        children: onPath ? convertPath(item.children, depth + 1) : [],
      };
    });
  return convertPath(data, 0);
}

/** ECharts `levels` (indexed by depth from the tree root) that place the rings. */
function levelsFor(
  rings: readonly Ring[],
  rootDepth: number,
  centreLabel: string,
  size: number,
): SunburstLevel[] {
  const percent = (fraction: number) => `${(fraction * OUTER_RADIUS * 100).toFixed(2)}%`;
  const levels: SunburstLevel[] = [
    {
      itemStyle: { color: CENTRE_FILL, borderColor: '#ffffff' },
      label: {
        show: true,
        formatter: centreLabel,
        color: CENTRE_TEXT,
        fontSize: 13,
        fontWeight: 600,
        rotate: 0,
        overflow: 'break',
        width: Math.max(48, (rings[0]?.[1] ?? 0.2) * (size / 2) * 1.5),
      },
    },
  ];
  const firstRing = rootDepth === 0 ? 0 : 1;
  const firstDepth = rootDepth === 0 ? 1 : rootDepth;
  for (let depth = 1; depth < firstDepth; depth += 1) {
    levels.push({});
  }
  rings.slice(firstRing).forEach(([inner, outer]) => {
    levels.push({ radius: [percent(inner), percent(outer)] });
  });
  return levels;
}

function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * An ECharts sunburst drawn as SVG. Clicking a segment drills in and clicking the centre drills
 * out (ECharts' own `rootToNode`); `rootId` drills from outside (the accessible controls).
 * The SVG is one image for assistive technology: the caller supplies the controls and text.
 */
export function SunburstChart({
  data,
  rootId,
  onRootChange,
  ariaLabel,
  centreLabel,
  allRings = false,
}: SunburstChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const onRootChangeRef = useRef(onRootChange);
  const [size, setSize] = useState(0);
  const [isAnimating, setIsAnimating] = useState(false);

  useEffect(() => {
    onRootChangeRef.current = onRootChange;
  }, [onRootChange]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return undefined;
    }
    const chart = init(container, null, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('sunburstroottonode', (payload: unknown) => {
      const id = rootIdOf(payload);
      if (id !== undefined) {
        onRootChangeRef.current(id === ROOT_ID ? null : id);
      }
    });
    // Busy while a drill animates, so that nobody (people or tests) aims at moving segments.
    chart.on('finished', () => setIsAnimating(false));
    const observer = new ResizeObserver(() => {
      chart.resize();
      setSize(Math.min(container.clientWidth, container.clientHeight));
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const rootPath = useMemo(() => (rootId === null ? [] : findPath(data, rootId)), [data, rootId]);

  const tooltips = useMemo(() => {
    const map = new Map<string, string>();
    const visit = (items: readonly SunburstDatum[]) =>
      items.forEach((item) => {
        map.set(item.id, item.tooltip);
        visit(item.children);
      });
    visit(data);
    return map;
  }, [data]);

  const option = useMemo<ChartOption>(() => {
    const viewRoot = rootPath[rootPath.length - 1];
    const maxRings = size < 480 && !allRings ? 2 : Number.POSITIVE_INFINITY;
    const rings = ringBounds(
      viewRoot
        ? Math.min(treeHeight([viewRoot]), maxRings) + 1
        : Math.min(treeHeight(data), maxRings),
      viewRoot !== undefined,
    );
    return {
      animation: !prefersReducedMotion(),
      animationDurationUpdate: 400,
      aria: { enabled: false },
      tooltip: {
        trigger: 'item',
        confine: true,
        textStyle: { fontFamily: FONT },
        formatter: (params) => {
          const id = Array.isArray(params)
            ? undefined
            : (params.data as { id?: unknown } | undefined)?.id;
          const text = typeof id === 'string' ? tooltips.get(id) : undefined;
          return text === undefined ? '' : escapeHtml(text);
        },
      },
      series: [
        {
          type: 'sunburst',
          name: ROOT_ID,
          radius: [0, `${OUTER_RADIUS * 100}%`],
          nodeClick: 'rootToNode',
          sort: (a, b) => a.dataIndex - b.dataIndex,
          label: { silent: true, fontFamily: FONT },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          emphasis: { focus: 'none', itemStyle: { borderColor: CENTRE_TEXT, borderWidth: 2 } },
          levels: levelsFor(rings, rootPath.length, centreLabel, size),
          data: withLabels(data, rootPath, rings, size),
        },
      ],
    };
  }, [data, rootPath, size, centreLabel, tooltips, allRings]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || size === 0) {
      return;
    }
    setIsAnimating(true);
    chart.setOption(option, { notMerge: true });
    // A fresh option starts at the whole wheel; go back to where the reader is.
    if (rootPath.length > 0) {
      chart.dispatchAction({
        type: 'sunburstRootToNode',
        targetNodeId: rootPath[rootPath.length - 1]?.id,
      });
    }
  }, [option, rootPath, size]);

  return (
    <div
      ref={containerRef}
      className="sunburst-chart"
      role="img"
      aria-label={ariaLabel}
      aria-busy={isAnimating}
    />
  );
}

function rootIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) {
    return undefined;
  }
  const record = payload as { targetNode?: unknown; targetNodeId?: unknown };
  const node = record.targetNode;
  if (
    typeof node === 'object' &&
    node !== null &&
    'getId' in node &&
    typeof node.getId === 'function'
  ) {
    // ECharts passes its own tree node when the chart drilled itself.
    const id = (node as { getId: () => unknown }).getId();
    return typeof id === 'string' ? id : undefined;
  }
  if (typeof node === 'string') {
    return node;
  }
  return typeof record.targetNodeId === 'string' ? record.targetNodeId : undefined;
}
