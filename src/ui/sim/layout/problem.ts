// Why the sandbox has no scenario to show.
import type { ShareError } from '../../../core/scenario/share';
import type { ScenarioError } from '../../../core/scenario/types';

export type Problem =
  | { kind: 'share'; error: ShareError }
  | { kind: 'preset'; id: string }
  | { kind: 'scenario'; errors: ScenarioError[] };
