/** What `cgi-bin/openapi/quota/get` and `rid/get` read back: calls per path and recent failures by rid. */
export interface RidRecord {
  invokeTime: number;
  costMs: number;
  /** Path and query, without access_token or secret. */
  requestUrl: string;
  responseBody: string;
}

const RID_LIMIT = 10_000;

export class OpsLedger {
  private calls = new Map<string, number>();
  private rids = new Map<string, RidRecord>();

  count(path: string): void {
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
  }

  used(path: string): number {
    return this.calls.get(path) ?? 0;
  }

  remember(rid: string, record: RidRecord): void {
    if (this.rids.size >= RID_LIMIT) this.rids.delete(this.rids.keys().next().value!);
    this.rids.set(rid, record);
  }

  lookup(rid: string): RidRecord | undefined {
    return this.rids.get(rid);
  }
}

export const opsLedger = (state: { domain<T>(name: string, create: () => T): T }) => state.domain('ops', () => new OpsLedger());
