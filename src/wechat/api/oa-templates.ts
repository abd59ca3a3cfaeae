import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';

export const TEMPLATE_SEND = 'cgi-bin/message/template/send';
export const BIZSEND = 'cgi-bin/message/subscribe/bizsend';

/** A 64-bit id: real template msgids exceed 2^53 (the HTTP layer keeps them as strings). */
const id64 = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative(), z.bigint()]).transform(String);

export interface TemplateValue {
  value: string;
  /** #RRGGBB; WeChat has ignored it since 2023-05 (kept for old clients). */
  color?: string;
}

export interface MiniProgramJump {
  appId: string;
  pagePath?: string;
}

export interface TemplateMessage {
  toOpenid: string;
  templateId: string;
  /** Placeholder name (`keyword1`, `orderMoneySum`...) to value. */
  data: Record<string, TemplateValue>;
  url?: string;
  miniProgram?: MiniProgramJump;
  /** WeChat's own dedupe: one message per openid + client_msg_id within 10 minutes. */
  clientMsgId?: string;
}

/**
 * cgi-bin/message/template/send → the msgid (a string: 64-bit). With a client_msg_id WeChat
 * delivers one message per openid + id for 10 minutes (template-message doc, "防重入"), so a
 * transient failure may be retried with the same id; without one, only an unsent call is.
 */
export async function sendTemplateMessage(wx: AppClient, message: TemplateMessage, signal?: AbortSignal): Promise<{ msgId: string }> {
  const body = await wx.json({
    endpoint: TEMPLATE_SEND,
    method: 'POST',
    json: {
      touser: message.toOpenid,
      template_id: message.templateId,
      ...(message.url ? { url: message.url } : {}),
      ...(message.miniProgram ? { miniprogram: { appid: message.miniProgram.appId, pagepath: message.miniProgram.pagePath } } : {}),
      ...(message.clientMsgId ? { client_msg_id: message.clientMsgId } : {}),
      data: message.data,
    },
    retry: message.clientMsgId ? 'read' : 'unsent',
    signal,
  });
  return { msgId: parseBody(TEMPLATE_SEND, z.object({ msgid: id64 }), body).msgid };
}

// `{{name.DATA}}`; the doc's rendering artefact `{ {name.DATA} }` is read the same way.
const PLACEHOLDER = /\{\s*\{\s*([A-Za-z][A-Za-z0-9_]*)\.DATA\s*\}\s*\}/g;

/** The placeholder names of a template's content, in order, each once. */
export const templatePlaceholders = (content: string): string[] => [...new Set([...content.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

export interface PrivateTemplate {
  templateId: string;
  title: string;
  primaryIndustry: string;
  deputyIndustry: string;
  content: string;
  example: string;
  placeholders: string[];
}

const templateList = z.object({
  template_list: listOf(
    z.object({
      template_id: z.string().min(1),
      title: z.coerce.string().default(''),
      primary_industry: z.coerce.string().default(''),
      deputy_industry: z.coerce.string().default(''),
      content: z.coerce.string().default(''),
      example: z.coerce.string().default(''),
    }),
  ),
});

/** cgi-bin/template/get_all_private_template: the account's template-message templates. */
export async function listPrivateTemplates(wx: AppClient, signal?: AbortSignal): Promise<PrivateTemplate[]> {
  const endpoint = 'cgi-bin/template/get_all_private_template';
  const body = await wx.json({ endpoint, method: 'GET', retry: 'read', signal });
  return parseBody(endpoint, templateList, body).template_list.map((t) => ({
    templateId: t.template_id,
    title: t.title,
    primaryIndustry: t.primary_industry,
    deputyIndustry: t.deputy_industry,
    content: t.content,
    example: t.example,
    placeholders: templatePlaceholders(t.content),
  }));
}

/** cgi-bin/template/api_add_template: a library template (TM00015 / OPENTM...) added to the account → its template_id. */
export async function addPrivateTemplate(wx: AppClient, shortId: string, keywordNames: string[] | undefined, signal?: AbortSignal): Promise<string> {
  const endpoint = 'cgi-bin/template/api_add_template';
  const body = await wx.json({
    endpoint,
    method: 'POST',
    json: { template_id_short: shortId, ...(keywordNames?.length ? { keyword_name_list: keywordNames } : {}) },
    // Adding twice makes two templates (of at most 25): never repeated once it may have arrived.
    retry: 'unsent',
    signal,
  });
  return parseBody(endpoint, z.object({ template_id: z.string().min(1) }), body).template_id;
}

/** cgi-bin/template/del_private_template. Deleting again changes nothing. */
export async function deletePrivateTemplate(wx: AppClient, templateId: string, signal?: AbortSignal): Promise<void> {
  await wx.json({ endpoint: 'cgi-bin/template/del_private_template', method: 'POST', json: { template_id: templateId }, retry: 'read', signal });
}

export interface IndustryLabel {
  firstClass: string;
  secondClass: string;
}

const industryLabel = z
  .object({ first_class: z.coerce.string().default(''), second_class: z.coerce.string().default('') })
  .nullish()
  .transform((v) => (v ? { firstClass: v.first_class, secondClass: v.second_class } : null));

/** cgi-bin/template/get_industry: labels only (no ids); second_class may itself hold "|" ("互联网|电子商务"). */
export async function getIndustry(wx: AppClient, signal?: AbortSignal): Promise<{ primary: IndustryLabel | null; secondary: IndustryLabel | null }> {
  const endpoint = 'cgi-bin/template/get_industry';
  const body = await wx.json({ endpoint, method: 'GET', retry: 'read', signal });
  const parsed = parseBody(endpoint, z.object({ primary_industry: industryLabel, secondary_industry: industryLabel }), body);
  return { primary: parsed.primary_industry, secondary: parsed.secondary_industry };
}

/** cgi-bin/template/api_set_industry: ids as JSON strings ("1", "4"); once a month (43100 otherwise). */
export async function setIndustry(wx: AppClient, primaryId: number, secondaryId: number, signal?: AbortSignal): Promise<void> {
  await wx.json({
    endpoint: 'cgi-bin/template/api_set_industry',
    method: 'POST',
    json: { industry_id1: String(primaryId), industry_id2: String(secondaryId) },
    retry: 'unsent',
    signal,
  });
}

export interface SubscriptionNotification {
  toOpenid: string;
  templateId: string;
  /** Keyword key (`thing8`, `time7`...) to value. */
  data: Record<string, string>;
  /** A web page (the doc example: "mp.weixin.qq.com"). */
  page?: string;
  miniProgram?: MiniProgramJump;
}

/** cgi-bin/message/subscribe/bizsend: an Official Account subscription notification. A send. */
export async function sendSubscriptionNotification(wx: AppClient, message: SubscriptionNotification, signal?: AbortSignal): Promise<void> {
  await wx.json({
    endpoint: BIZSEND,
    method: 'POST',
    json: {
      touser: message.toOpenid,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      ...(message.miniProgram ? { miniprogram: { appid: message.miniProgram.appId, pagepath: message.miniProgram.pagePath } } : {}),
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
    },
    retry: 'unsent',
    signal,
  });
}
