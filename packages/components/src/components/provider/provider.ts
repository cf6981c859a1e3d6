import { define } from '../../base/linli-element.js';
import { LinliProvider } from './provider.component.js';

define('linli-provider', LinliProvider);

declare global {
  interface HTMLElementTagNameMap {
    'linli-provider': LinliProvider;
  }
}
export { LinliProvider };
