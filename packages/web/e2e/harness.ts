// Shared set-up for the browser tests: the real server (in-process, fresh PGlite) in a temp
// data dir, headless Chromium and an axe-core runner.
// Needs `npm run build -w @evne/web` first; `npm run test:e2e` does both.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer } from '@evne/server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(WEB_DIR, 'dist');
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export const ADMIN_EMAIL = 'admin@demo.evne.local';
export const ADMIN_PASSWORD = 'demo-password-123';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string | undefined }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and returns the serious and critical violations. */
export async function seriousViolations(page: Page, where?: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  });
  const serious = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (serious.length > 0) {
    const label = where === undefined ? 'axe violations:' : `axe violations on ${where}:`;
    console.error(label, JSON.stringify(serious, null, 2));
  }
  return serious;
}

export interface Evne {
  baseUrl: string;
  /** Closes the server and removes its temp data dir. */
  stop(): Promise<void>;
}

/** Checks the web app is built, then starts the real server on a free port in a fresh temp data dir. */
export async function startEvne(prefix: string): Promise<Evne> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${path.join(distDir, 'index.html')} is missing). Run \`npm run build -w @evne/web\` before the e2e tests.`,
    );
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  try {
    const config = loadConfig({
      EVNE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      EVNE_DEMO_PASSWORD: ADMIN_PASSWORD,
      EVNE_WEB_DIST: distDir,
      LOG_LEVEL: 'warn',
    });
    const server = await startServer(config, () => {});
    const address = server.app.server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      async stop() {
        try {
          await server.close();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Launches the system's headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Registers the suite's set-up and clean-up: a server with the demo organisation and Chromium.
 * `newPage` opens a page in a fresh Danish browser context; everything closes after the suite.
 */
export function useEvneInBrowser(prefix: string): {
  baseUrl: () => string;
  newPage: (viewport: { width: number; height: number }) => Promise<Page>;
} {
  let evne: Evne | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    evne = await startEvne(prefix);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await evne?.stop();
  });
  return {
    baseUrl: () => {
      if (!evne) {
        throw new Error('The server did not start');
      }
      return evne.baseUrl;
    },
    async newPage(viewport) {
      if (!browser) {
        throw new Error('The browser did not start');
      }
      // A Danish reader: the app starts in Danish from the browser's language.
      const context = await browser.newContext({ locale: 'da-DK', viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error.message));
      return page;
    },
  };
}

/** Signs in as the demo admin through the sign-in page (Danish), landing on the frameworks. */
export async function signInAsDemoAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/frameworks`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(ADMIN_EMAIL);
  await page.getByLabel('Adgangskode').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(/\/frameworks$/);
  await page
    .getByRole('heading', { level: 1, name: /^(Kompetencemodeller|Kompetansemodeller)$/ })
    .waitFor();
}

/** GET a JSON API path with the page's session. */
export async function fetchJson<T>(page: Page, apiPath: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`${url}: ${response.status}`);
    }
    return (await response.json()) as unknown;
  }, apiPath) as Promise<T>;
}
