import { describe, expect, it } from 'vitest';
import { normalizePush } from '../../src/wechat/events.ts';
import { parsePushBody } from '../../src/wechat/push.ts';
import { describeFixtures, fixture } from '../helpers/fixtures.ts';

const received = new Date('2024-01-01T00:00:00Z');
const parse = (path: string) => normalizePush('officialAccount', parsePushBody(fixture(path).body).fields, received);

describeFixtures('Official Account push fixtures', () => {
  it('TEMPLATESENDJOBFINISH: the three statuses, spaces as WeChat writes them', () => {
    const cases = [
      ['push/xml/mp_event_templatesendjobfinish_success.json', 'SUCCESS', 'success'],
      ['push/xml/mp_event_templatesendjobfinish_user_block.json', 'USER_BLOCK', 'failed:user block'],
      ['push/xml/mp_event_templatesendjobfinish_system_failed.json', 'SYSTEM_FAILED', 'failed: system failed'],
    ] as const;
    for (const [path, status, statusText] of cases) {
      const f = fixture(path);
      const event = parse(path);
      const msgId = /<MsgID>(\d+)<\/MsgID>/.exec(f.body)![1];
      expect(event, path).toMatchObject({ type: 'template_send_job_finish', event: 'TEMPLATESENDJOBFINISH', msgId, id: `msg:${msgId}`, data: { msgId, status, statusText } });
    }
  });

  it('subscription-notification events of an Official Account (XML wrappers), 64-bit MsgID kept as a string', () => {
    expect(parse('push/xml/mp_subscribe_msg_sent_event.json')).toMatchObject({
      type: 'subscribe_msg_sent',
      data: { deliveries: [{ templateId: 'VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc', msgId: '1700827132819554304', errorCode: 0, errorStatus: 'success' }] },
    });
    expect(parse('push/xml/mp_subscribe_msg_change_event.json')).toMatchObject({
      type: 'subscribe_msg_change',
      data: { subscriptions: [{ templateId: 'VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc', status: 'reject' }] },
    });
    // The OA popup body is the one filed as the mini-program XML popup (fixture notes).
    const popup = parse('push/xml/miniprogram_subscribe_msg_popup_event.json');
    expect(popup.type).toBe('subscribe_msg_popup');
  });

  it('follow through a QR code and SCAN carry the scene and the ticket', () => {
    expect(parse('push/xml/mp_event_subscribe_qrscene.json')).toMatchObject({ type: 'subscribe', data: { scene: '123123', eventKey: 'qrscene_123123', ticket: 'TICKET' } });
    expect(parse('push/xml/mp_event_scan.json')).toMatchObject({ type: 'scan', data: { scene: 'SCENE_VALUE', ticket: 'TICKET' } });
  });
});

describe('TEMPLATESENDJOBFINISH statuses WeChat has not documented', () => {
  it('are OTHER with the text kept', () => {
    const event = normalizePush('oa', { MsgType: 'event', Event: 'TEMPLATESENDJOBFINISH', MsgID: '1226691075109289985', Status: 'failed: unknown' }, received);
    expect(event).toMatchObject({ type: 'template_send_job_finish', data: { msgId: '1226691075109289985', status: 'OTHER', statusText: 'failed: unknown' } });
  });
});
