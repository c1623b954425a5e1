// English for the texts the core writes (src/core/text: validation problems, parser details,
// check results, timeline markers): the core's own catalogue with each key under `core.`, so
// that the page says exactly what the CLI prints.
import { CORE_EN, type CoreTextKey } from '../../core/text/english';

export type CoreMessages = { readonly [K in CoreTextKey as `core.${K}`]: string };

export const coreEn = Object.fromEntries(
  Object.entries(CORE_EN).map(([key, text]) => [`core.${key}`, text]),
) as CoreMessages;
