import { fixture as wechatFixture, fixtureFiles } from './fixtures.ts';

/**
 * Which typed field carries each key of a WeChat datacube row: a field name, or a field name
 * plus the mapping of the nested object / list items. Every key WeChat sends must be here
 * (otherwise the gateway would drop it) and carry the same value.
 */
export type Mapping = { [wireKey: string]: string | [string, Mapping] };

const retainPoint: Mapping = { key: 'periodsAfter', value: 'users' };
const portraitEntry: Mapping = { id: 'id', name: 'name', value: 'value' };
const breakdown: Mapping = {
  province: ['provinces', portraitEntry],
  city: ['cities', portraitEntry],
  genders: ['genders', portraitEntry],
  platforms: ['platforms', portraitEntry],
  devices: ['devices', portraitEntry],
  ages: ['ages', portraitEntry],
};

/** Row mappings: for list reports one `list` row, for the others the whole body. */
export const MAPPINGS = {
  dailySummary: { ref_date: 'refDate', visit_total: 'visitTotal', share_pv: 'sharePv', share_uv: 'shareUv' },
  visitTrend: {
    ref_date: 'refDate',
    session_cnt: 'sessionCnt',
    visit_pv: 'visitPv',
    visit_uv: 'visitUv',
    visit_uv_new: 'visitUvNew',
    stay_time_uv: 'stayTimeUv',
    stay_time_session: 'stayTimeSession',
    visit_depth: 'visitDepth',
  },
  retain: { ref_date: 'refDate', visit_uv_new: ['visitUvNew', retainPoint], visit_uv: ['visitUv', retainPoint] },
  portrait: { ref_date: 'refDate', visit_uv_new: ['visitUvNew', breakdown], visit_uv: ['visitUv', breakdown] },
  distribution: {
    ref_date: 'refDate',
    list: ['distributions', { index: 'rawIndex', item_list: ['items', { key: 'key', value: 'value' }] }],
  },
  visitPage: {
    ref_date: 'refDate',
    list: [
      'pages',
      {
        page_path: 'pagePath',
        page_visit_pv: 'pageVisitPv',
        page_visit_uv: 'pageVisitUv',
        page_staytime_pv: 'pageStaytimePv',
        entrypage_pv: 'entrypagePv',
        exitpage_pv: 'exitpagePv',
        page_share_pv: 'pageSharePv',
        page_share_uv: 'pageShareUv',
      },
    ],
  },
  userSummary: { ref_date: 'refDate', user_source: 'userSource', new_user: 'newUser', cancel_user: 'cancelUser' },
  userCumulate: { ref_date: 'refDate', cumulate_user: 'cumulateUser', user_source: 'userSource' },
} satisfies Record<string, Mapping>;

const sameScalar = (wire: unknown, typed: unknown) =>
  wire === typed || (typeof wire === 'string' && typeof typed === 'number' && Number(wire) === typed) || (typeof typed === 'string' && String(wire) === typed);

/**
 * Differences between a WeChat object and its typed form: keys with no typed field (dropped),
 * values that differ, typed fields that are not null although WeChat left the key out.
 */
export function mismatches(wire: unknown, typed: unknown, mapping: Mapping, path = '$'): string[] {
  if (Array.isArray(wire)) {
    if (!Array.isArray(typed) || typed.length !== wire.length) return [`${path}: ${wire.length} items sent, ${JSON.stringify(typed)?.slice(0, 80)} typed`];
    return wire.flatMap((item, i) => mismatches(item, typed[i], mapping, `${path}[${i}]`));
  }
  if (!wire || typeof wire !== 'object' || !typed || typeof typed !== 'object') return [`${path}: not an object`];
  const out: string[] = [];
  const typedObject = typed as Record<string, unknown>;
  for (const [key, value] of Object.entries(wire)) {
    const target = mapping[key];
    if (key === 'errcode' || key === 'errmsg') continue;
    if (target === undefined) out.push(`${path}.${key}: sent by WeChat but not in any typed field`);
    else if (typeof target === 'string') {
      if (!sameScalar(value, typedObject[target])) out.push(`${path}.${key}: ${JSON.stringify(value)} sent, ${JSON.stringify(typedObject[target])} typed`);
    } else out.push(...mismatches(value, typedObject[target[0]], target[1], `${path}.${key}`));
  }
  for (const [key, target] of Object.entries(mapping)) {
    const field = typeof target === 'string' ? target : target[0];
    if (!(key in (wire as object)) && typedObject[field] !== null && typedObject[field] !== undefined && typeof target === 'string')
      out.push(`${path}.${key}: absent on the wire, ${JSON.stringify(typedObject[field])} typed`);
  }
  return out;
}

export interface DatacubeFixture {
  file: string;
  endpoint: string;
  /** Every success body in the file: `response` and each `more_samples[].response`. */
  bodies: { label: string; body: Record<string, unknown> }[];
  request?: { body?: { begin_date?: string; end_date?: string } };
}

export function datacubeFixtures(): DatacubeFixture[] {
  // Empty when the fixtures are absent: the tests over them are declared with describeFixtures/itFixtures.
  return fixtureFiles('datacube')
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const fixture = wechatFixture(`datacube/${file}`) as {
        endpoint: { url: string };
        kind: string;
        response: Record<string, unknown>;
        request?: DatacubeFixture['request'];
        more_samples?: { kind: string; source: string; response?: Record<string, unknown> }[];
      };
      const bodies = [
        { label: `${file} response (${fixture.kind})`, body: fixture.response },
        ...(fixture.more_samples ?? [])
          .filter((sample) => sample.response)
          .map((sample, i) => ({ label: `${file} more_samples[${i}] (${sample.kind})`, body: sample.response! })),
      ];
      return { file, endpoint: new URL(fixture.endpoint.url).pathname.slice(1), bodies, request: fixture.request };
    });
}
