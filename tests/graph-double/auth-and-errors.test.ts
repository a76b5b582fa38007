import { describe, expect, it } from 'vitest';
import { asRecord, call, errorCode, installGraphDouble } from './test-support';

const harness = installGraphDouble();

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a bearer token', async () => {
    const { tenant } = harness();
    const result = await call('GET', `/sites/${tenant.siteId}`, { token: null });
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('InvalidAuthenticationToken');
    expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 for a malformed or expired token', async () => {
    const { double, tenant } = harness();
    expect((await call('GET', `/sites/${tenant.siteId}`, { token: 'not-a-jwt' })).status).toBe(401);
    const expired = double.issueToken({ upn: 'alex.reviewer@contoso.onmicrosoft.com', expiresInSeconds: -5 });
    const result = await call('GET', `/sites/${tenant.siteId}`, { token: expired });
    expect(result.status).toBe(401);
    expect(asRecord(asRecord(result.body).error).message).toMatch(/expired/);
  });

  it('answers 403 accessDenied when the token lacks the delegated scope, and allows it with the scope', async () => {
    const { double, tenant } = harness();
    const readOnly = double.issueToken({ upn: 'alex.reviewer@contoso.onmicrosoft.com', scopes: ['Sites.ReadWrite.All'] });
    const create = await call('POST', `/sites/${tenant.siteId}/lists`, { token: readOnly, body: { displayName: 'Reviews', list: { template: 'genericList' } } });
    expect(create.status).toBe(403);
    expect(errorCode(create)).toBe('accessDenied');
    expect(double.state.sites.get(tenant.siteId)?.lists.size).toBe(0);

    const manager = double.issueToken({ upn: 'alex.reviewer@contoso.onmicrosoft.com', scopes: ['Sites.Manage.All'] });
    expect((await call('POST', `/sites/${tenant.siteId}/lists`, { token: manager, body: { displayName: 'Reviews' } })).status).toBe(201);
  });

  it.each([
    ['POST', '/teams/{team}/channels', 'Channel.Create'],
    ['POST', '/me/events', 'Calendars.ReadWrite'],
    ['POST', '/me/calendar/getSchedule', 'Calendars.ReadBasic'],
    ['GET', '/me/onlineMeetings/x/transcripts', 'OnlineMeetingTranscript.Read.All'],
    ['PUT', '/sites/{site}/drive/root:/a.txt:/content', 'Files.ReadWrite.All'],
  ])('%s %s needs %s', async (method, template, scope) => {
    const { double, tenant } = harness();
    const path = template.replace('{team}', tenant.teamId).replace('{site}', tenant.siteId);
    const noScopes = double.issueToken({ upn: 'alex.reviewer@contoso.onmicrosoft.com', scopes: ['User.Read'] });
    const result = await call(method, path, { token: noScopes, body: {} });
    expect(result.status).toBe(403);
    expect(asRecord(asRecord(result.body).error).message).toContain(scope);
  });
});

describe('Graph error format and unknown requests', () => {
  it('uses {error:{code,message,innerError:{request-id,date,client-request-id}}} and echoes client-request-id', async () => {
    const { token } = harness();
    const result = await call('GET', '/sites/no-such-site', { token, headers: { 'client-request-id': 'abc-123' } });
    expect(result.status).toBe(404);
    const error = asRecord(asRecord(result.body).error);
    expect(error.code).toBe('itemNotFound');
    expect(typeof error.message).toBe('string');
    const inner = asRecord(error.innerError);
    expect(inner['client-request-id']).toBe('abc-123');
    expect(inner['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(inner.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(result.headers.get('request-id')).toBe(inner['request-id']);
  });

  it('answers 400 "Resource not found for the segment" for unknown paths, never a silent 200', async () => {
    const { token, tenant } = harness();
    const result = await call('GET', `/sites/${tenant.siteId}/widgets`, { token });
    expect(result.status).toBe(400);
    expect(asRecord(asRecord(result.body).error).message).toBe("Resource not found for the segment 'widgets'.");
  });

  it('answers 405 for a known path with the wrong method', async () => {
    const { token, tenant } = harness();
    expect((await call('DELETE', `/sites/${tenant.siteId}`, { token })).status).toBe(405);
  });

  it('refuses query options a route does not implement instead of ignoring them', async () => {
    const { token, tenant } = harness();
    const result = await call('GET', `/sites/${tenant.siteId}/lists?$filter=displayName eq 'x'`, { token });
    expect(result.status).toBe(400);
  });

  it('resolves a site by hostname and server-relative path', async () => {
    const { token, tenant } = harness();
    const result = await call('GET', '/sites/contoso.sharepoint.com:/sites/LSCBCaseReviews', { token });
    expect(result.status).toBe(200);
    expect(asRecord(result.body).id).toBe(tenant.siteId);
    expect((await call('GET', '/sites/contoso.sharepoint.com:/sites/nowhere', { token })).status).toBe(404);
  });
});
