// The 好差评 widget alone, for the size budget: a page that only embeds the rating widget.
import '../components/provider/provider.js';
import '../components/evaluation/evaluation.js';
import '../adapters/http.js';
