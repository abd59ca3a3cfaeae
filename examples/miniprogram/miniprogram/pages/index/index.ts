import { isGatewayError } from '@wechat-graphql/client';
import type { AppGlobals } from '../../app';
import { BindPhoneNumberDocument, MeDocument, MyEventsDocument } from '../../gql/graphql';

const { api } = getApp<AppGlobals>();
let stop: (() => void) | undefined;

Page({
  data: { openid: '', phone: '', status: 'signing in…', events: [] as string[] },

  async onLoad() {
    try {
      // The first call signs in (wx.login → login) and keeps the session in storage.
      const { me } = await api.request(MeDocument);
      this.setData({ openid: me.openid, status: 'signed in' });
    } catch (error) {
      this.setData({ status: isGatewayError(error, 'RATE_LIMITED') ? `busy, retry in ${error.retryAfter} s` : (error as Error).message });
      return;
    }
    // Customer-service messages this user sends arrive live (wx.request enableChunked).
    stop = api.subscribe(MyEventsDocument, {}, {
      next: ({ viewerEvents }) => this.setData({ events: [...this.data.events, `${viewerEvents.type}: ${viewerEvents.content ?? ''}`] }),
      error: (error) => this.setData({ status: error.message }),
    });
  },

  onUnload() {
    stop?.();
  },

  // <button open-type="getPhoneNumber" bindgetphonenumber="onPhoneNumber">
  async onPhoneNumber(event: { detail: { code?: string } }) {
    if (!event.detail.code) return;
    const { bindPhoneNumber } = await api.request(BindPhoneNumberDocument, { code: event.detail.code });
    this.setData({ phone: bindPhoneNumber.purePhoneNumber });
  },
});
