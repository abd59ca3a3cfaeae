import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPushRequest, completeMessage } from '../../src/emulator/push.ts';
import { createMessageCipher, msgSignature, signature } from '../../src/wechat/crypto.ts';
import { dedupeKey, normalizePush } from '../../src/wechat/events.ts';
import { fixture as wechatFixture, fixtureFiles, itFixtures } from '../helpers/fixtures.ts';
import { PushBodyError, parseJsonLossless, parsePushBody, replyEnvelope, serializePushBody, type PushFormat } from '../../src/wechat/push.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const fixture = (path: string): Json => wechatFixture(`push/${path}`);
const crypto = (name: string): Json => wechatFixture(`crypto/${name}`);
const received = new Date('2026-01-01T00:00:00Z');

describe('parsePushBody', () => {
  itFixtures('reads every push fixture body as XML or JSON, keeping 64-bit ids exact', () => {
    const files = ['json', 'xml'].flatMap((sub) => fixtureFiles(`push/${sub}`).map((f) => `${sub}/${f}`));
    let read = 0;
    for (const file of files) {
      const { body, body_format } = fixture(file);
      if (typeof body !== 'string') continue;
      const { format, fields } = parsePushBody(body);
      expect(format).toBe(body_format);
      expect(typeof fields.ToUserName).toBe('string');
      read++;
    }
    expect(read).toBe(files.length - 1); // the GET verification has no body
    expect(parsePushBody(fixture('xml/miniprogram_subscribe_msg_sent_event.json').body).fields).toMatchObject({
      SubscribeMsgSentEvent: { List: { MsgID: '1864323726461255680', ErrorCode: '0' } },
    });
  });

  it('keeps CDATA verbatim (whitespace, markup, a split "]]>") and trims plain text', () => {
    const { fields } = parsePushBody('<xml>\n <A><![CDATA[  two  spaces ]]></A>\n <B> 42 </B><C><![CDATA[x]]]]><![CDATA[>y]]></C><D><![CDATA[<b>&amp;</b>]]></D><E/></xml>');
    expect(fields).toEqual({ A: '  two  spaces ', B: '42', C: 'x]]>y', D: '<b>&amp;</b>', E: '' });
  });

  it('refuses DTDs (entity bombs, XXE), malformed XML, other roots and non-objects', () => {
    const refused = (text: string) => {
      try {
        parsePushBody(text);
      } catch (error) {
        expect(error).toBeInstanceOf(PushBodyError);
        return (error as PushBodyError).reason;
      }
      return 'accepted';
    };
    expect(refused('<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><A>&a;</A></xml>')).toBe('forbidden_markup');
    expect(refused('<?xml version="1.0"?><!doctype xml SYSTEM "http://evil/x.dtd"><xml/>')).toBe('forbidden_markup');
    expect(refused('<xml><A><!ENTITY x "y"></A></xml>')).toBe('forbidden_markup');
    expect(refused('<xml><A></xml>')).toBe('malformed');
    expect(refused('<root><A>1</A></root>')).toBe('malformed');
    expect(refused('<xml>text only</xml>')).toBe('malformed');
    expect(refused('[1,2]')).toBe('not_xml_or_json');
    expect(refused('{"a":')).toBe('malformed');
    expect(refused('   ')).toBe('empty');
    // An undeclared entity reference is left as text: nothing is expanded.
    expect(parsePushBody('<xml><A>&xxe;</A></xml>').fields).toEqual({ A: '&xxe;' });
  });

  it('keeps JSON integers of 16+ digits as strings, and nothing else', () => {
    expect(parseJsonLossless('{"MsgId":4561255354251345929,"n":[-12345678901234567,1.5,1e3],"s":"12345678901234567890","t":123}')).toEqual({
      MsgId: '4561255354251345929',
      n: ['-12345678901234567', 1.5, 1000],
      s: '12345678901234567890',
      t: 123,
    });
    expect(parseJsonLossless('{"a":"quote \\" 12345678901234567 inside","b":0.12345678901234567}')).toEqual({
      a: 'quote " 12345678901234567 inside',
      b: 0.12345678901234567,
    });
  });
});

describe('normalizePush', () => {
  const norm = (path: string) => normalizePush('app', parsePushBody(fixture(path).body).fields, received);

  itFixtures('reads List as an object or an array, and XML wrappers around it', () => {
    const asArray = norm('json/miniprogram_subscribe_msg_popup_event_list_array.json');
    const asObject = norm('json/miniprogram_subscribe_msg_popup_event_list_object.json');
    expect(asObject.data).toEqual(asArray.data);
    expect(norm('xml/miniprogram_subscribe_msg_popup_event.json')).toMatchObject({ type: 'subscribe_msg_popup', data: { subscriptions: [{ popupScene: 2 }, { status: 'reject' }] } });
  });

  itFixtures('takes CreateTime as a number or a string and keeps the raw fields', () => {
    expect(norm('json/miniprogram_subscribe_msg_change_event.json')).toMatchObject({ createTime: 1610968440, raw: { CreateTime: '1610968440' } });
    expect(norm('json/mp_text_message.json')).toMatchObject({ createTime: 1482048670, msgId: '1234567890123456', receivedAt: received.toISOString() });
  });

  it('delivers what it cannot read as unknown, raw', () => {
    const odd = normalizePush('app', { MsgType: 'event', Event: 'subscribe_msg_popup_event', FromUserName: 'o1', CreateTime: '5', List: 'garbage' }, received);
    expect(odd).toMatchObject({ type: 'unknown', event: 'subscribe_msg_popup_event', raw: { List: 'garbage' } });
    expect(normalizePush('app', { MsgType: 'event', Event: 'view_miniprogram', FromUserName: 'o1', CreateTime: 9 }, received)).toMatchObject({ type: 'unknown', createTime: 9 });
    expect(normalizePush('app', {}, received)).toMatchObject({ type: 'unknown', createTime: Math.floor(received.getTime() / 1000), fromUser: '' });
    // Elements with children where text is expected (XML) never make the push unreadable.
    const nested = parsePushBody('<xml><MsgType><a>1</a></MsgType><FromUserName><b/></FromUserName><CreateTime>7</CreateTime><MsgId>9</MsgId></xml>').fields;
    expect(normalizePush('app', nested, received)).toMatchObject({ type: 'unknown', msgType: '', fromUser: '', id: 'msg:9', raw: { MsgType: { a: '1' } } });
    const text = parsePushBody('<xml><MsgType>text</MsgType><Content><p>rich</p></Content><MsgId>10</MsgId></xml>').fields;
    expect(normalizePush('app', text, received)).toMatchObject({ type: 'text', data: { content: '' }, raw: { Content: { p: 'rich' } } });
  });

  it("dedupes by MsgId, else FromUserName + CreateTime + Event (WeChat's rule)", () => {
    expect(dedupeKey({ MsgId: '77', FromUserName: 'o', CreateTime: 1 })).toBe('msg:77');
    expect(dedupeKey({ MsgID: '78' })).toBe('msg:78');
    expect(dedupeKey({ MsgType: 'event', Event: 'subscribe', FromUserName: 'o', CreateTime: '9' })).toBe('evt:o:9:subscribe');
    expect(dedupeKey({ MsgType: 'event', Event: 'wxa_media_check', FromUserName: 'o', CreateTime: 9, trace_id: 't' })).toBe('evt:o:9:wxa_media_check:t');
    expect(dedupeKey({ Foo: 'bar' })).toMatch(/^body:[A-Za-z0-9_-]{43}$/);
    expect(dedupeKey({ Foo: 'bar' })).toBe(dedupeKey({ Foo: 'bar' }));
  });
});

describe('safe-mode push and reply bodies', () => {
  const app = { encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wxb11529c136998cb6' };
  const cipher = createMessageCipher(app);

  it('round-trips any text through push serialization, AES and parsing, in XML and JSON', () => {
    // XML 1.0 cannot carry most control characters; everything else must survive unchanged.
    const text = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/.test(s));
    fc.assert(
      fc.property(text, fc.constantFrom<PushFormat>('xml', 'json'), (content, format) => {
        const message = completeMessage(app.appId, { MsgType: 'text', Content: content }, 1_700_000_000_000);
        const target = { url: 'http://gateway.test/wechat/x', appid: app.appId, token: 'pamtest', encodingAesKey: app.encodingAesKey, mode: 'safe' as const, format };
        const request = buildPushRequest(target, { plaintext: serializePushBody(message, format), toUserName: 'gh_x' }, { timestamp: '1700000000', nonce: '42' });
        const encrypt = parsePushBody(request.body).fields.Encrypt as string;
        expect(request.url.searchParams.get('msg_signature')).toBe(msgSignature('pamtest', '1700000000', '42', encrypt));
        expect(request.url.searchParams.get('signature')).toBe(signature('pamtest', '1700000000', '42'));
        const opened = cipher.open({ token: 'pamtest', timestamp: '1700000000', nonce: '42', msgSignature: request.url.searchParams.get('msg_signature')!, encrypt });
        expect(opened.appId).toBe(app.appId);
        const { fields } = parsePushBody(opened.message);
        expect(fields.Content).toBe(content);
        expect(String(fields.MsgId)).toBe(message.MsgId);
      }),
      { numRuns: 300 },
    );
  });

  itFixtures("decrypts WeChat's published samples (JSON doc vector and the XML demo) into their fields", () => {
    const doc = crypto('official_miniprogram_push_json_aes.json');
    const docCipher = createMessageCipher({ encodingAesKey: doc.encoding_aes_key, appId: doc.appid });
    const { inbound } = doc;
    const opened = docCipher.open({ ...inbound.query, token: doc.token, msgSignature: inbound.query.msg_signature, encrypt: inbound.body_json.Encrypt });
    expect(normalizePush('doc', parsePushBody(opened.message).fields, received)).toMatchObject({
      type: 'unknown',
      event: 'debug_demo',
      fromUser: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      createTime: 1714112445,
      raw: { debug_str: 'hello world' },
    });
    const demo = crypto('wecom_official_sample_qdg6ek.json');
    const demoCipher = createMessageCipher({ encodingAesKey: demo.encoding_aes_key, appId: demo.receive_id });
    const message = demoCipher.open({ token: demo.token, timestamp: demo.timestamp, nonce: demo.nonce, msgSignature: demo.msg_signature, encrypt: demo.encrypt }).message;
    expect(message).toBe(demo.expected_plaintext);
    expect(normalizePush('demo', parsePushBody(message).fields, received)).toMatchObject({ type: 'text', msgId: '4561255354251345929', data: { content: 'hello' } });
  });

  itFixtures("writes the reply envelope as WeChat's samples do (TimeStamp bare/number, Nonce CDATA/string)", () => {
    const doc = crypto('official_miniprogram_push_json_aes.json').encrypted_reply;
    const sealed = { encrypt: doc.expected_encrypt, msgSignature: doc.expected_msg_signature, timestamp: doc.timestamp, nonce: doc.nonce };
    expect(JSON.parse(replyEnvelope(sealed, 'json'))).toEqual(doc.reply_body_json_from_doc);
    const work = crypto('wechatpy_work_crypto.json').encrypt;
    const xml = replyEnvelope({ encrypt: 'E', msgSignature: 'S', timestamp: work.timestamp, nonce: work.nonce }, 'xml');
    expect(xml).toBe(`<xml><Encrypt><![CDATA[E]]></Encrypt><MsgSignature><![CDATA[S]]></MsgSignature><TimeStamp>${work.timestamp}</TimeStamp><Nonce><![CDATA[${work.nonce}]]></Nonce></xml>`);
  });
});

describe('app config: autoReplies', () => {
  it('takes keyword → text, and refuses replies WeChat would cut', async () => {
    const { appSchema } = await import('../../src/config/schema.ts');
    const app = { id: 'news', kind: 'officialAccount', appid: 'wx0123456789abcdef', secret: 's', token: 'tok', autoReplies: { hours: '9:00-18:00' } };
    expect(appSchema.parse(app).autoReplies).toEqual({ hours: '9:00-18:00' });
    const long = appSchema.safeParse({ ...app, autoReplies: { hours: 'x'.repeat(601) } });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/2048 bytes/);
  });
});
