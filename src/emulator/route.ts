import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorApp, EmulatorState } from './state.ts';

export type AppKind = EmulatorApp['kind'];

/** A non-JSON answer (images, HTML); everything else a handler returns is sent as JSON. */
export class RawReply {
  constructor(
    readonly contentType: string,
    readonly body: Buffer | string,
    readonly status = 200,
    /** Extra response headers (a redirect's location). */
    readonly headers: Record<string, string> = {},
  ) {}
}

export type RouteReply = object | RawReply;

export interface RouteRequest {
  method: string;
  query: URLSearchParams;
  /** The parsed JSON object of a POST route with bodyFormat 'json'; `{}` otherwise. */
  json: Record<string, unknown>;
  rawBody: Buffer;
  /** The request headers (a multipart body needs its content-type boundary). */
  headers: IncomingHttpHeaders;
  state: EmulatorState;
}

interface RouteBase {
  /** Path without the leading slash, e.g. 'cgi-bin/token'. */
  path: string;
  /** POST routes answer 43002 to other methods; GET routes accept any method, as WeChat does. */
  method?: 'GET' | 'POST';
  /** How a POST body is read; 'json' (default) answers 47001 to anything but a JSON object. */
  bodyFormat?: 'json' | 'raw';
}

export interface OpenRoute extends RouteBase {
  auth?: 'none';
  handle(request: RouteRequest): RouteReply | Promise<RouteReply>;
}

export interface TokenRoute extends RouteBase {
  /** `?access_token=` is checked first (41001/40014/40001/42001); the token picks the app. */
  auth: 'access_token';
  /** App kinds allowed to call it; others get 48001. Omitted = every kind. */
  kinds?: AppKind[];
  handle(request: RouteRequest & { app: EmulatorApp }): RouteReply | Promise<RouteReply>;
}

export type RouteDef = OpenRoute | TokenRoute;

/** A string field of a JSON body or query, or undefined when absent or not a string. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
