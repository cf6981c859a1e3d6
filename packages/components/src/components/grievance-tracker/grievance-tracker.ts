import type { PublicGrievance } from '@linli/sdk';
import { define } from '../../base/linli-element.js';
import { LinliGrievanceTracker } from './grievance-tracker.component.js';

define('linli-grievance-tracker', LinliGrievanceTracker);

declare global {
  interface HTMLElementTagNameMap {
    'linli-grievance-tracker': LinliGrievanceTracker;
  }
}

declare module '../../base/linli-element.js' {
  interface LinliEventMap {
    /** The resident replied, disputed or withdrew; `grievance` is the updated public view. */
    'linli-grievance-action': { action: 'reply' | 'dispute' | 'cancel'; grievance: PublicGrievance };
  }
}

export { LinliGrievanceTracker };
