import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/adapters/memory.js';
import '../src/all.js';

setCustomElementsManifest(manifest);

/** Every story renders inside a provider on the in-browser demo backend, in the chosen locale/theme/size. */
const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
  },
  globalTypes: {
    locale: {
      description: 'Locale',
      toolbar: { title: 'Locale', icon: 'globe', items: ['zh-CN', 'zh-TW', 'en'], dynamicTitle: true },
    },
    theme: { description: 'Theme', toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true } },
    largeText: { description: '适老化 large text', toolbar: { title: 'Large text', icon: 'zoom', items: ['off', 'on'], dynamicTitle: true } },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light', largeText: 'off' },
  decorators: [
    (story, { globals, parameters }) => {
      const dark = globals.theme === 'dark';
      if (parameters.linliProvider === false) return html`<div lang=${globals.locale}>${story()}</div>`;
      return html`<div lang=${globals.locale} style="background:${dark ? '#1b1c1f' : 'transparent'};padding:8px">
        <linli-provider adapter="memory" theme=${dark ? 'dark' : 'light'} ?large-text=${globals.largeText === 'on'}>${story()}</linli-provider>
      </div>`;
    },
  ],
};
export default preview;
