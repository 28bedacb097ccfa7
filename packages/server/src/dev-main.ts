// Development entry, run from source: npx tsx --conditions=source packages/server/src/dev-main.ts
import './main.js';
