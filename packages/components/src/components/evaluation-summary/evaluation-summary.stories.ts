import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../evaluation/evaluation.js';
import { brokenClient, demoClient, demoData, neverClient, unsupportedClient } from '../evaluation/story-clients.js';
import type { LinliEvaluationSummary } from './evaluation-summary.component.js';
import './evaluation-summary.js';

interface Args {
  orgUnitId: string;
  serviceCode: string;
  targetType: string;
  from: string;
  to: string;
  heading: string;
}

const community = demoData.orgUnits.find((u) => u.level === 'community')!;
const building = demoData.orgUnits.find((u) => u.level === 'building')!;

const meta: Meta<Args> = {
  title: 'Components/EvaluationSummary',
  component: 'linli-evaluation-summary',
  tags: ['autodocs'],
  args: { orgUnitId: '', serviceCode: '', targetType: '', from: '', to: '', heading: '' },
  argTypes: { targetType: { control: 'select', options: ['', 'grievance', 'service', 'staff', 'window', 'org-unit'] } },
  render: (a) =>
    html`<linli-evaluation-summary
      org-unit-id=${a.orgUnitId || nothing}
      service-code=${a.serviceCode || nothing}
      target-type=${a.targetType || nothing}
      from=${a.from || nothing}
      to=${a.to || nothing}
      heading=${a.heading || nothing}
    ></linli-evaluation-summary>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The whole demo community: 好评率, the distribution and the follow-up metrics. */
export const Default: Story = {};

export const OneCommunity: Story = { args: { orgUnitId: community.id, heading: `${community.name['zh-CN']}好差评` } };

/** The chart's table alternative, opened. */
export const AsATable: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<LinliEvaluationSummary>('linli-evaluation-summary')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part=table-toggle]'); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
  },
};

export const Loading: Story = { render: () => html`<linli-evaluation-summary .client=${neverClient()}></linli-evaluation-summary>` };

/** No ratings for this building yet. */
export const Empty: Story = { args: { orgUnitId: building.id } };

export const ErrorWithRetry: Story = { render: () => html`<linli-evaluation-summary .client=${brokenClient()}></linli-evaluation-summary>` };

export const NotOffered: Story = { render: () => html`<linli-evaluation-summary .client=${unsupportedClient()}></linli-evaluation-summary>` };

export const LongHeading: Story = {
  args: { heading: '七里河区西湖街道建西东路社区2026年度便民服务“好差评”情况公示（含整改与回访）', from: '2026-01-01', to: '2026-12-31' },
};

/** Rate with the widget: the figures above change (the summary listens for `linli-evaluation-submit`). */
export const WithTheWidget: Story = {
  render: () => {
    const client = demoClient();
    const service = demoData.services[0]!.code;
    return html`<linli-evaluation-summary .client=${client} service-code=${service}></linli-evaluation-summary>
      <hr />
      <linli-evaluation .client=${client} target-type="service" target-id=${service}></linli-evaluation>`;
  },
};

export const LargeText: Story = { globals: { largeText: 'on' } };
export const English: Story = { globals: { locale: 'en' } };
export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' } };
export const Dark: Story = { globals: { theme: 'dark' } };
