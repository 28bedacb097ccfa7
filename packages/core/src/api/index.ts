export * from './contract.js';
export * from './auth.api.js';
export * from './frameworks.api.js';
export * from './organisation.api.js';
export * from './role-profiles.api.js';
export * from './campaigns.api.js';
export * from './respond.api.js';
export * from './overview.api.js';
