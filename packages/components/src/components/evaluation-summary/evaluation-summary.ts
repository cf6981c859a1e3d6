import { define } from '../../base/linli-element.js';
import { LinliEvaluationSummary } from './evaluation-summary.component.js';

define('linli-evaluation-summary', LinliEvaluationSummary);

declare global {
  interface HTMLElementTagNameMap {
    'linli-evaluation-summary': LinliEvaluationSummary;
  }
}
export { LinliEvaluationSummary };
