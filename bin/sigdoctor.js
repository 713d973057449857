#!/usr/bin/env node
// Thin launcher: everything lives in the esbuild bundle (built by `npm install` / `npm run build`).
import '../dist/sigdoctor.js';
