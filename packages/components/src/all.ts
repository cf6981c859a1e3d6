// Registers every Linli element.
import './components/provider/provider.js';
import './components/evaluation/evaluation.js';
import './components/evaluation-summary/evaluation-summary.js';
import './components/service-directory/service-directory.js';
import './components/service-guide/service-guide.js';
import './components/notice-board/notice-board.js';
import './components/grievance-form/grievance-form.js';
import './components/grievance-tracker/grievance-tracker.js';
