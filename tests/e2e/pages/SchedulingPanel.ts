import type { Download, Locator, Page } from 'playwright-core';

/** The Meeting section of a conversation's record (src/ui/screens/conversations/ConversationSchedule.tsx). */
export class SchedulingPanel {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('conversation-scheduling');
  }

  async fill(date: string, time: string, minutes: string): Promise<void> {
    const dateInput = this.root.getByTestId('meeting-date');
    await dateInput.fill(date);
    await dateInput.blur();
    await this.root.getByTestId('meeting-time').fill(time);
    await this.root.getByTestId('meeting-length').fill(minutes);
  }

  scheduleButton = (): Locator => this.root.getByTestId('meeting-schedule');
  message = (): Locator => this.root.getByTestId('meeting-message');
  scheduled = (): Locator => this.root.getByTestId('scheduled-meeting');

  async downloadIcs(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.root.getByTestId('download-ics').click()]);
    return textOf(download);
  }

  async cancel(message: string): Promise<void> {
    await this.root.getByTestId('meeting-cancel-message').fill(message);
    await this.root.getByTestId('meeting-cancel').click();
  }
}

async function textOf(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
