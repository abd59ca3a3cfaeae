import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Cluster, Redis } from 'ioredis';
import { quit, settle, subscriberOf } from './redis.ts';

/**
 * Pub/sub for live events (GraphQL subscriptions). In process by default; with Redis (the
 * store's client publishes, one more connection subscribes) every instance's subscribers see
 * what any instance publishes.
 */
export interface EventBus<T> {
  readonly kind: 'memory' | 'redis';
  /** Resolves once the event is handed to every local subscriber, or accepted by Redis; throws otherwise. */
  publish(channel: string, payload: T): Promise<void>;
  /** Events published on `channel` from now on; ends when the caller returns or the bus closes. */
  subscribe(channel: string): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

export interface EventBusOptions {
  /** The store's Redis client: publishes, and is duplicated once for subscribing. */
  redis?: Redis | Cluster;
  /** Channel prefix, so deployments (and test runs) sharing one Redis never hear each other. */
  prefix?: string;
  onError?: (error: Error) => void;
  /** Events kept for a subscriber that reads slower than they arrive; the oldest are dropped past it. */
  bufferSize?: number;
}

interface Target {
  addEventListener(type: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(type: string, listener: (event: CustomEvent) => void): void;
}

export async function createEventBus<T>(options: EventBusOptions = {}): Promise<EventBus<T>> {
  const prefix = options.prefix ?? 'wgql';
  const onError = options.onError ?? (() => {});
  const bufferSize = options.bufferSize ?? 256;
  const topic = (channel: string) => `${prefix}:events:${channel}`;
  const live = new Set<Repeater<T>>();

  // yoga's createPubSub shares one `repeaterBuffer` instance between all its subscribers and,
  // without one, throws inside the event listener once 1024 events wait; so each subscriber
  // here gets its own sliding buffer instead.
  const subscribeOn = (target: Target) => (channel: string) => {
    const repeater = new Repeater<T>(async (push, stop) => {
      const listener = (event: CustomEvent) => {
        if (event.detail !== null && event.detail !== undefined) void push(event.detail as T);
      };
      target.addEventListener(topic(channel), listener);
      live.add(repeater);
      await stop;
      target.removeEventListener(topic(channel), listener);
      live.delete(repeater);
    }, new SlidingBuffer(bufferSize));
    return repeater;
  };
  const endSubscriptions = async () => {
    await Promise.all([...live].map((repeater) => repeater.return()));
  };

  if (!options.redis) {
    const target = new EventTarget();
    return {
      kind: 'memory',
      async publish(channel, payload) {
        target.dispatchEvent(new CustomEvent(topic(channel), { detail: payload }));
      },
      subscribe: subscribeOn(target as unknown as Target),
      close: endSubscriptions,
    };
  }

  // Publishing fails fast while Redis is down (the webhook answers 503 and WeChat retries).
  const publisher = options.redis;
  const subscriber = subscriberOf(publisher);
  subscriber.on('error', onError);
  // Start once Redis answers, refuses, or 2 s pass; publishing reports any outage later.
  await settle(subscriber);

  // The event target fires SUBSCRIBE/UNSUBSCRIBE without awaiting them: catch here, or a
  // rejection while Redis is down would be unhandled.
  const subscribeClient = {
    on: subscriber.on.bind(subscriber),
    subscribe: (channel: string) => subscriber.subscribe(channel).catch(onError),
    unsubscribe: (channel: string) => subscriber.unsubscribe(channel).catch(onError),
  } as unknown as Redis | Cluster;
  const target = createRedisEventTarget<CustomEvent>({
    publishClient: publisher,
    subscribeClient,
    serializer: {
      stringify: JSON.stringify,
      // Something else publishing on our channel must not throw inside the Redis client.
      parse: (message) => {
        try {
          return JSON.parse(message) as unknown;
        } catch {
          return null;
        }
      },
    },
  });

  return {
    kind: 'redis',
    async publish(channel, payload) {
      await publisher.publish(topic(channel), JSON.stringify(payload));
    },
    subscribe: subscribeOn(target as unknown as Target),
    async close() {
      await endSubscriptions();
      // The publisher is the store's; the store closes it.
      await quit(subscriber);
    },
  };
}
