import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { LinliEvaluation } from './evaluation.component.js';
import './evaluation.js';
import { brokenClient, demoData, neverClient, offlineClient, openGrievance, ratedGrievance, resolvedGrievance, unsupportedClient } from './story-clients.js';

interface Args {
  targetType: string;
  targetId: string;
  mode: string;
  required: boolean;
  disabled: boolean;
  compact: boolean;
}

const service = demoData.services[0]!.code;
const widget = (canvas: HTMLElement) => canvas.querySelector<LinliEvaluation>('linli-evaluation')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the widget (the provider builds its client asynchronously), then acts like a resident. */
async function rate(canvas: HTMLElement, level: number, fill: { reason?: boolean; consent?: boolean; phone?: string; comment?: string; submit?: boolean } = {}) {
  const el = widget(canvas);
  await el.updateComplete;
  let root = el.shadowRoot!;
  for (let i = 0; i < 50 && !root.querySelector('[role=radio]'); i++) await sleep(20);
  root.querySelector<HTMLElement>(`[data-level="${level}"]`)!.click();
  await el.updateComplete;
  root = el.shadowRoot!;
  if (fill.reason) root.querySelector<HTMLInputElement>('[name=reasons]')!.click();
  if (fill.consent) root.querySelector<HTMLInputElement>('[name=consent]')!.click();
  const type = (field: HTMLInputElement | HTMLTextAreaElement | null, value?: string) => {
    if (!field || value === undefined) return;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  type(root.querySelector('textarea'), fill.comment);
  type(root.querySelector('#rp'), fill.phone);
  await el.updateComplete;
  if (fill.submit) root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
}

const meta: Meta<Args> = {
  title: 'Components/Evaluation',
  component: 'linli-evaluation',
  tags: ['autodocs'],
  args: { targetType: 'service', targetId: service, mode: 'per-matter', required: false, disabled: false, compact: false },
  argTypes: {
    targetType: { control: 'select', options: ['grievance', 'service', 'staff', 'window', 'org-unit'] },
    mode: { control: 'inline-radio', options: ['per-matter', 'per-visit'] },
  },
  render: (a) =>
    html`<linli-evaluation
      target-type=${a.targetType}
      target-id=${a.targetId}
      mode=${a.mode}
      ?required=${a.required}
      ?disabled=${a.disabled}
      ?compact=${a.compact}
    ></linli-evaluation>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing chosen: the five levels, no level pre-selected. */
export const Default: Story = {};

/** 一事一评 of a resolved grievance, as the tracker embeds it (with the 查询码). */
export const Grievance: Story = {
  render: () => {
    const g = resolvedGrievance();
    return html`<linli-evaluation target-type="grievance" target-id=${g.id} access-code=${g.code}></linli-evaluation>`;
  },
};

export const GoodLevelChosen: Story = { play: ({ canvasElement }) => rate(canvasElement, 4) };

/** A bad level: bad reasons, the 整改 + 回访 promise, optional real name and phone. */
export const BadLevelChosen: Story = {
  render: Grievance.render,
  play: ({ canvasElement }) => rate(canvasElement, 1, { reason: true, consent: true, comment: '楼道灯修了两次还是不亮。' }),
};

/** Submitting: the button says so and a second click does nothing (the loading state). */
export const Submitting: Story = {
  render: () => html`<linli-evaluation .client=${neverClient()} target-id=${service}></linli-evaluation>`,
  play: ({ canvasElement }) => rate(canvasElement, 5, { submit: true }),
};

export const Thanks: Story = { play: ({ canvasElement }) => rate(canvasElement, 5, { reason: true, submit: true }) };

/** A bad rating of a grievance opens a rectification; the phone is masked in the echo. */
export const ThanksAfterBadRating: Story = {
  render: Grievance.render,
  play: ({ canvasElement }) => rate(canvasElement, 2, { reason: true, consent: true, phone: '13812345678', submit: true }),
};

/** 一次一评 at a kiosk: the thank-you offers to rate the next visit. */
export const PerVisit: Story = {
  args: { mode: 'per-visit', targetType: 'window', targetId: 'window-3' },
  play: ({ canvasElement }) => rate(canvasElement, 5, { submit: true }),
};

export const AlreadyRated: Story = {
  render: () => {
    const g = ratedGrievance();
    return html`<linli-evaluation target-type="grievance" target-id=${g.id} access-code=${g.code}></linli-evaluation>`;
  },
  play: ({ canvasElement }) => rate(canvasElement, 3, { submit: true }),
};

export const NotResolvedYet: Story = {
  render: () => {
    const g = openGrievance();
    return html`<linli-evaluation target-type="grievance" target-id=${g.id} access-code=${g.code}></linli-evaluation>`;
  },
  play: ({ canvasElement }) => rate(canvasElement, 3, { submit: true }),
};

/** The server failed: everything typed is kept, with a retry. */
export const ErrorWithRetry: Story = {
  render: () => html`<linli-evaluation .client=${brokenClient()} target-id=${service}></linli-evaluation>`,
  play: ({ canvasElement }) => rate(canvasElement, 2, { comment: '等了一个小时。', submit: true }),
};

export const SavedOffline: Story = {
  render: () => html`<linli-evaluation .client=${offlineClient()} target-id=${service}></linli-evaluation>`,
  play: ({ canvasElement }) => rate(canvasElement, 4, { submit: true }),
};

/** The backend has no evaluations (e.g. Open311): the widget says so instead of failing. */
export const NotOffered: Story = { render: () => html`<linli-evaluation .client=${unsupportedClient()} target-id=${service}></linli-evaluation>` };

export const LongComment: Story = {
  play: ({ canvasElement }) =>
    rate(canvasElement, 1, {
      reason: true,
      comment: '小区东门的路灯坏了快一个月了，'.repeat(14).slice(0, 480),
      phone: '0931-8888888',
    }),
};

/** Inside a host form: no submit button; the form carries `rating`, `rating-comment` … */
export const InAForm: Story = {
  render: () => html`<form name="visit" @submit=${(e: Event) => e.preventDefault()}>
    <linli-evaluation name="rating" required compact target-type="window" target-id="window-3"></linli-evaluation>
    <p><button type="submit">提交表单</button></p>
  </form>`,
};

export const Disabled: Story = { args: { disabled: true } };

export const LargeText: Story = { globals: { largeText: 'on' }, play: ({ canvasElement }) => rate(canvasElement, 2) };
export const English: Story = { globals: { locale: 'en' }, play: ({ canvasElement }) => rate(canvasElement, 2) };
export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' }, play: ({ canvasElement }) => rate(canvasElement, 2) };
export const Dark: Story = { globals: { theme: 'dark' }, play: ({ canvasElement }) => rate(canvasElement, 4) };
