#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run by `prepare` on `npm ci`).
import("../dist/ee.mjs");
