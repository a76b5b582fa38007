// FICTIONAL test data: the invented sample review of the Graph store tests, and XSS strings as a participant might type.
// Publishing into a review's private channel over HTTP, against the strict Graph double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, createGraphStorage, graphReportPublisher } from '../../src/adapters/graph';
import { escapeHtml, SIMPLE_UPLOAD_LIMIT } from '../../src/adapters/graph/reports/channel-report-publisher';
import type { Publication } from '../../src/ports/report-publisher';
import { GRAPH_BASE_URL, LSCB_USERS } from '../graph-double';
import { APP_SCOPES, createGraphWorld, setupServer } from '../graph-store/harness';
import { sampleSnapshot } from '../graph-store/sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const XSS = '<img src=x onerror="alert(1)">';

async function channelWorld() {
  const world = await createGraphWorld(server);
  const token = world.double.issueToken({ upn: LSCB_USERS.reviewer, scopes: [...APP_SCOPES, 'ChannelMessage.Send', 'Files.ReadWrite.All'] });
  const storage = createGraphStorage(world.options({ token }));
  expect((await storage.store.createReview(sampleSnapshot({ reviewId: 'rev-avocet', codename: 'Avocet' }).review)).ok).toBe(true);
  const client = createGraphClient({ graphBaseUrl: GRAPH_BASE_URL, getAccessToken: async () => token, sleep: async () => undefined });
  const publisher = graphReportPublisher(client, world.registerSiteId, world.teamId);
  const channel = [...world.double.state.teams.get(world.teamId)!.channels.values()].find((candidate) => candidate.displayName.includes('Avocet'))!;
  return { world, publisher, channel };
}

const publication = (bytes: Uint8Array, overrides: Partial<Publication> = {}): Publication => ({
  reviewId: 'rev-avocet',
  stage: 'preliminary',
  stageTitle: 'Preliminary report',
  draftNumber: 1,
  audience: 'restricted',
  document: {
    fileName: 'preliminary-report-draft-1.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes,
    sha256: 'ab'.repeat(32),
  },
  commentsBy: '2026-03-27',
  publishedBy: XSS,
  ...overrides,
});

describe('publishing a report into the review’s private channel', () => {
  it('uploads the file to the channel’s folder and posts one message with it attached, the deadline, and every user text escaped', async () => {
    const { publisher, channel } = await channelWorld();
    const published = await publisher.publish(publication(new Uint8Array([80, 75, 3, 4, 1, 2, 3])));
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    expect(published.value.location).toMatch(/preliminary-report-draft-1-abababab\.docx$/u);
    expect(channel.messages).toHaveLength(1);
    const message = channel.messages[0]!;
    expect(message.body.contentType).toBe('html');
    expect(message.body.content).toContain('27 March 2026');
    expect(message.body.content).toContain(escapeHtml(XSS));
    expect(message.body.content).not.toContain('<img');
    expect(message.attachments).toEqual([
      expect.objectContaining({ contentType: 'reference', contentUrl: published.value.location, name: 'preliminary-report-draft-1-abababab.docx' }),
    ]);
    const listed = await publisher.listPublished('rev-avocet');
    expect(listed.ok && listed.value.map((version) => version.location)).toEqual([published.value.location]);
  });

  it('sends a file over 4 MB through an upload session', async () => {
    const { world, publisher, channel } = await channelWorld();
    const big = new Uint8Array(SIMPLE_UPLOAD_LIMIT + 1024).fill(7);
    const published = await publisher.publish(publication(big, { document: { ...publication(big).document, sha256: 'cd'.repeat(32) } }));
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    expect(channel.messages).toHaveLength(1);
    const log = world.double.requests.map((entry) => `${entry.method} ${entry.path}`);
    expect(log.some((line) => line.includes('createUploadSession'))).toBe(true);
    expect(log.some((line) => /^PUT .*:\/content/u.test(line))).toBe(false);
  });

  it('escapes every character that could open markup', () => {
    expect(escapeHtml(`<script>alert('x')</script> & "q"`)).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;');
  });
});
