#!/usr/bin/env node
// Regenerates src/generated/search-terms.ts from the service catalogue, using pinyin-pro (a dev
// dependency only: the published package ships the precomputed terms, not the pinyin table).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { computeSearchTerms, renderSearchTermsModule } from './search-terms-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Vite's module runner loads the TypeScript catalogue without a build step.
const { module } = await runnerImport('/src/services/index.ts', { root, configFile: false, logLevel: 'error' });
const target = new URL('../src/generated/search-terms.ts', import.meta.url);
writeFileSync(target, renderSearchTermsModule(computeSearchTerms(module.serviceSpecs)));
console.log(`wrote ${fileURLToPath(target)} (${module.serviceSpecs.length} services)`);
