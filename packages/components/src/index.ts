// Side-effect free: classes and helpers only. Import `@linli/components/<name>.js` (or `all.js`) to register tags.
export { LinliElement, define, type LinliEventMap } from './base/linli-element.js';
export { linliContext, type LinliContextValue } from './context/linli-context.js';
export { registerAdapter, adapterFactory, type AdapterFactory, type AdapterFactoryOptions } from './adapters/registry.js';
export { LinliProvider } from './components/provider/provider.component.js';
export { LinliEvaluation } from './components/evaluation/evaluation.component.js';
export { LinliEvaluationSummary } from './components/evaluation-summary/evaluation-summary.component.js';
export { LinliServiceDirectory } from './components/service-directory/service-directory.component.js';
export { LinliServiceGuide } from './components/service-guide/service-guide.component.js';
export { LinliNoticeBoard } from './components/notice-board/notice-board.component.js';
export { LinliGrievanceForm } from './components/grievance-form/grievance-form.component.js';
export { LinliGrievanceTracker } from './components/grievance-tracker/grievance-tracker.component.js';
