import type { Actor, CampaignOverview, Locale, OverviewQuery } from '@evne/core';
import type { Clock } from '../adapters/clock.js';
import { overviewPdf } from './overview-export-pdf.js';
import { competenceTable, tableCsv } from './overview-export-tables.js';
import { exportFormat, exportTexts } from './overview-export-texts.js';
import { overviewXlsx } from './overview-export-xlsx.js';
import type { OverviewService } from './overview.service.js';

export type OverviewExportFormat = 'xlsx' | 'csv' | 'pdf';

export interface OverviewExportFile<Body extends Buffer | string = Buffer | string> {
  contentType: string;
  /** ASCII only: campaign and unit. */
  fileName: string;
  /** The same with the names as written, for `filename*`. */
  fileNameUtf8: string;
  body: Body;
}

/**
 * Downloads of the overview. Each is made from the `CampaignOverview` that the overview service
 * returns for the same actor and query, and from nothing else: the access rules, the disclosure
 * decision and every hidden figure are the screen's by construction.
 */
export interface OverviewExportService {
  xlsx(actor: Actor, campaignId: string, query: OverviewQuery): Promise<OverviewExportFile<Buffer>>;
  csv(actor: Actor, campaignId: string, query: OverviewQuery): Promise<OverviewExportFile<string>>;
  pdf(actor: Actor, campaignId: string, query: OverviewQuery): Promise<OverviewExportFile<Buffer>>;
}

const CONTENT_TYPES: Record<OverviewExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  Æ: 'Ae',
  ø: 'oe',
  Ø: 'Oe',
  å: 'aa',
  Å: 'Aa',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ŋ: 'n',
  Ŋ: 'N',
  ŧ: 't',
  Ŧ: 'T',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  œ: 'oe',
  Œ: 'Oe',
};

/** Lowercase ASCII letters, digits and hyphens: æøå spelt out, other accents dropped. */
export function asciiSlug(value: string, fallback: string): string {
  const slug = value
    .replace(/[æÆøØåÅßđĐðÐŋŊŧŦþÞłŁœŒ]/g, (char) => TRANSLITERATIONS[char] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** A file name as written, without what file systems refuse. */
function safeName(value: string): string {
  return value
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .trim()
    .slice(0, 120);
}

export function overviewFileNames(
  overview: CampaignOverview,
  format: OverviewExportFormat,
): { fileName: string; fileNameUtf8: string } {
  const campaign = asciiSlug(overview.campaign.name, 'campaign');
  const unit = asciiSlug(overview.unit.name, 'unit');
  return {
    fileName: `${campaign}-${unit}.${format}`,
    fileNameUtf8: `${safeName(overview.campaign.name)} - ${safeName(overview.unit.name)}.${format}`,
  };
}

export function createOverviewExportService(deps: {
  overview: OverviewService;
  clock: Clock;
}): OverviewExportService {
  /** The overview exactly as the screen gets it, with the words and numbers of its language. */
  const prepare = async (actor: Actor, campaignId: string, query: OverviewQuery) => {
    const overview = await deps.overview.overview(actor, campaignId, query);
    const locale: Locale = query.locale ?? 'da';
    return {
      overview,
      locale,
      texts: exportTexts(locale),
      format: exportFormat(locale),
      generatedAt: deps.clock.now(),
    };
  };
  const file = <Body extends Buffer | string>(
    overview: CampaignOverview,
    format: OverviewExportFormat,
    body: Body,
  ): OverviewExportFile<Body> => ({
    contentType: CONTENT_TYPES[format],
    ...overviewFileNames(overview, format),
    body,
  });
  return {
    async xlsx(actor, campaignId, query) {
      const { overview, texts, format, generatedAt } = await prepare(actor, campaignId, query);
      return file(overview, 'xlsx', await overviewXlsx(overview, { texts, format, generatedAt }));
    },
    async csv(actor, campaignId, query) {
      const { overview, texts, format } = await prepare(actor, campaignId, query);
      const table = competenceTable(overview, texts);
      return file(overview, 'csv', tableCsv(table, { k: overview.threshold, format }));
    },
    async pdf(actor, campaignId, query) {
      const prepared = await prepare(actor, campaignId, query);
      return file(prepared.overview, 'pdf', await overviewPdf(prepared.overview, prepared));
    },
  };
}
