import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { NetworkError, ValidationError, type LinliClient } from '@linli/sdk';
import { html } from 'lit';
import type { LinliGrievanceForm } from './grievance-form.component.js';
import { brokenClient, clientWith, demoBackend, foreverLoadingClient, offlineClient, unsupportedClient } from './story-clients.js';

type Args = { serviceCode?: string; channel: string; orgUnitId?: string };

/** 路灯报修: a note, a list, text, a number and a question that reveals more. */
const RICH_SERVICE = 'environment.street-light';
const LONG_TEXT = '小区 3 号楼东侧的下水道从上个月开始反复堵塞，污水漫到人行道上，气味很大。老人和孩子经过时容易滑倒。物业来看过两次，说是主管道的问题，需要社区协调市政部门处理。'.repeat(6);

/** Runs `act` once the form has loaded (stories only). */
function whenReady(el: LinliGrievanceForm, act: (el: LinliGrievanceForm) => void | Promise<void>) {
  const started = performance.now();
  const tick = () => {
    if (el.shadowRoot?.querySelector('#f-description')) void act(el);
    else if (performance.now() - started < 10_000) setTimeout(tick, 50);
  };
  setTimeout(tick, 50);
}

function typeInto(el: LinliGrievanceForm, selector: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const fillAndSubmit = (description = '楼道里的灯坏了三天，晚上看不见路，老人上下楼很危险。') => async (el: LinliGrievanceForm) => {
  typeInto(el, '#f-description', description);
  typeInto(el, '#f-address', '幸福路 12 号院 3 号楼 2 单元');
  await el.updateComplete;
  await el.submit();
};

function form(args: Args, options: { client?: LinliClient; act?: (el: LinliGrievanceForm) => void | Promise<void> } = {}) {
  // Each story starts from a clean draft, so stories do not leak into each other.
  sessionStorage.removeItem(`linli:grievance-draft:${args.serviceCode || '*'}`);
  const el = document.createElement('linli-grievance-form');
  if (args.serviceCode) el.serviceCode = args.serviceCode;
  if (args.orgUnitId) el.orgUnitId = args.orgUnitId;
  el.channel = (args.channel || 'web') as LinliGrievanceForm['channel'];
  if (options.client) el.client = options.client;
  if (options.act) whenReady(el, options.act);
  return el;
}

const meta: Meta<Args> = {
  title: 'Components/Grievance Form',
  component: 'linli-grievance-form',
  tags: ['autodocs'],
  args: { channel: 'web' },
  argTypes: {
    serviceCode: { control: 'text', description: 'Fix the topic to one service (its name is shown instead of the select).' },
    channel: { control: 'select', options: ['web', 'app', 'mini-program', 'qr', 'window', 'grid-worker'] },
    orgUnitId: { control: 'text', description: 'The community the report goes to; narrows the grid list.' },
  },
  render: (args) => form(args),
  parameters: {
    docs: {
      description: {
        component:
          '民情反映: topic, the topic’s own questions, description, where (address or grid/building/unit; never a map), optional photos note, anonymity and call-back consent. Validates inline and with an error summary; submits once per draft (idempotency key); works offline with the outbox; ends on a receipt with the tracking code and the 查询码.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

export const FixedService: Story = { args: { serviceCode: RICH_SERVICE } };

export const Loading: Story = { render: (args) => form(args, { client: foreverLoadingClient() }) };

export const LoadError: Story = { render: (args) => form(args, { client: brokenClient() }) };

export const Empty: Story = {
  render: (args) => form(args, { client: clientWith({ listServices: async () => ({ items: [], nextCursor: null, total: 0 }) }) }),
};

export const NotAvailable: Story = { render: (args) => form(args, { client: unsupportedClient() }) };

export const WithErrors: Story = {
  args: { serviceCode: RICH_SERVICE },
  render: (args) =>
    form(args, {
      act: async (el) => {
        typeInto(el, '#f-phone', '12345');
        await el.updateComplete;
        await el.submit();
      },
    }),
};

export const ServerRejects: Story = {
  args: { serviceCode: 'elderly.visiting' },
  render: (args) =>
    form(args, {
      client: clientWith({
        submitGrievance: async () => {
          throw new ValidationError('Invalid grievance.', [
            { path: 'location.text', message: '系统里找不到这个地址，请写上小区和楼号', code: 'custom' },
            { path: 'reporter', message: '该号码今日反映次数过多，请明天再试', code: 'custom' },
          ]);
        },
      }),
      act: fillAndSubmit(),
    }),
};

export const Sending: Story = {
  args: { serviceCode: 'elderly.visiting' },
  render: (args) => form(args, { client: clientWith({ submitGrievance: () => new Promise(() => {}) }), act: fillAndSubmit() }),
};

export const Receipt: Story = {
  args: { serviceCode: 'elderly.visiting' },
  render: (args) => form(args, { client: demoBackend().resident, act: fillAndSubmit() }),
};

export const SavedOffline: Story = {
  args: { serviceCode: 'elderly.visiting' },
  render: (args) => form(args, { client: offlineClient(), act: fillAndSubmit() }),
};

export const NetworkFailure: Story = {
  args: { serviceCode: 'elderly.visiting' },
  render: (args) =>
    form(args, {
      client: clientWith({ submitGrievance: () => Promise.reject(new NetworkError('offline')) }),
      act: fillAndSubmit(),
    }),
};

export const LongText: Story = {
  args: { serviceCode: RICH_SERVICE },
  render: (args) => form(args, { act: (el) => typeInto(el, '#f-description', LONG_TEXT) }),
};

export const LargeText: Story = { args: { serviceCode: RICH_SERVICE }, globals: { largeText: 'on' } };

export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' } };

export const English: Story = { args: { serviceCode: RICH_SERVICE }, globals: { locale: 'en' } };

export const EnglishReceipt: Story = {
  args: { serviceCode: 'elderly.visiting' },
  globals: { locale: 'en' },
  render: (args) => form(args, { client: demoBackend().resident, act: fillAndSubmit('The stairwell light has been broken for three days.') }),
};

export const Dark: Story = { args: { serviceCode: RICH_SERVICE }, globals: { theme: 'dark' } };

/** The form's "follow progress" button feeding a tracker on the same page. */
export const WithTracker: Story = {
  args: { serviceCode: 'elderly.visiting' },
  render: (args) => {
    const { resident } = demoBackend();
    return html`${form(args, { client: resident, act: fillAndSubmit() })}
      <hr />
      <linli-grievance-tracker .client=${resident} listen></linli-grievance-tracker>`;
  },
};
