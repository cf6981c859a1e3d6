import { define } from '../../base/linli-element.js';
import '../service-guide/service-guide.js';
import { LinliServiceDirectory } from './service-directory.component.js';

define('linli-service-directory', LinliServiceDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'linli-service-directory': LinliServiceDirectory;
  }
}

declare module '../../base/linli-element.js' {
  interface LinliEventMap {
    /** A service was chosen in the directory; cancelable (the default shows its guide inline). */
    'linli-service-select': { service: import('@linli/sdk').Service };
  }
}

export { LinliServiceDirectory };
