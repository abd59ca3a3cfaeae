export interface SseEvent {
  /** `next` or `complete` from graphql-yoga; empty for a plain `data:` event. */
  event: string;
  data: string;
}

/** An incremental text/event-stream parser (WHATWG HTML, "server-sent events"). */
export function createSseParser(onEvent: (event: SseEvent) => void): (text: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  const dispatch = () => {
    if (data.length || event) onEvent({ event, data: data.join('\n') });
    event = '';
    data = [];
  };
  return (text) => {
    buffer += text;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      if (!match) return;
      // A lone \r at the end may be the first half of \r\n.
      if (match[0] === '\r' && match.index === buffer.length - 1) return;
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      if (line === '') dispatch();
      else if (line.startsWith(':')) continue;
      else {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
  };
}
