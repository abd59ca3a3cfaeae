/** One POST to the gateway. Headers are lower-case. */
export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Aborts the request (fetch); mini-program transports abort their task. */
  signal?: AbortSignalLike;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The part of AbortSignal the client uses; mini programs may have no AbortController. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What a streaming response reports as it arrives. */
export interface StreamSink {
  /** The status line and headers, before any chunk. */
  head(status: number, headers: Record<string, string>): void;
  /** Decoded text, in order, split anywhere. */
  chunk(text: string): void;
}

/** A running streamed request: `done` settles when the response ends, fails or is aborted. */
export interface StreamHandle {
  done: Promise<void>;
  abort(): void;
}

/** How the client reaches the gateway: `fetchTransport()` in browsers and Node, `wxTransport(wx)` in mini programs. */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  stream(request: HttpRequest, sink: StreamSink): StreamHandle;
}

export const lowerCaseHeaders = (headers: Record<string, unknown> | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value);
  return out;
};
