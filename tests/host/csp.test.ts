import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/host/csp';

describe('content security policy', () => {
  it('lets the app reach SharePoint hosts, where upload and download URLs point (ADR 0904)', () => {
    const connect = contentSecurityPolicy().split('; ').find((directive) => directive.startsWith('connect-src '));
    expect(connect?.split(' ')).toEqual(expect.arrayContaining(['https://graph.microsoft.com', 'https://*.sharepoint.com']));
  });
});
