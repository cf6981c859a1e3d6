import type { Evaluation, EvaluationLevel } from '@linli/sdk';
import { define } from '../../base/linli-element.js';
import { LinliEvaluation } from './evaluation.component.js';

define('linli-evaluation', LinliEvaluation);

declare global {
  interface HTMLElementTagNameMap {
    'linli-evaluation': LinliEvaluation;
  }
}
declare module '../../base/linli-element.js' {
  interface LinliEventMap {
    'linli-evaluation-change': { level: EvaluationLevel };
    /** The saved evaluation (after a self-submit). */
    'linli-evaluation-submit': Evaluation;
  }
}
export { LinliEvaluation };
