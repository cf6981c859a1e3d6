import { expect, fixture, html } from '@open-wc/testing';
import '../src/adapters/memory.js';
import '../src/components/provider/provider.js';
import type { LinliProvider } from '../src/components/provider/provider.component.js';
import { until } from './helpers.js';

describe('linli-provider', () => {
  it('builds a client from adapter="memory" with no backend at all', async () => {
    const el = await fixture<LinliProvider>(html`<linli-provider adapter="memory"></linli-provider>`);
    await until(() => !!el.currentClient);
    const page = await el.currentClient!.services.list({ limit: 5 });
    expect(page.items.length).to.equal(5);
  });

  it('reports an adapter that is not loaded instead of throwing', async () => {
    let reported: unknown;
    const el = await fixture<LinliProvider>(
      html`<linli-provider adapter="nonexistent" @linli-provider-error=${(e: CustomEvent) => (reported = e.detail.error)}></linli-provider>`,
    );
    await until(() => reported !== undefined);
    expect(String(reported)).to.contain('nonexistent');
    expect(el.currentClient).to.equal(undefined);
  });

  it('sets the dark theme and large-text tokens for its children', async () => {
    const el = await fixture<LinliProvider>(html`<linli-provider adapter="memory" theme="dark" large-text><p>x</p></linli-provider>`);
    const style = getComputedStyle(el.querySelector('p')!);
    expect(style.getPropertyValue('--linli-font-scale').trim()).to.equal('1.25');
    expect(style.getPropertyValue('--linli-color-surface').trim()).to.equal('#1b1c1f');
  });
});
