import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_NOW, brokenClient, demoClient, emptyClient, longTextClient, neverClient } from '../service-directory/story-clients.js';
import type { LinliNoticeBoard } from './notice-board.component.js';
import './notice-board.js';

interface Args {
  category: string;
  orgUnitId: string;
  limit: number;
  mode: 'list' | 'kiosk';
  interval: number;
}

const now = new Date(DEMO_NOW);

const meta: Meta<Args> = {
  title: 'Components/Notice Board',
  component: 'linli-notice-board',
  tags: ['autodocs'],
  args: { category: '', orgUnitId: '', limit: 50, mode: 'list', interval: 12 },
  argTypes: {
    category: { control: 'select', options: ['', 'party-affairs', 'resident-affairs', 'government-affairs', 'finance', 'policy', 'event', 'emergency', 'service'] },
    mode: { control: 'inline-radio', options: ['list', 'kiosk'] },
  },
  // The demo's notices are dated around DEMO_NOW; a client and clock pinned to it keep the 公示 windows open.
  render: (a) =>
    html`<linli-notice-board
      category=${a.category}
      org-unit-id=${a.orgUnitId}
      limit=${a.limit}
      mode=${a.mode}
      interval=${a.interval}
      .now=${now}
      .client=${demoClient()}
    ></linli-notice-board>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

/** The 政务 tab: the 低保 公示 with its countdown and objection channel, expanded. */
export const PublicityOpen: Story = {
  args: { category: 'government-affairs' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<LinliNoticeBoard>('linli-notice-board')!;
    for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('[part="toggle"]'); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
  },
};

export const Emergency: Story = { args: { category: 'emergency' } };

/** Kiosk / LED screen: one notice at a time, rotating every `interval` seconds, with pause, previous and next. */
export const Kiosk: Story = { args: { mode: 'kiosk', interval: 8 } };

export const Loading: Story = { render: () => html`<linli-notice-board .client=${neverClient()}></linli-notice-board>` };
export const Empty: Story = { render: () => html`<linli-notice-board .client=${emptyClient()}></linli-notice-board>` };
export const Error: Story = { render: () => html`<linli-notice-board .client=${brokenClient()}></linli-notice-board>` };
export const LongText: Story = { render: () => html`<linli-notice-board .now=${now} .client=${longTextClient()}></linli-notice-board>` };

export const LargeText: Story = { globals: { largeText: 'on' } };
export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const KioskEnglishDark: Story = { args: { mode: 'kiosk' }, globals: { locale: 'en', theme: 'dark' } };
