import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { LinliServiceDirectory } from './service-directory.component.js';
import './service-directory.js';
import { brokenClient, catalogueClient, emptyClient, longTextClient, neverClient } from './story-clients.js';

interface Args {
  query: string;
  group: string;
  targetGroup: string;
  delivery: string;
  audience: string;
  contactPhone: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the provider's client and the first rows, then returns the directory. */
async function ready(canvas: HTMLElement): Promise<LinliServiceDirectory> {
  const el = canvas.querySelector<LinliServiceDirectory>('linli-service-directory')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('button.open'); i++) await sleep(20);
  return el;
}

const meta: Meta<Args> = {
  title: 'Components/Service Directory',
  component: 'linli-service-directory',
  tags: ['autodocs'],
  args: { query: '', group: '', targetGroup: '', delivery: '', audience: '', contactPhone: '0931-2336000' },
  argTypes: {
    audience: { control: 'inline-radio', options: ['', 'resident', 'business'] },
  },
  render: (a) =>
    html`<linli-service-directory
      query=${a.query}
      group=${a.group}
      target-group=${a.targetGroup}
      delivery=${a.delivery}
      audience=${a.audience}
      contact-phone=${a.contactPhone}
    ></linli-service-directory>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The demo community's catalogue: search as you type (养老, yl, yanglao, elderly), filter, open a guide. */
export const Default: Story = {};

/** Initial filters from attributes: home-visit services for older people. */
export const Filtered: Story = { args: { targetGroup: 'elderly', delivery: 'home-visit' } };

/** Pinyin initials match Chinese names: "yl" finds 养老. */
export const PinyinSearch: Story = { args: { query: 'yl' } };

/** No match: the empty state offers clearing the filters and the community phone. */
export const NoResults: Story = { args: { query: '没有这种服务' } };

export const Loading: Story = { render: () => html`<linli-service-directory .client=${neverClient()}></linli-service-directory>` };

/** A site that has published nothing yet. */
export const Empty: Story = { render: () => html`<linli-service-directory .client=${emptyClient()}></linli-service-directory>` };

export const Error: Story = {
  render: (a) => html`<linli-service-directory .client=${brokenClient()} contact-phone=${a.contactPhone}></linli-service-directory>`,
};

/** 10 000 services: the list is virtualised, so only a window of rows is ever in the page. */
export const TenThousandServices: Story = {
  render: () => html`<linli-service-directory .client=${catalogueClient(10_000)}></linli-service-directory>`,
};

export const LongText: Story = { render: () => html`<linli-service-directory .client=${longTextClient()}></linli-service-directory>` };

/** A service chosen: its 办事指南 inline, with a Back button that returns to the row. */
export const ServiceOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.open')!.click();
  },
};

/** 反映问题: the dialog with `<linli-grievance-form>` for that service. */
export const ReportDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="report-button"]')!.click();
  },
};

export const LargeText: Story = { globals: { largeText: 'on' } };
export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
