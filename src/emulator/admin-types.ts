import { z } from 'zod';
import type { FaultRule } from './faults.ts';
import type { EmulatorState } from './state.ts';

/** What the admin routes act on; the server provides it. */
export interface AdminTarget {
  state: EmulatorState;
  calls(): Record<string, number>;
  faults(): FaultRule[];
  setFaults(rules: FaultRule[]): void;
  reset(): void;
}

/** An admin route's answer: HTTP status and JSON body. */
export type AdminReply = [status: number, body: unknown];
export type AdminMethod = 'GET' | 'POST' | 'PUT';
export type AdminHandler = (target: AdminTarget, body: Record<string, unknown>) => AdminReply | Promise<AdminReply>;
/** `/__emulator/<path>` → handler per method; each family exports one of these. */
export type AdminRoutes = Record<string, Partial<Record<AdminMethod, AdminHandler>>>;

/** 400 with zod's readable summary of what was wrong with the body. */
export const invalid = (error: z.ZodError): AdminReply => [400, { error: z.prettifyError(error) }];
