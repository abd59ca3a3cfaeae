import { TransportError } from './errors.js';
import { lowerCaseHeaders, type HttpRequest, type StreamHandle, type StreamSink, type Transport } from './transport.js';

export interface FetchTransportOptions {
  /** Defaults to the global fetch (browsers, Node 18+). */
  fetch?: typeof fetch;
  /** `include` to send cookies cross-origin; the gateway authenticates with headers, so `same-origin` is enough. */
  credentials?: RequestCredentials;
}

const headersOf = (response: Response) => {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
};

/** Browsers and Node: POST with fetch; subscriptions read the SSE response body as a stream. */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const init = (request: HttpRequest, signal?: AbortSignal): RequestInit => ({
    method: 'POST',
    headers: lowerCaseHeaders(request.headers),
    body: request.body,
    credentials: options.credentials ?? 'same-origin',
    signal: signal ?? (request.signal as AbortSignal | undefined),
  });

  return {
    async send(request) {
      let response: Response;
      try {
        response = await doFetch(request.url, init(request));
      } catch (error) {
        throw new TransportError(`Could not reach the gateway: ${(error as Error).message}`, undefined, { cause: error });
      }
      return { status: response.status, headers: headersOf(response), body: await response.text() };
    },
    stream(request: HttpRequest, sink: StreamSink): StreamHandle {
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      request.signal?.addEventListener('abort', onAbort);
      const done = (async () => {
        try {
          const response = await doFetch(request.url, init(request, controller.signal));
          sink.head(response.status, headersOf(response));
          if (!response.body) {
            sink.chunk(await response.text());
            return;
          }
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          for (;;) {
            const { value, done: finished } = await reader.read();
            if (finished) break;
            sink.chunk(decoder.decode(value, { stream: true }));
          }
          const rest = decoder.decode();
          if (rest) sink.chunk(rest);
        } catch (error) {
          if (controller.signal.aborted) return;
          throw new TransportError(`The event stream failed: ${(error as Error).message}`, undefined, { cause: error });
        } finally {
          request.signal?.removeEventListener('abort', onAbort);
        }
      })();
      return { done, abort: () => controller.abort() };
    },
  };
}
