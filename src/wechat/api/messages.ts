import { FormData } from 'undici';
import { z } from 'zod';
import { looseInt, looseString } from '../loose.ts';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';
import { WeChatTransportError } from '../errors.ts';

export const SUBSCRIBE_SEND = 'cgi-bin/message/subscribe/send';
export const CUSTOMER_SERVICE_SEND = 'cgi-bin/message/custom/send';

export interface SubscribeMessage {
  toOpenid: string;
  templateId: string;
  /** Keyword key (`thing1`, `date2`...) to value. */
  data: Record<string, string>;
  page?: string;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** cgi-bin/message/subscribe/send. A send: retried only when the connection was never made. */
export async function sendSubscribeMessage(wx: AppClient, message: SubscribeMessage, signal?: AbortSignal): Promise<void> {
  await wx.json({
    endpoint: SUBSCRIBE_SEND,
    method: 'POST',
    json: {
      touser: message.toOpenid,
      template_id: message.templateId,
      page: message.page,
      miniprogram_state: message.miniprogramState,
      lang: message.lang,
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
    },
    retry: 'unsent',
    signal,
  });
}

const templateBody = z.object({
  data: listOf(
    z.object({
      priTmplId: z.string().min(1),
      title: looseString(''),
      content: looseString(''),
      example: looseString(''),
      type: looseInt(undefined),
      keywordEnumValueList: listOf(z.object({ keywordCode: z.string(), enumValueList: listOf(looseString()) })),
    }),
  ),
});

export interface TemplateKeyword {
  /** `thing1`, `character_string10`... the key of the send's data. */
  key: string;
  /** The label in front of the keyword in the template, e.g. 会议地点. */
  name: string;
  /** The value type: the key without its number (`thing`, `date`, `phrase`, `enum_string`...). */
  type: string;
  /** The only values allowed, for enumerated keywords. */
  enumValues?: string[];
}

export interface SubscribeTemplate {
  id: string;
  title: string;
  content: string;
  example: string;
  /** 2 = one-time subscription, 3 = long-term (gettemplate doc); other values kept as they come. */
  typeCode?: number;
  keywords: TemplateKeyword[];
}

const KEYWORD = /\{\{\s*([A-Za-z_]+\d+)\.DATA\s*\}\}/g;

/** Keywords of a template from its content: one `label:{{key.DATA}}` per line. */
export function templateKeywords(content: string, enums: { keywordCode: string; enumValueList: string[] }[] = []): TemplateKeyword[] {
  const keywords: TemplateKeyword[] = [];
  for (const line of content.split('\n')) {
    for (const match of line.matchAll(KEYWORD)) {
      const key = match[1]!;
      const name = line.slice(0, match.index).replace(/\{\{[^}]*\}\}/g, '').replace(/[:：\s]+$/, '').trim();
      const enumValues = enums.find((entry) => entry.keywordCode.replace(/\.DATA$/, '') === key)?.enumValueList;
      keywords.push({ key, name, type: key.replace(/\d+$/, ''), ...(enumValues ? { enumValues } : {}) });
    }
  }
  return keywords;
}

/** wxaapi/newtmpl/gettemplate: the app's own subscribe-message templates. */
export async function listSubscribeTemplates(wx: AppClient, signal?: AbortSignal): Promise<SubscribeTemplate[]> {
  const endpoint = 'wxaapi/newtmpl/gettemplate';
  const body = await wx.json({ endpoint, method: 'GET', retry: 'read', signal });
  return parseBody(endpoint, templateBody, body).data.map((template) => ({
    id: template.priTmplId,
    title: template.title,
    content: template.content,
    example: template.example,
    typeCode: template.type,
    keywords: templateKeywords(template.content, template.keywordEnumValueList),
  }));
}

export type CustomerServiceMessage =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | { type: 'link'; title: string; description: string; url: string; thumbUrl: string }
  | { type: 'miniProgramPage'; title: string; pagePath: string; thumbMediaId: string; appId?: string };

function customerServicePayload(message: CustomerServiceMessage): Record<string, unknown> {
  switch (message.type) {
    case 'text':
      return { msgtype: 'text', text: { content: message.content } };
    case 'image':
      return { msgtype: 'image', image: { media_id: message.mediaId } };
    case 'link':
      return { msgtype: 'link', link: { title: message.title, description: message.description, url: message.url, thumb_url: message.thumbUrl } };
    case 'miniProgramPage':
      return {
        msgtype: 'miniprogrampage',
        miniprogrampage: { title: message.title, appid: message.appId, pagepath: message.pagePath, thumb_media_id: message.thumbMediaId },
      };
  }
}

/** cgi-bin/message/custom/send: within 48 hours of the user's last message (45015 after). A send. */
export async function sendCustomerServiceMessage(wx: AppClient, toOpenid: string, message: CustomerServiceMessage, signal?: AbortSignal): Promise<void> {
  await wx.json({
    endpoint: CUSTOMER_SERVICE_SEND,
    method: 'POST',
    json: { touser: toOpenid, ...customerServicePayload(message) },
    retry: 'unsent',
    signal,
  });
}

/** cgi-bin/message/custom/typing: shows or hides "typing..." to the user. Repeating it changes nothing. */
export async function setCustomerServiceTyping(wx: AppClient, toOpenid: string, typing: boolean, signal?: AbortSignal): Promise<void> {
  await wx.json({
    endpoint: 'cgi-bin/message/custom/typing',
    method: 'POST',
    json: { touser: toOpenid, command: typing ? 'Typing' : 'CancelTyping' },
    retry: 'read',
    signal,
  });
}

export interface MediaFile {
  bytes: Uint8Array<ArrayBuffer>;
  filename: string;
  contentType: string;
}

const mediaBody = z.object({ media_id: z.string().min(1), created_at: looseInt(undefined) });

/**
 * cgi-bin/media/upload?type=image: a temporary image (kept 3 days) for customer-service
 * messages. Uploading twice only makes a second media id, so transient failures are retried.
 */
export async function uploadTemporaryImage(wx: AppClient, file: MediaFile, signal?: AbortSignal): Promise<{ mediaId: string; createdAt?: number }> {
  const endpoint = 'cgi-bin/media/upload';
  const form = new FormData();
  form.append('media', new Blob([file.bytes], { type: file.contentType }), file.filename);
  const body = await wx.json({ endpoint, method: 'POST', query: { type: 'image' }, form, retry: 'read', signal });
  const { media_id, created_at } = parseBody(endpoint, mediaBody, body);
  return { mediaId: media_id, createdAt: created_at };
}
