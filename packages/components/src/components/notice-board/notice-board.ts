import { define } from '../../base/linli-element.js';
import { LinliNoticeBoard } from './notice-board.component.js';

define('linli-notice-board', LinliNoticeBoard);

declare global {
  interface HTMLElementTagNameMap {
    'linli-notice-board': LinliNoticeBoard;
  }
}

export { LinliNoticeBoard };
