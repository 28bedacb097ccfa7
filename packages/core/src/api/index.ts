export * from './contract.js';
export * from './auth.api.js';
export * from './frameworks.api.js';
