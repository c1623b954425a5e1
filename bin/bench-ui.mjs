#!/usr/bin/env node
// `npm run bench:ui`: runs bench/ui/run.ts from source through tsx's loader, like bin/bench.mjs.
import { register } from 'tsx/esm/api';

register();
await import('../bench/ui/run.ts');
