import type { GrievanceReceipt } from '@linli/sdk';
import { define } from '../../base/linli-element.js';
import { LinliGrievanceForm } from './grievance-form.component.js';

define('linli-grievance-form', LinliGrievanceForm);

declare global {
  interface HTMLElementTagNameMap {
    'linli-grievance-form': LinliGrievanceForm;
  }
}

declare module '../../base/linli-element.js' {
  interface LinliEventMap {
    /** The grievance was filed: the receipt with tracking code, access code (查询码) and expected date. */
    'linli-grievance-submit': GrievanceReceipt;
    /** Offline: saved in the device's outbox under this id; `linli-grievance-submit` follows on delivery. */
    'linli-grievance-queued': { outboxId: string };
    /** "Follow progress" on the receipt; wire it to `<linli-grievance-tracker>` (or give the tracker `listen`). */
    'linli-track-request': { trackingCode: string; accessCode: string };
  }
}

export { LinliGrievanceForm };
