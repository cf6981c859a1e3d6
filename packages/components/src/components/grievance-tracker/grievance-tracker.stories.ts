import { demoData } from '@linli/adapter-memory/demo';
import type { GrievanceStatus, LinliClient } from '@linli/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { brokenClient, demoBackend, demoNow, foreverLoadingClient, unsupportedClient } from '../grievance-form/story-clients.js';
import type { LinliGrievanceTracker } from './grievance-tracker.component.js';

type Args = { trackingCode?: string; accessCode?: string; listen: boolean; remember: boolean };

/** Codes of the newest demo grievance in a status (the backend below runs on the dataset's own clock). */
function codesFor(status: GrievanceStatus): { trackingCode: string; accessCode: string } {
  const g = demoData.grievances.filter((x) => x.status === status && demoData.accessCodes[x.id]).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return g ? { trackingCode: g.trackingCode, accessCode: demoData.accessCodes[g.id]! } : { trackingCode: '', accessCode: '' };
}

function tracker(args: Partial<Args>, client: LinliClient = demoBackend({ now: demoNow }).resident) {
  const el = document.createElement('linli-grievance-tracker') as LinliGrievanceTracker;
  el.client = client;
  el.now = demoNow();
  if (args.trackingCode) el.trackingCode = args.trackingCode;
  if (args.accessCode) el.accessCode = args.accessCode;
  el.listen = Boolean(args.listen);
  el.remember = Boolean(args.remember);
  return el;
}

const meta: Meta<Args> = {
  title: 'Components/Grievance Tracker',
  component: 'linli-grievance-tracker',
  tags: ['autodocs'],
  args: { listen: false, remember: false },
  argTypes: {
    trackingCode: { control: 'text', description: 'Prefill the tracking code; with an access code it loads at once.' },
    accessCode: { control: 'text', description: 'Prefill the access code (查询码).' },
    listen: { control: 'boolean', description: 'Answer `linli-track-request` events from anywhere on the page.' },
    remember: { control: 'boolean', description: 'Keep the last codes in this tab’s sessionStorage (off by default).' },
  },
  render: (args) => tracker(args),
  parameters: {
    docs: {
      description: {
        component:
          'Follow a report with its tracking code and 查询码: status in plain words, steps, history, expected date in working days (holidays and 调休 included), the 好差评 evaluation once handled, and reply / dispute / withdraw.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Submitted: Story = { args: codesFor('submitted') };
export const InProgress: Story = { args: codesFor('in_progress') };
export const AwaitingReporter: Story = { args: codesFor('awaiting_reporter') };
export const Resolved: Story = { args: codesFor('resolved') };
export const Rectifying: Story = { args: codesFor('rectifying') };
export const Closed: Story = { args: codesFor('closed') };
export const Rejected: Story = { args: codesFor('rejected') };
export const Referred: Story = { args: codesFor('referred') };
export const Cancelled: Story = { args: codesFor('cancelled') };
export const NotFound: Story = { args: { trackingCode: 'MQ-261120-ZZZZ', accessCode: 'WRONG123' } };
export const Loading: Story = { args: codesFor('in_progress'), render: (args) => tracker(args, foreverLoadingClient()) };
export const LoadError: Story = { args: codesFor('in_progress'), render: (args) => tracker(args, brokenClient()) };
export const NotAvailable: Story = { render: (args) => tracker(args, unsupportedClient()) };

/** A long description and long staff notes, filed and moved through the workflow when the story opens. */
export const LongText: Story = {
  render: (args) => {
    const { resident, staff } = demoBackend({ now: demoNow });
    const el = tracker(args, resident);
    const long = '小区 3 号楼东侧的下水道从上个月开始反复堵塞，污水漫到人行道上，气味很大。老人和孩子经过时容易滑倒。'.repeat(8);
    void (async () => {
      const receipt = await resident.grievances.submit({ serviceCode: 'elderly.visiting', description: long, location: { kind: 'address', text: '幸福路 12 号院 3 号楼东侧' } });
      const [g] = (await staff.grievances.list({ serviceCode: 'elderly.visiting', limit: 1 })).items;
      await staff.grievances.transition(g!.id, { action: 'accept', note: '已受理。已联系物业和市政排水公司，约定本周内现场查看主管道的情况，查看后会告诉您处理办法。'.repeat(2) });
      el.trackingCode = receipt.trackingCode;
      el.accessCode = receipt.accessCode;
    })();
    return el;
  },
};

export const LargeText: Story = { args: codesFor('awaiting_reporter'), globals: { largeText: 'on' } };
export const TraditionalChinese: Story = { args: codesFor('in_progress'), globals: { locale: 'zh-TW' } };
export const English: Story = { args: codesFor('resolved'), globals: { locale: 'en' } };
export const EnglishLookup: Story = { globals: { locale: 'en' } };
export const Dark: Story = { args: codesFor('in_progress'), globals: { theme: 'dark' } };
