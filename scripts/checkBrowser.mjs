#!/usr/bin/env node
// Before the end-to-end tests: say exactly what to install when there is no Chromium to drive.
import { chromium } from '@playwright/test';
import { findBrowser } from './findBrowser.mjs';

const found = findBrowser(chromium.executablePath());
if ('missing' in found) {
  console.error(found.missing);
  process.exit(1);
}
