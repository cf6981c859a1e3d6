import type { Service } from '@linli/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { brokenClient, demoData, longTextClient, neverClient } from '../service-directory/story-clients.js';
import './service-guide.js';

interface Args {
  serviceCode: string;
  headingLevel: number;
  contactPhone: string;
}

const services = demoData.services as Service[];
/** A guide with everything: an issuing body other than the window, materials, steps and legal basis. */
const rich = services.find((s) => s.guide.issuedBy && s.guide.materials.length > 1 && s.guide.steps.length > 1 && s.requestable) ?? services[0]!;
const notRequestable = services.find((s) => !s.requestable);

const meta: Meta<Args> = {
  title: 'Components/Service Guide',
  component: 'linli-service-guide',
  tags: ['autodocs'],
  args: { serviceCode: rich.code, headingLevel: 2, contactPhone: '0931-2336000' },
  argTypes: {
    serviceCode: { control: 'select', options: services.map((s) => s.code) },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (a) =>
    html`<linli-service-guide service-code=${a.serviceCode} heading-level=${a.headingLevel} contact-phone=${a.contactPhone}></linli-service-guide>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

/** Embedded under a page's h2: the service name becomes h3 and sections h4. */
export const HeadingLevel3: Story = { args: { headingLevel: 3 } };

/** A service residents cannot file a report about: no 反映问题 button. */
export const NotRequestable: Story = { args: { serviceCode: notRequestable?.code ?? rich.code } };

export const Loading: Story = { render: (a) => html`<linli-service-guide service-code=${a.serviceCode} .client=${neverClient()}></linli-service-guide>` };

export const NotFound: Story = { args: { serviceCode: 'no-such-service' } };

export const Error: Story = {
  render: (a) => html`<linli-service-guide service-code=${a.serviceCode} contact-phone=${a.contactPhone} .client=${brokenClient()}></linli-service-guide>`,
};

export const LongText: Story = {
  render: () => html`<linli-service-guide service-code=${services[0]!.code} .client=${longTextClient()}></linli-service-guide>`,
};

/** The 反映问题 dialog with `<linli-grievance-form>`. */
export const ReportDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-service-guide')!;
    for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('[part="report-button"]'); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="report-button"]')!.click();
  },
};

export const LargeText: Story = { globals: { largeText: 'on' } };
export const TraditionalChinese: Story = { globals: { locale: 'zh-TW' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
