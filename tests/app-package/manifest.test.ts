import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_SCOPES, GRAPH_DELEGATED_SCOPES, PRE_DECLARED_SCOPES, SCOPE_CONSENT, SIGN_IN_SCOPES, qualified } from '../../src/host/auth/scopes';

const ROOT = join(import.meta.dirname, '..', '..');
const PACKAGE = join(ROOT, 'appPackage');
// The schema ships inside @microsoft/app-manifest; its main entry needs fs-extra, so the file is read directly.
const schemaPath = (version: string) =>
  join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');

/** The Agents Toolkit fills these in from env/.env.<environment>; the test uses fictional values. */
const PLACEHOLDERS: Record<string, string> = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  AAD_APP_CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  TAB_DOMAIN: 'learning-together.example.org',
  TAB_ENDPOINT: 'https://learning-together.example.org',
  APP_NAME_SUFFIX: '-dev',
};

function manifestText(): string {
  return readFileSync(join(PACKAGE, 'manifest.json'), 'utf8');
}

function substituted(text: string): unknown {
  const filled = text.replace(/\$\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = PLACEHOLDERS[name];
    if (value === undefined) throw new Error(`manifest.json uses an unknown placeholder ${name}`);
    return value;
  });
  return JSON.parse(filled);
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  supportsChannelFeatures?: string;
  showLoadingIndicator?: boolean;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[]; context: string[]; meetingSurfaces?: string[] }>;
  staticTabs: Array<{ scopes: string[]; contentUrl: string }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string; nestedAppAuthInfo?: Array<{ redirectUri: string; scopes: string[] }> };
  authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
  icons: { color: string; outline: string };
}

function validator(version: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath(version), 'utf8')) as object);
}

describe('Teams app manifest', () => {
  const manifest = substituted(manifestText()) as Manifest;
  const version = manifest.manifestVersion;
  const validate = validator(version);

  it('validates offline against the schema bundled for its version', () => {
    expect(manifest.$schema.startsWith('https://developer.microsoft.com/json-schemas/teams/')).toBe(true);
    expect(manifest.$schema).toContain(`/v${version}/`);
    expect(Number(version)).toBeGreaterThanOrEqual(1.25);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked for real: the same schema rejects an unknown tab context and a missing icon', () => {
    const broken = structuredClone(manifest);
    broken.configurableTabs[0]?.context.push('meetingBackstage');
    expect(validate(broken)).toBe(false);
    const noIcon = structuredClone(manifest) as Partial<Manifest>;
    delete noIcon.icons;
    expect(validate(noIcon)).toBe(false);
  });

  it('declares the channel, chat and meeting surfaces, the personal tab and channel features', () => {
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(manifest.showLoadingIndicator).toBe(true);
    const tab = manifest.configurableTabs[0];
    expect(tab?.scopes.sort()).toEqual(['groupChat', 'team']);
    expect(tab?.context.sort()).toEqual(['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage', 'privateChatTab']);
    expect(tab?.meetingSurfaces?.sort()).toEqual(['sidePanel', 'stage']);
    expect(tab?.configurationUrl).toBe(`${PLACEHOLDERS.TAB_ENDPOINT}/index.html#/config`);
    expect(manifest.staticTabs.some((staticTab) => staticTab.scopes.includes('personal'))).toBe(true);
  });

  it('can share to the stage (RSC) and keeps every tab URL inside validDomains', () => {
    const rsc = manifest.authorization.permissions.resourceSpecific.map((permission) => permission.name);
    expect(rsc).toContain('MeetingStage.Write.Chat');
    const urls = [...manifest.configurableTabs.map((tab) => tab.configurationUrl), ...manifest.staticTabs.map((tab) => tab.contentUrl)];
    for (const url of urls) expect(manifest.validDomains).toContain(new URL(url).hostname);
  });

  it('prefetches exactly the sign-in request (nothing more), in the same order, for the NAA redirect origin', () => {
    const naa = manifest.webApplicationInfo.nestedAppAuthInfo?.[0];
    expect(naa?.redirectUri).toBe(`brk-multihub://${PLACEHOLDERS.TAB_DOMAIN}`);
    // nestedAppAuthInfo: "Order must match that of the proceeding NAA request in the app" (ADR 0903, 0906).
    expect(naa?.scopes).toEqual(qualified(SIGN_IN_SCOPES));
    expect(manifest.webApplicationInfo.id).toBe(PLACEHOLDERS.AAD_APP_CLIENT_ID);
  });
});

describe('App registration (aad.manifest.json): the permissions declared ahead of use', () => {
  const registration = JSON.parse(readFileSync(join(ROOT, 'aad.manifest.json'), 'utf8')) as {
    requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
  };
  const declared = registration.requiredResourceAccess.flatMap((resource) => resource.resourceAccess.map((access) => access.id));

  it('declares the sign-in permissions and every permission only an administrator can grant, as delegated scopes', () => {
    expect(registration.requiredResourceAccess.map((resource) => resource.resourceAppId)).toEqual(['Microsoft Graph']);
    expect(registration.requiredResourceAccess[0]?.resourceAccess.every((access) => access.type === 'Scope')).toBe(true);
    expect([...declared].sort()).toEqual([...PRE_DECLARED_SCOPES].sort());
    for (const scope of SIGN_IN_SCOPES) expect(declared).toContain(scope);
    const adminOnly = Object.entries(SCOPE_CONSENT).flatMap(([scope, consent]) => (consent === 'admin' ? [scope] : []));
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const scope of adminOnly) expect(declared).toContain(scope);
  });

  it('leaves out what a person grants themselves (asked for when first used) and anything the app never asks for', () => {
    const askable = new Set<string>(Object.values(CAPABILITY_SCOPES).flatMap((capability) => [...capability.scopes]));
    for (const scope of declared) expect(askable.has(scope)).toBe(true);
    for (const scope of askable) expect(Object.keys(GRAPH_DELEGATED_SCOPES)).toContain(scope as string);
    expect(declared).not.toContain('Files.ReadWrite.All');
    expect(declared).not.toContain('Calendars.ReadWrite');
    expect(declared).not.toContain('Sites.Manage.All');
    expect(declared.length).toBeLessThan(Object.keys(GRAPH_DELEGATED_SCOPES).length);
  });

  it('names in README, for each permission, whether it is declared or asked for when first used', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const scope of Object.keys(GRAPH_DELEGATED_SCOPES)) {
      // The first cell names the scope; a formatter may pad the cells, which Markdown ignores.
      const row = readme.split('\n').find((line) => line.split('|')[1]?.trim() === `\`${scope}\``);
      expect(row, `README permissions row for ${scope}`).toBeDefined();
      expect(row).toContain(PRE_DECLARED_SCOPES.includes(scope) ? 'Declared' : 'When first used');
    }
  });
});

describe('Teams app icons', () => {
  const read = (name: string) => PNG.sync.read(readFileSync(join(PACKAGE, name)));
  const alphaAt = (png: PNG, x: number, y: number) => png.data[(y * png.width + x) * 4 + 3] ?? -1;

  it('has a 192×192 colour icon, fully opaque', () => {
    const color = read('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    let transparent = 0;
    for (let index = 3; index < color.data.length; index += 4) if ((color.data[index] ?? 0) < 255) transparent += 1;
    expect(transparent).toBe(0);
  });

  it('has a 32×32 outline icon: white on a transparent background', () => {
    const outline = read('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect([alphaAt(outline, 0, 0), alphaAt(outline, 31, 0), alphaAt(outline, 0, 31), alphaAt(outline, 31, 31)]).toEqual([0, 0, 0, 0]);
    let drawn = 0;
    for (let index = 0; index < outline.data.length; index += 4) {
      if ((outline.data[index + 3] ?? 0) === 0) continue;
      drawn += 1;
      expect([outline.data[index], outline.data[index + 1], outline.data[index + 2]]).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(50);
  });
});
