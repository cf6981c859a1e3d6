import { define } from '../../base/linli-element.js';
import { LinliServiceGuide } from './service-guide.component.js';

define('linli-service-guide', LinliServiceGuide);

declare global {
  interface HTMLElementTagNameMap {
    'linli-service-guide': LinliServiceGuide;
  }
}

declare module '../../base/linli-element.js' {
  interface LinliEventMap {
    /** A resident wants to report a problem about a service; cancelable (the default opens a grievance dialog). */
    'linli-report-request': { serviceCode: string };
  }
}

export { LinliServiceGuide };
