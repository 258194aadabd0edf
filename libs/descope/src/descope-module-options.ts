import type { UpstreamCall } from './observed-fetch';

/** How to reach Descope (or the emulator). */
export interface DescopeModuleOptions {
  projectId: string;
  /** API origin; Descope's default for the project id when left out. */
  baseUrl?: string;
  /** Only for management calls; never logged. */
  managementKey?: string;
  /** Upper bound for every SDK call, in milliseconds. */
  timeoutMs: number;
  /** Called once per HTTP request the SDK makes (for metrics); must not throw. */
  onUpstreamCall?: (call: UpstreamCall) => void;
}
