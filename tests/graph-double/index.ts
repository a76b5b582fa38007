// Public entry point of the Graph double.
export { createGraphDouble } from './engine/double';
export type { DriveItemSnapshot, GraphDouble, GraphDoubleOptions, IssueTokenOptions, ListItemSnapshot, SeededTeam } from './engine/double';
export { ALL_SCOPES, SCOPES } from './engine/auth';
export type { FaultMatch, FaultRates, FaultSpec, ScriptedFault } from './engine/faults';
export type { GraphDoubleRequest, GraphDoubleResponse, RequestLogEntry } from './engine/types';
export { MAX_BATCH_REQUESTS } from './engine/batch';
export { MULTI_LINE_TEXT_MAX_LENGTH, SINGLE_LINE_TEXT_MAX_LENGTH } from './engine/columns';
export { SIMPLE_UPLOAD_MAX_BYTES } from './engine/drives';
export { HONOR_NON_INDEXED } from './engine/list-items';
export { CHANNEL_NAME_MAX_LENGTH, PRIVATE_CHANNEL_MAX_MEMBERS_AT_CREATION } from './engine/teams';
export { GRAPH_BASE_URL, graphDoubleHandlers } from './front-ends/msw-handlers';
export { startGraphDoubleServer } from './front-ends/node-server';
export type { GraphDoubleServer, GraphDoubleServerOptions } from './front-ends/node-server';
export { LSCB_USERS, seedLscbTenant } from './lscb-fixture';
