#!/usr/bin/env node
// `npm run bench`: runs bench/run.ts from source through tsx's loader, like bin/smtp-sim.mjs.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
