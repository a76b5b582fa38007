// Microsoft 365 mode's report publisher: the Word document goes into the review's private channel's files folder
// (so only the channel's members, the review team and participants, can open it), then a channel message announces it
// with the file as a reference attachment and the comment deadline. Every call goes through the one Graph client.
import { FileUpload, LargeFileUploadTask } from '@microsoft/microsoft-graph-client';
import type { Failure } from '../../../domain/failures';
import { formatCalendarDate } from '../../../domain/time';
import { err, ok, type Result } from '../../../domain/result';
import type { Publication, PublishedCopy, PublishedVersion, ReportPublisher } from '../../../ports/report-publisher';
import { failureFromOutcome, responseOf } from '../http/failures';
import type { GraphTransport } from '../http/transport';
import { createGraphContext } from '../options';
import { ReviewRegister } from '../sites/register';

/** Graph's simple upload takes up to 4 MB (driveitem-put-content); larger files need an upload session. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload-session ranges are multiples of 320 KiB (driveitem-createuploadsession). */
const UPLOAD_RANGE_BYTES = 320 * 1024 * 10;
const WHAT_FILE = 'The report file in the review’s channel';
const WHAT_MESSAGE = 'The message to the review’s channel';
export const CHANNEL_DESTINATION = "the review's private channel (its members only)";

export interface ReviewChannel {
  readonly teamId: string;
  readonly channelId: string;
}

export interface ChannelPublisherOptions {
  readonly client: GraphTransport;
  /** The review's private channel, from the review register; an error when the review has none (a dedicated site). */
  readonly channelOf: (reviewId: string) => Promise<Result<ReviewChannel, Failure>>;
}

/** Every text a person wrote is escaped before it goes into the message's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

interface DriveItem {
  readonly id: string;
  readonly name: string;
  readonly webUrl: string;
  readonly eTag: string;
  readonly size?: number;
  readonly createdDateTime?: string;
  readonly parentReference?: { readonly driveId?: string };
}

const asDriveItem = (body: unknown): DriveItem | null => {
  const item = body as Partial<DriveItem> | null;
  return item && typeof item.id === 'string' && typeof item.webUrl === 'string' && typeof item.eTag === 'string' && typeof item.name === 'string'
    ? (item as DriveItem)
    : null;
};

/** The GUID in a drive item's eTag ("{GUID},3"): a reference attachment's id (chatmessage-post, "file attachments"). */
export function attachmentIdOf(eTag: string): string | null {
  return /\{([0-9A-Fa-f-]{36})\}/u.exec(eTag)?.[1]?.toLowerCase() ?? null;
}

/** The announcement: the stage, the deadline for comments, the confidentiality line, and the file. */
export function announcementHtml(publication: Publication, attachmentId: string): string {
  const lines = [
    `<p><strong>${escapeHtml(publication.stageTitle)}, draft ${publication.draftNumber}</strong> has been published by ${escapeHtml(publication.publishedBy)}.</p>`,
    publication.commentsBy
      ? `<p>Please send your comments by <strong>${escapeHtml(formatCalendarDate(publication.commentsBy))}</strong>.</p>`
      : '<p>This is the final public report.</p>',
    publication.audience === 'restricted' ? '<p>Confidential to the participants of this review; do not share.</p>' : '',
    `<attachment id="${escapeHtml(attachmentId)}"></attachment>`,
  ];
  return lines.filter((line) => line !== '').join('');
}

const encodeName = (name: string): string => encodeURIComponent(name);

export function createChannelReportPublisher(options: ChannelPublisherOptions): ReportPublisher {
  const { client } = options;

  async function folderOf(channel: ReviewChannel): Promise<Result<{ driveId: string; folderId: string }, Failure>> {
    const sent = await client.send({
      method: 'GET',
      url: `/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}/filesFolder`,
    });
    const body = responseOf(sent)?.body as { id?: unknown; parentReference?: { driveId?: unknown } } | null;
    const driveId = body?.parentReference?.driveId;
    if (responseOf(sent)?.status !== 200 || typeof body?.id !== 'string' || typeof driveId !== 'string')
      return err(failureFromOutcome(sent, 'The review channel’s files folder'));
    return ok({ driveId, folderId: body.id });
  }

  async function uploadLarge(base: string, name: string, bytes: Uint8Array): Promise<Result<DriveItem, Failure>> {
    const created = await client.send({
      method: 'POST',
      url: `${base}:/${encodeName(name)}:/createUploadSession`,
      json: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
      idempotent: true,
    });
    const session = responseOf(created)?.body as { uploadUrl?: unknown; expirationDateTime?: unknown } | null;
    if (responseOf(created)?.status !== 200 || typeof session?.uploadUrl !== 'string') return err(failureFromOutcome(created, WHAT_FILE));
    const expiry = new Date(typeof session.expirationDateTime === 'string' ? session.expirationDateTime : Date.now() + 3_600_000);
    const task = new LargeFileUploadTask(
      client.client,
      new FileUpload(new Blob([bytes as BlobPart]), name, bytes.length),
      { url: session.uploadUrl, expiry },
      { rangeSize: UPLOAD_RANGE_BYTES },
    );
    let problem: unknown;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      try {
        const result = (attempt === 0 ? await task.upload() : await task.resume()) as { responseBody?: unknown };
        const item = asDriveItem(result.responseBody);
        return item ? ok(item) : err({ kind: 'unavailable', what: WHAT_FILE, detail: 'the upload finished without the file’s details', retryable: true });
      } catch (error) {
        problem = error;
      }
    }
    return err({
      kind: 'unavailable',
      what: WHAT_FILE,
      detail: `the upload did not finish (${problem instanceof Error ? problem.message : String(problem)})`,
      retryable: true,
    });
  }

  async function upload(driveId: string, folderId: string, name: string, bytes: Uint8Array, mediaType: string): Promise<Result<DriveItem, Failure>> {
    const base = `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(folderId)}`;
    if (bytes.length > SIMPLE_UPLOAD_LIMIT) return uploadLarge(base, name, bytes);
    // PUT replaces: a retry after a lost answer never makes a second file.
    const sent = await client.send({ method: 'PUT', url: `${base}:/${encodeName(name)}:/content`, bytes, contentType: mediaType });
    const item = asDriveItem(responseOf(sent)?.body);
    const status = responseOf(sent)?.status;
    return (status === 200 || status === 201) && item ? ok(item) : err(failureFromOutcome(sent, WHAT_FILE));
  }

  return {
    async publish(publication: Publication): Promise<Result<PublishedCopy, Failure>> {
      const channel = await options.channelOf(publication.reviewId);
      if (!channel.ok) return channel;
      const folder = await folderOf(channel.value);
      if (!folder.ok) return folder;
      // The hash in the name keeps each published version as its own file; the same bytes again replace themselves.
      const name = publication.document.fileName.replace(/\.docx$/u, `-${publication.document.sha256.slice(0, 8)}.docx`);
      const uploaded = await upload(folder.value.driveId, folder.value.folderId, name, publication.document.bytes, publication.document.mediaType);
      if (!uploaded.ok) return uploaded;
      const attachmentId = attachmentIdOf(uploaded.value.eTag);
      if (attachmentId === null)
        return err({ kind: 'unavailable', what: WHAT_FILE, detail: 'the file’s eTag carries no id to attach it by', retryable: false });
      // Not idempotent: a lost answer is reported rather than resent, so participants never get the message twice.
      const sent = await client.send({
        method: 'POST',
        url: `/teams/${encodeURIComponent(channel.value.teamId)}/channels/${encodeURIComponent(channel.value.channelId)}/messages`,
        json: {
          subject: `${publication.stageTitle}, draft ${publication.draftNumber}`,
          body: { contentType: 'html', content: announcementHtml(publication, attachmentId) },
          attachments: [{ id: attachmentId, contentType: 'reference', contentUrl: uploaded.value.webUrl, name: uploaded.value.name }],
        },
      });
      if (responseOf(sent)?.status !== 201) return err(failureFromOutcome(sent, WHAT_MESSAGE));
      return ok({ location: uploaded.value.webUrl, destination: CHANNEL_DESTINATION });
    },

    async listPublished(reviewId: string): Promise<Result<PublishedVersion[], Failure>> {
      const channel = await options.channelOf(reviewId);
      if (!channel.ok) return channel;
      const folder = await folderOf(channel.value);
      if (!folder.ok) return folder;
      const sent = await client.send({
        method: 'GET',
        url: `/drives/${encodeURIComponent(folder.value.driveId)}/items/${encodeURIComponent(folder.value.folderId)}/children`,
      });
      const items = (responseOf(sent)?.body as { value?: unknown[] } | null)?.value;
      if (responseOf(sent)?.status !== 200 || !Array.isArray(items)) return err(failureFromOutcome(sent, 'The review channel’s files'));
      return ok(
        items
          .map(asDriveItem)
          .filter((item): item is DriveItem => item !== null && /-draft-\d+-[0-9a-f]{8}\.docx$/u.test(item.name))
          .map((item) => {
            const [, stage = '', draft = '1', hash = ''] = /^(.*)-draft-(\d+)-([0-9a-f]{8})\.docx$/u.exec(item.name) ?? [];
            return {
              location: item.webUrl,
              reviewId,
              stage: stage as PublishedVersion['stage'],
              draftNumber: Number(draft),
              fileName: item.name,
              sha256: hash,
              publishedAt: item.createdDateTime ?? '',
              publishedBy: '',
              sizeBytes: item.size ?? 0,
            };
          })
          .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)),
      );
    },

    async download(location: string): Promise<Result<Uint8Array, Failure>> {
      // A channel file opens in the browser or Teams from its web address, with the person's own access.
      return err({ kind: 'unavailable', what: `Downloading ${location} here`, detail: 'open it from the channel’s files instead', retryable: false });
    },
  };
}

/** The publisher for a tenant: finds each review's private channel in the review register (one request per publication). */
export function graphReportPublisher(client: GraphTransport, registerSiteId: string, teamId: string): ReportPublisher {
  let site: string | undefined;
  const siteId = async (): Promise<Result<string, Failure>> => {
    if (site !== undefined) return ok(site);
    if (!registerSiteId.includes(':/')) return ok((site = registerSiteId));
    const sent = await client.send({ method: 'GET', url: `/sites/${registerSiteId}?$select=id` });
    const id = (responseOf(sent)?.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return err(failureFromOutcome(sent, 'The LSCB team site'));
    return ok((site = id));
  };
  const register = new ReviewRegister(
    createGraphContext({ client, getAccessToken: () => Promise.reject(new Error('the shared client holds the token')), teamId, registerSiteId }),
    siteId,
  );
  return createChannelReportPublisher({
    client,
    channelOf: async (reviewId) => {
      const entry = await register.find(reviewId);
      if (!entry.ok) return entry;
      if (entry.value?.channelId == null) {
        return err({
          kind: 'blocked',
          what: 'Publishing to the review’s channel',
          reasons: ['this review has no private channel (its lists are on a dedicated site), so there is nowhere restricted to publish to'],
        });
      }
      return ok({ teamId, channelId: entry.value.channelId });
    },
  });
}
