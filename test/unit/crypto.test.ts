import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeFixtures, fixture as wechatFixture, fixtureFiles } from '../helpers/fixtures.ts';
import {
  WeChatCryptoError,
  assertAppId,
  assertMsgSignature,
  assertSignature,
  checkWatermark,
  createMessageCipher,
  decodeEncodingAesKey,
  decryptUserData,
  msgSignature,
  pkcs7Pad,
  pkcs7Unpad,
  rawDataSignature,
  safeEqual,
  sessionKeySignature,
  signature,
  sortedSha1,
  verifyMsgSignature,
  verifySignature,
  type WeChatCryptoErrorReason,
} from '../../src/wechat/crypto.ts';

// ---------------------------------------------------------------------------
// fixture loading
// ---------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function loadCrypto(name: string): Json {
  return wechatFixture(`crypto/${name}`);
}

const cryptoFiles = fixtureFiles('crypto').filter((f) => f.endsWith('.json')).sort();

const pushFiles: { path: string; fixture: Json }[] = ['json', 'xml'].flatMap((sub) =>
  fixtureFiles(`push/${sub}`)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      path: `${sub}/${f}`,
      fixture: wechatFixture(`push/${sub}/${f}`),
    })),
);

/** Every crypto fixture must be consumed by a test below; this is checked at the end. */
const covered = new Set<string>();
function use(name: string): Json {
  covered.add(name);
  return loadCrypto(name);
}

function xmlField(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${tag}>`).exec(xml);
  if (!m) throw new Error(`no <${tag}> in xml`);
  return m[1] ?? m[2] ?? '';
}

/** Runs fn and returns the WeChatCryptoError it throws; fails on any other outcome. */
function cryptoError(fn: () => unknown): WeChatCryptoError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WeChatCryptoError);
    return err as WeChatCryptoError;
  }
  throw new Error('expected a WeChatCryptoError, nothing was thrown');
}

function expectReason(fn: () => unknown, reason: WeChatCryptoErrorReason): WeChatCryptoError {
  const err = cryptoError(fn);
  expect(err.reason).toBe(reason);
  return err;
}

/** Raw AES-256-CBC encryption of an arbitrary padded buffer with a WeChat key (for malformed inputs). */
function rawEncrypt(encodingAesKey: string, padded: Buffer): string {
  const key = decodeEncodingAesKey(encodingAesKey);
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(padded), c.final()]).toString('base64');
}

function randomEncodingAesKey(): string {
  return randomBytes(32).toString('base64').slice(0, 43);
}

// ---------------------------------------------------------------------------
// plain signatures
// ---------------------------------------------------------------------------

describeFixtures('plain_signature_vectors.json', () => {
  const f = use('plain_signature_vectors.json');
  const vectors: Json[] = f.vectors;

  it('has the vectors we expect to drive', () => {
    expect(vectors.length).toBe(7);
  });

  for (const [i, v] of vectors.entries()) {
    const label = `vector ${i}: ${v.token !== undefined ? `token=${v.token} ts=${v.timestamp} nonce=${v.nonce}` : `inputs=${JSON.stringify(v.inputs)}`}${v.expect_valid === false ? ' (negative)' : ''}`;
    it(label, () => {
      const computed =
        v.token !== undefined ? signature(v.token, v.timestamp, v.nonce) : sortedSha1(v.inputs);
      if (v.expect_valid === false) {
        expect(computed).not.toBe(v.signature);
        expect(safeEqual(computed, v.signature)).toBe(false);
        expect(verifySignature({ token: v.token, timestamp: v.timestamp, nonce: v.nonce, signature: v.signature })).toBe(false);
        expectReason(
          () => assertSignature({ token: v.token, timestamp: v.timestamp, nonce: v.nonce, signature: v.signature }),
          'bad_signature',
        );
      } else {
        expect(computed).toBe(v.signature);
        expect(safeEqual(computed, v.signature)).toBe(true);
        if (v.token !== undefined) {
          expect(verifySignature({ token: v.token, timestamp: v.timestamp, nonce: v.nonce, signature: v.signature })).toBe(true);
          expect(() => assertSignature({ token: v.token, timestamp: v.timestamp, nonce: v.nonce, signature: v.signature })).not.toThrow();
        }
      }
    });
  }

  it('sorts lexicographically as strings (digits < upper < lower)', () => {
    const v = vectors[0];
    const expected = createHash('sha1').update([v.timestamp, v.nonce, v.token].sort().join('')).digest('hex');
    expect(signature(v.token, v.timestamp, v.nonce)).toBe(expected);
    // order of arguments does not matter, sorting does
    expect(signature(v.nonce, v.token, v.timestamp)).toBe(v.signature);
    expect(createHash('sha1').update(v.token + v.timestamp + v.nonce).digest('hex')).not.toBe(v.signature);
  });

  it('echostr vector: the GET verification passes and echostr is returned verbatim', () => {
    const v = vectors.find((x: Json) => x.echostr !== undefined);
    expect(v).toBeDefined();
    expect(verifySignature({ token: v.token, timestamp: v.timestamp, nonce: v.nonce, signature: v.signature })).toBe(true);
    expect(v.echostr).toBe('4375120948345356249');
  });
});

// ---------------------------------------------------------------------------
// official mini-program JSON safe mode
// ---------------------------------------------------------------------------

describeFixtures('official_miniprogram_push_json_aes.json', () => {
  const f = use('official_miniprogram_push_json_aes.json');
  const cipher = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: f.appid });
  const q = f.inbound.query;
  const encrypt: string = f.inbound.body_json.Encrypt;

  it('inbound msg_signature and signature match', () => {
    expect(msgSignature(f.token, q.timestamp, q.nonce, encrypt)).toBe(q.msg_signature);
    expect(signature(f.token, q.timestamp, q.nonce)).toBe(q.signature);
    expect([f.token, q.timestamp, q.nonce, encrypt].sort()).toEqual(f.inbound.sorted_signature_inputs_from_doc);
    expect(verifyMsgSignature({ token: f.token, timestamp: q.timestamp, nonce: q.nonce, encrypt, msgSignature: q.msg_signature })).toBe(true);
  });

  it('decrypts to the documented random, msg_len, msg and receive_id', () => {
    const e = f.inbound.expected;
    expect(Buffer.from(encrypt, 'base64').length).toBe(e.encrypt_base64_decoded_len);
    const out = cipher.decrypt(encrypt);
    expect(out.message).toBe(e.msg);
    expect(out.appId).toBe(e.receive_id);
    expect(out.random.toString('latin1')).toBe(e.random);
    expect(Buffer.byteLength(out.message)).toBe(e.msg_len);
    expect(16 + 4 + e.msg_len + Buffer.byteLength(out.appId)).toBe(e.full_plaintext_len);
    expect(JSON.parse(out.message)).toMatchObject({ Event: 'debug_demo', debug_str: 'hello world', CreateTime: 1714112445 });
    expect(cipher.decryptChecked(encrypt).appId).toBe(f.appid);
  });

  it('open() verifies msg_signature, decrypts and checks the appid in one go', () => {
    const out = cipher.open({ token: f.token, timestamp: q.timestamp, nonce: q.nonce, msgSignature: q.msg_signature, encrypt });
    expect(out.message).toBe(f.inbound.expected.msg);
    expectReason(
      () => cipher.open({ token: f.token, timestamp: q.timestamp, nonce: q.nonce, msgSignature: q.signature, encrypt }),
      'bad_signature',
    );
  });

  it('encrypted reply: fixed random reproduces expected_encrypt and MsgSignature', () => {
    const r = f.encrypted_reply;
    const enc = cipher.encrypt(r.plaintext, Buffer.from(r.random, 'latin1'));
    expect(enc).toBe(r.expected_encrypt);
    expect(Buffer.from(enc, 'base64').length).toBe(r.ciphertext_len);
    expect(Buffer.byteLength(r.plaintext)).toBe(r.msg_len);
    expect(msgSignature(f.token, r.timestamp, r.nonce, enc)).toBe(r.expected_msg_signature);

    const sealed = cipher.seal({ token: f.token, timestamp: r.timestamp, nonce: r.nonce, plaintext: r.plaintext, random: Buffer.from(r.random, 'latin1') });
    const doc = r.reply_body_json_from_doc;
    expect(sealed.encrypt).toBe(doc.Encrypt);
    expect(sealed.msgSignature).toBe(doc.MsgSignature);
    expect(Number(sealed.timestamp)).toBe(doc.TimeStamp);
    expect(sealed.nonce).toBe(doc.Nonce);

    const back = cipher.decrypt(enc);
    expect(back.message).toBe(r.plaintext);
    expect(back.random.toString('latin1')).toBe(r.random);
    expect(16 + 4 + r.msg_len + Buffer.byteLength(back.appId)).toBe(r.full_plaintext_len);
  });

  it('also_in_this_doc: url_verification and plain_push signatures', () => {
    const u = f.also_in_this_doc.url_verification;
    expect(signature(f.token, u.timestamp, u.nonce)).toBe(u.signature);
    const p = f.also_in_this_doc.plain_push;
    expect(signature(f.token, p.timestamp, p.nonce)).toBe(p.signature);
  });
});

// ---------------------------------------------------------------------------
// WxJava deterministic encrypt
// ---------------------------------------------------------------------------

describeFixtures('wxjava_mp_official_sample_pamtest.json', () => {
  const f = use('wxjava_mp_official_sample_pamtest.json');
  const cipher = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: f.appid });

  for (const c of f.cases as Json[]) {
    it(`encrypt with fixed random: ${c.name}`, () => {
      const enc = cipher.encrypt(c.msg, Buffer.from(c.random, 'latin1'));
      expect(enc).toBe(c.expected_encrypt);
      expect(msgSignature(f.token, f.timestamp, f.nonce, enc)).toBe(c.derived_msg_signature);
      const out = cipher.decryptChecked(c.expected_encrypt);
      expect(out.message).toBe(c.msg);
      expect(out.appId).toBe(f.appid);
      expect(out.random.toString('latin1')).toBe(c.random);
    });
  }

  it('msg_len counts UTF-8 bytes, not UTF-16 units', () => {
    const c = f.cases[0];
    const plain = cipher.decrypt(c.expected_encrypt);
    expect(Buffer.byteLength(plain.message)).toBe(19);
    expect(plain.message.length).toBe(11);
    // the length prefix right after the 16 random bytes is the byte count
    const content = Buffer.from(`${c.random}\0\0\0\x13${c.msg}${f.appid}`, 'utf8');
    expect(cipher.encrypt(c.msg, Buffer.from(c.random, 'latin1'))).toBe(
      rawEncrypt(f.encoding_aes_key, pkcs7Pad(content)),
    );
  });

  it('negative msg_signature is rejected', () => {
    const c = f.cases[0];
    const params = { token: f.token, timestamp: f.timestamp, nonce: f.nonce, encrypt: c.expected_encrypt, msgSignature: f.negative_case.msg_signature };
    expect(verifyMsgSignature(params)).toBe(false);
    expect(safeEqual(msgSignature(f.token, f.timestamp, f.nonce, c.expected_encrypt), f.negative_case.msg_signature)).toBe(false);
    expectReason(() => assertMsgSignature(params), 'bad_signature');
    expectReason(() => cipher.open(params), 'bad_signature');
  });
});

// ---------------------------------------------------------------------------
// easywechat decrypt with signature
// ---------------------------------------------------------------------------

describeFixtures('easywechat_encryptor_pamtest.json', () => {
  const f = use('easywechat_encryptor_pamtest.json');
  const cipher = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: f.appid });

  it('Encrypt in the XML body equals the encrypt field and msg_signature matches', () => {
    expect(xmlField(f.encrypted_xml, 'Encrypt')).toBe(f.encrypt);
    expect(msgSignature(f.token, f.timestamp, f.nonce, f.encrypt)).toBe(f.msg_signature);
  });

  it('decrypts to the expected plaintext and appid (with the recovered random)', () => {
    const out = cipher.open({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, msgSignature: f.msg_signature, encrypt: f.encrypt });
    expect(out.message).toBe(f.expected_plaintext);
    expect(out.appId).toBe(f.appid);
    const recovered = /random '([^']+)'/.exec(f.expected_plaintext_note)?.[1];
    expect(recovered).toBe('d43123b161a4ba84');
    expect(out.random.toString('latin1')).toBe(recovered);
    // re-encrypting with the recovered random reproduces the ciphertext byte for byte
    expect(cipher.encrypt(out.message, out.random)).toBe(f.encrypt);
    expect(xmlField(out.message, 'Content')).toBe('hello');
    expect(xmlField(out.message, 'URL')).toBe('http://wechat.laravel.so/server');
  });

  it('negative cases: invalid signature and invalid appid', () => {
    const [badSig, badAppId] = f.negative_cases as Json[];
    expect(verifyMsgSignature({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, encrypt: f.encrypt, msgSignature: badSig.msg_signature })).toBe(false);
    expectReason(
      () => cipher.open({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, msgSignature: badSig.msg_signature, encrypt: f.encrypt }),
      'bad_signature',
    );

    const wrong = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: badAppId.appid });
    // plain decrypt still works and reports the appid that is really inside
    expect(wrong.decrypt(f.encrypt).appId).toBe(f.appid);
    expectReason(() => wrong.decryptChecked(f.encrypt), 'appid_mismatch');
    expectReason(
      () => wrong.open({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, msgSignature: f.msg_signature, encrypt: f.encrypt }),
      'appid_mismatch',
    );
    expectReason(() => cipher.decrypt(f.encrypt, { expectAppId: badAppId.appid }), 'appid_mismatch');
    expectReason(() => assertAppId(cipher.decrypt(f.encrypt), badAppId.appid), 'appid_mismatch');
    expect(() => assertAppId(cipher.decrypt(f.encrypt), f.appid)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------
// Tencent WXBizMsgCrypt demo (XML safe mode)
// ---------------------------------------------------------------------------

describeFixtures('wecom_official_sample_qdg6ek.json', () => {
  const f = use('wecom_official_sample_qdg6ek.json');
  const cipher = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: f.receive_id });

  it('msg_signature matches and the Encrypt element equals the encrypt field', () => {
    expect(xmlField(f.encrypted_xml, 'Encrypt')).toBe(f.encrypt);
    expect(msgSignature(f.token, f.timestamp, f.nonce, f.encrypt)).toBe(f.msg_signature);
  });

  it('decrypts to the exact plaintext bytes (with \\n), receive_id and recovered random', () => {
    const out = cipher.open({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, msgSignature: f.msg_signature, encrypt: f.encrypt });
    expect(out.message).toBe(f.expected_plaintext);
    expect(out.message).toContain('\n');
    expect(out.appId).toBe(f.receive_id);
    expect(out.random.toString('latin1')).toBe(f.recovered_random);
    expect(cipher.encrypt(out.message, out.random)).toBe(f.encrypt);
    expect(xmlField(out.message, 'MsgId')).toBe('4561255354251345929');
  });
});

// ---------------------------------------------------------------------------
// wechatpy WeCom crypto: echostr, decrypt, encrypt
// ---------------------------------------------------------------------------

describeFixtures('wechatpy_work_crypto.json', () => {
  const f = use('wechatpy_work_crypto.json');
  const cipher = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: f.receive_id });

  it('URL verification: msg_signature over echostr, decrypted echo plaintext', () => {
    const u = f.url_verification;
    expect(msgSignature(f.token, u.timestamp, u.nonce, u.echostr)).toBe(u.msg_signature);
    const out = cipher.open({ token: f.token, timestamp: u.timestamp, nonce: u.nonce, msgSignature: u.msg_signature, encrypt: u.echostr });
    expect(out.message).toBe(u.expected_echo_plaintext);
    expect(out.appId).toBe(f.receive_id);
  });

  it('URL verification negative: a changed nonce fails the signature', () => {
    const u = f.url_verification;
    const params = { token: f.token, timestamp: u.timestamp, nonce: u.negative.nonce, msgSignature: u.msg_signature, encrypt: u.echostr };
    expect(verifyMsgSignature(params)).toBe(false);
    expectReason(() => cipher.open(params), 'bad_signature');
  });

  it('decrypt: signature and exact plaintext', () => {
    const d = f.decrypt;
    expect(xmlField(d.encrypted_xml, 'Encrypt')).toBe(d.encrypt);
    expect(msgSignature(f.token, d.timestamp, d.nonce, d.encrypt)).toBe(d.msg_signature);
    const out = cipher.open({ token: f.token, timestamp: d.timestamp, nonce: d.nonce, msgSignature: d.msg_signature, encrypt: d.encrypt });
    expect(out.message).toBe(d.expected_plaintext);
    expect(xmlField(out.message, 'Content')).toBe('test');
    expect(xmlField(out.message, 'FromUserName')).toBe('messense');
  });

  it('encrypt with a fixed random reproduces the expected reply XML values', () => {
    const e = f.encrypt;
    const sealed = cipher.seal({ token: f.token, timestamp: e.timestamp, nonce: e.nonce, plaintext: e.plaintext, random: Buffer.from(e.random, 'latin1') });
    expect(sealed.encrypt).toBe(xmlField(e.expected_reply_xml, 'Encrypt'));
    expect(sealed.msgSignature).toBe(xmlField(e.expected_reply_xml, 'MsgSignature'));
    expect(sealed.timestamp).toBe(xmlField(e.expected_reply_xml, 'TimeStamp'));
    expect(sealed.nonce).toBe(xmlField(e.expected_reply_xml, 'Nonce'));
    const reply =
      `<xml>\n<Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt>\n<MsgSignature><![CDATA[${sealed.msgSignature}]]></MsgSignature>\n` +
      `<TimeStamp>${sealed.timestamp}</TimeStamp>\n<Nonce><![CDATA[${sealed.nonce}]]></Nonce>\n</xml>`;
    expect(reply).toBe(e.expected_reply_xml);
    expect(cipher.decryptChecked(sealed.encrypt).message).toBe(e.plaintext);
  });
});

// ---------------------------------------------------------------------------
// SKIT signature-only vector
// ---------------------------------------------------------------------------

describeFixtures('skit_signature_only_ovakp0tb.json', () => {
  const f = use('skit_signature_only_ovakp0tb.json');

  it('msg_signature matches (no key published, so no decrypt)', () => {
    expect(msgSignature(f.token, f.timestamp, f.nonce, f.encrypt)).toBe(f.msg_signature);
    expect(verifyMsgSignature({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, encrypt: f.encrypt, msgSignature: f.msg_signature })).toBe(true);
  });

  it('the ciphertext is well-formed for the scheme (multiple of 32 bytes)', () => {
    expect(Buffer.from(f.encrypt, 'base64').length % 32).toBe(0);
  });

  it('decrypting it with an unrelated key gives a WeChatCryptoError, not a crash', () => {
    for (let i = 0; i < 20; i++) {
      const c = createMessageCipher({ encodingAesKey: randomEncodingAesKey(), appId: 'wx0000000000000000' });
      // with random keys the padding is garbage almost always; when it is not, the appid check fails
      cryptoError(() => c.decryptChecked(f.encrypt));
    }
  });
});

// ---------------------------------------------------------------------------
// mini-program encryptedData
// ---------------------------------------------------------------------------

describeFixtures('wxa_encrypted_data_official.json', () => {
  const f = use('wxa_encrypted_data_official.json');
  const expected = JSON.parse(f.expected_plaintext);

  it('decrypts to the expected JSON object', () => {
    const data = decryptUserData({ sessionKey: f.session_key, encryptedData: f.encrypted_data, iv: f.iv });
    expect(data).toEqual(expected);
    expect(data.openId).toBe('oGZUI0egBJY1zhBYw2KhdUfwVJJE');
    expect(data.watermark?.appid).toBe(f.appid);
  });

  it('checks the watermark appid via the option and via checkWatermark', () => {
    expect(decryptUserData({ sessionKey: f.session_key, encryptedData: f.encrypted_data, iv: f.iv, appId: f.appid })).toEqual(expected);
    expectReason(
      () => decryptUserData({ sessionKey: f.session_key, encryptedData: f.encrypted_data, iv: f.iv, appId: 'wx0000000000000000' }),
      'appid_mismatch',
    );
    expect(() => checkWatermark(expected, f.appid)).not.toThrow();
    expectReason(() => checkWatermark(expected, 'wxba5fad812f8e6fb9'), 'appid_mismatch');
    expectReason(() => checkWatermark({ openId: 'x' }, f.appid), 'appid_mismatch');
    expectReason(() => checkWatermark({ watermark: { appid: '' } }, f.appid), 'appid_mismatch');
    expectReason(() => checkWatermark(null, f.appid), 'appid_mismatch');
  });

  it('tolerates whitespace/newlines inside encryptedData (easywechat copy)', () => {
    const wrapped = f.encrypted_data.replace(/(.{76})/g, '$1\n    ');
    expect(wrapped).toContain('\n');
    expect(decryptUserData({ sessionKey: f.session_key, encryptedData: wrapped, iv: f.iv })).toEqual(expected);
  });

  it('a stale (other) session key → stale_session_key, and the key is not in the message', () => {
    for (let i = 0; i < 30; i++) {
      const sessionKey = randomBytes(16).toString('base64');
      const err = expectReason(
        () => decryptUserData({ sessionKey, encryptedData: f.encrypted_data, iv: f.iv }),
        'stale_session_key',
      );
      expect(err.message).toMatch(/session key is probably stale/);
      expect(err.message).toMatch(/log in again/);
      expect(err.message).not.toContain(sessionKey);
      expect(err.message).not.toContain(f.session_key);
    }
  });

  it('a wrong iv garbles the first block → stale_session_key (bad JSON)', () => {
    const iv = Buffer.from(f.iv, 'base64');
    iv[0] = iv[0]! ^ 0x55;
    expectReason(
      () => decryptUserData({ sessionKey: f.session_key, encryptedData: f.encrypted_data, iv: iv.toString('base64') }),
      'stale_session_key',
    );
  });

  it('malformed inputs give typed errors without leaking the key', () => {
    const e1 = expectReason(() => decryptUserData({ sessionKey: 'c2hvcnQ=', encryptedData: f.encrypted_data, iv: f.iv }), 'bad_key');
    expect(e1.message).not.toContain('c2hvcnQ=');
    expectReason(() => decryptUserData({ sessionKey: 'not base64 !!', encryptedData: f.encrypted_data, iv: f.iv }), 'bad_key');
    expectReason(() => decryptUserData({ sessionKey: f.session_key, encryptedData: f.encrypted_data, iv: 'AAAA' }), 'bad_length');
    expectReason(() => decryptUserData({ sessionKey: f.session_key, encryptedData: 'AAAA', iv: f.iv }), 'bad_length');
    expectReason(() => decryptUserData({ sessionKey: f.session_key, encryptedData: '', iv: f.iv }), 'bad_length');
    const truncated = Buffer.from(f.encrypted_data, 'base64').subarray(0, 64).toString('base64');
    expectReason(() => decryptUserData({ sessionKey: f.session_key, encryptedData: truncated, iv: f.iv }), 'stale_session_key');
  });

  it('decrypted JSON that is not an object is rejected', () => {
    const key = Buffer.from(f.session_key, 'base64');
    const iv = Buffer.from(f.iv, 'base64');
    const c = createCipheriv('aes-128-cbc', key, iv);
    const enc = Buffer.concat([c.update('[1,2,3]'), c.final()]).toString('base64');
    expectReason(() => decryptUserData({ sessionKey: f.session_key, encryptedData: enc, iv: f.iv }), 'stale_session_key');
  });
});

describeFixtures('wxa_rawdata_signature.json', () => {
  const f = use('wxa_rawdata_signature.json');
  const vectors: Json[] = f.vectors;

  for (const [i, v] of vectors.entries()) {
    it(`vector ${i}${v.expect_valid === false ? ' (negative)' : ''}${v.note ? ` (${v.note})` : ''}`, () => {
      const raw = v.raw_data === '(first vector)' ? vectors[0].raw_data : v.raw_data;
      const computed = rawDataSignature(raw, v.session_key);
      if (v.expect_valid === false) {
        expect(computed).not.toBe(v.signature);
        expect(safeEqual(computed, v.signature)).toBe(false);
        expect(computed).toBe(vectors[0].signature);
      } else {
        expect(computed).toBe(v.signature);
        expect(safeEqual(computed, v.signature)).toBe(true);
      }
    });
  }

  it('hashes UTF-8 bytes (a latin1 hash of the non-ASCII vector differs)', () => {
    const v = vectors[1];
    expect(createHash('sha1').update(v.raw_data + v.session_key, 'latin1').digest('hex')).not.toBe(v.signature);
  });
});

describe('sessionKeySignature (wxa/checksession)', () => {
  it('is hex HMAC-SHA256(key = session_key string, message = "")', () => {
    // reference values computed independently with Python hmac/hashlib
    expect(sessionKeySignature('tiihtNczf5v6AKRyjwEUhQ==')).toBe(
      '7154f9f8b4b76b92f541cbf0e37d48840fa06e5e42da92a6f80168a1516a4735',
    );
    expect(sessionKeySignature('HyVFkGl5F5OQWJZZaNzBBg==')).toBe(
      '252b75c92698025afe925b29cca5517fdf9ee67aae072cf3225ebf3a53783058',
    );
  });
});

// ---------------------------------------------------------------------------
// push fixtures
// ---------------------------------------------------------------------------

describeFixtures('push fixtures', () => {
  const secure = pushFiles.filter(({ fixture }) => typeof fixture.body === 'string' && fixture.body.includes('Encrypt'));

  it('finds the encrypted push samples', () => {
    expect(secure.map((s) => s.path).sort()).toEqual([
      'json/miniprogram_debug_demo_secure.json',
      'xml/wecom_text_message_secure.json',
    ]);
  });

  for (const { path, fixture } of secure) {
    it(`${path}: msg_signature + decrypt match the crypto vector`, () => {
      const ref = /crypto\/([\w.]+\.json)/.exec(fixture.description)?.[1];
      expect(ref, 'description names the crypto file with the key').toBeDefined();
      const vec = loadCrypto(ref!);
      const appId: string = vec.appid ?? vec.receive_id;
      const cipher = createMessageCipher({ encodingAesKey: vec.encoding_aes_key, appId });

      const encrypt: string =
        fixture.body_format === 'json' ? JSON.parse(fixture.body).Encrypt : xmlField(fixture.body, 'Encrypt');
      const q = fixture.http.query;
      expect(msgSignature(vec.token, q.timestamp, q.nonce, encrypt)).toBe(q.msg_signature);
      if (q.signature !== undefined) {
        // the plain signature is sent alongside and verifies too
        expect(signature(vec.token, q.timestamp, q.nonce)).toBe(q.signature);
      }

      const out = cipher.open({ token: vec.token, timestamp: q.timestamp, nonce: q.nonce, msgSignature: q.msg_signature, encrypt });
      expect(out.appId).toBe(appId);
      const expectedPlain: string = vec.inbound?.expected?.msg ?? vec.expected_plaintext;
      expect(out.message).toBe(expectedPlain);
      if (fixture.expected_parse !== undefined) {
        expect(fixture.body_format === 'json' ? JSON.parse(out.message) : out.message).toMatchObject(fixture.expected_parse);
      }
      if (fixture.body_format === 'json') {
        const outer = JSON.parse(fixture.body);
        expect(JSON.parse(out.message).ToUserName).toBe(outer.ToUserName);
      } else {
        expect(xmlField(out.message, 'ToUserName')).toBe(xmlField(fixture.body, 'ToUserName'));
      }
    });
  }

  it('json/miniprogram_url_verification_get.json: signature verifies, echostr echoed', () => {
    const p = pushFiles.find((x) => x.path === 'json/miniprogram_url_verification_get.json')!.fixture;
    const q = p.http.query;
    const token: string = p.expected_parse.token;
    expect(verifySignature({ token, timestamp: q.timestamp, nonce: q.nonce, signature: q.signature })).toBe(true);
    expect(q.echostr).toBe(p.expected_parse.response_body);
    expect(verifySignature({ token: 'BBBBB', timestamp: q.timestamp, nonce: q.nonce, signature: q.signature })).toBe(false);
  });

  it('json/miniprogram_debug_demo_plain.json: plain-mode signature verifies with Token AAAAA', () => {
    const p = pushFiles.find((x) => x.path === 'json/miniprogram_debug_demo_plain.json')!.fixture;
    expect(p.description).toContain('Token=AAAAA');
    const q = p.http.query;
    expect(signature('AAAAA', q.timestamp, q.nonce)).toBe(q.signature);
  });
});

// ---------------------------------------------------------------------------
// property-style checks
// ---------------------------------------------------------------------------

describe('message cipher round trips', () => {
  const messages = [
    '',
    'a',
    'hello',
    '你好，世界',
    '我是中文abcd123',
    '😀🎉👍🏽 emoji 🇨🇳',
    '<xml><Content><![CDATA[混合 mixed 🚀 \u0000 nul]]></Content></xml>',
    JSON.stringify({ ToUserName: 'gh_x', Content: '中文😀', n: 1 }),
    'x'.repeat(10_000),
    '字'.repeat(3333),
  ];

  it('encrypt → decrypt with random keys and non-ASCII messages', () => {
    for (let round = 0; round < 5; round++) {
      const encodingAesKey = randomEncodingAesKey();
      const appId = `wx${randomBytes(8).toString('hex')}`;
      const c = createMessageCipher({ encodingAesKey, appId });
      for (const m of messages) {
        const enc = c.encrypt(m);
        expect(Buffer.from(enc, 'base64').length % 32).toBe(0);
        const out = c.decryptChecked(enc);
        expect(out.message).toBe(m);
        expect(out.appId).toBe(appId);
        expect(out.random.length).toBe(16);
      }
    }
  });

  it('fresh randomness each call (same plaintext, different ciphertext)', () => {
    const c = createMessageCipher({ encodingAesKey: randomEncodingAesKey(), appId: 'wxabc' });
    expect(c.encrypt('same')).not.toBe(c.encrypt('same'));
  });

  it('every padding length 1..32 round-trips, including a full 32-byte pad block', () => {
    const appId = 'wx1234567890abcdef'; // 18 bytes
    const c = createMessageCipher({ encodingAesKey: randomEncodingAesKey(), appId });
    const pads = new Set<number>();
    for (let n = 0; n < 64; n++) {
      const m = 'm'.repeat(n);
      const contentLen = 16 + 4 + n + appId.length;
      const enc = c.encrypt(m);
      const cipherLen = Buffer.from(enc, 'base64').length;
      const pad = cipherLen - contentLen;
      expect(pad).toBeGreaterThanOrEqual(1);
      expect(pad).toBeLessThanOrEqual(32);
      pads.add(pad);
      expect(c.decrypt(enc).message).toBe(m);
    }
    expect(pads.size).toBe(32);
    expect(pads.has(32)).toBe(true);
  });

  it('accepts standard 16-byte PKCS#7 padding too (pad values are within 1..32)', () => {
    const encodingAesKey = randomEncodingAesKey();
    const key = decodeEncodingAesKey(encodingAesKey);
    const msg = Buffer.from('sixteen-padded 中文');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length);
    const content = Buffer.concat([randomBytes(16), len, msg, Buffer.from('wxapp')]);
    const c16 = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)); // auto PKCS#7 to 16
    const enc = Buffer.concat([c16.update(content), c16.final()]).toString('base64');
    const out = createMessageCipher({ encodingAesKey, appId: 'wxapp' }).decryptChecked(enc);
    expect(out.message).toBe('sixteen-padded 中文');
  });

  it('encrypt rejects a random prefix that is not 16 bytes', () => {
    const c = createMessageCipher({ encodingAesKey: randomEncodingAesKey(), appId: 'wx' });
    expect(() => c.encrypt('x', Buffer.alloc(15))).toThrow(RangeError);
  });
});

describeFixtures('tampering and malformed ciphertext', () => {
  const f = loadCrypto('wecom_official_sample_qdg6ek.json');
  const cipher = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: f.receive_id });
  const original = Buffer.from(f.encrypt, 'base64');

  it('flipping any byte never throws anything but WeChatCryptoError; the last block always fails', () => {
    let thrown = 0;
    for (let i = 0; i < original.length; i++) {
      const t = Buffer.from(original);
      t[i] = t[i]! ^ 0x01;
      const b64 = t.toString('base64');
      let result: unknown;
      try {
        result = cipher.decryptChecked(b64);
      } catch (err) {
        expect(err).toBeInstanceOf(WeChatCryptoError);
        expect(['bad_padding', 'bad_length', 'appid_mismatch']).toContain((err as WeChatCryptoError).reason);
        thrown++;
        continue;
      }
      // CBC is malleable: a change early on can decrypt "successfully" to a garbled message.
      // That is what msg_signature is for; the last two blocks hold the appid and the padding.
      expect(i).toBeLessThan(original.length - 32);
      expect((result as { message: string }).message).not.toBe(f.expected_plaintext);
    }
    expect(thrown).toBeGreaterThan(0);
    for (let i = original.length - 16; i < original.length; i++) {
      const t = Buffer.from(original);
      t[i] = t[i]! ^ 0x80;
      cryptoError(() => cipher.decryptChecked(t.toString('base64')));
    }
  });

  it('any tampering is caught by open() as bad_signature before decryption', () => {
    for (let i = 0; i < original.length; i += 7) {
      const t = Buffer.from(original);
      t[i] = t[i]! ^ 0xff;
      expectReason(
        () => cipher.open({ token: f.token, timestamp: f.timestamp, nonce: f.nonce, msgSignature: f.msg_signature, encrypt: t.toString('base64') }),
        'bad_signature',
      );
    }
  });

  it('random garbage of valid sizes only ever yields WeChatCryptoError', () => {
    for (let i = 0; i < 300; i++) {
      const g = randomBytes(16 * (1 + (i % 8))).toString('base64');
      try {
        cipher.decryptChecked(g);
      } catch (err) {
        expect(err).toBeInstanceOf(WeChatCryptoError);
        continue;
      }
    }
  });

  it('truncated, empty, non-base64 and URL-mangled inputs → bad_length', () => {
    expectReason(() => cipher.decrypt(''), 'bad_length');
    expectReason(() => cipher.decrypt(original.subarray(0, original.length - 5).toString('base64')), 'bad_length');
    expectReason(() => cipher.decrypt('!!!!'), 'bad_length');
    const mangled = f.encrypt.replace(/\+/g, ' ');
    expect(mangled).not.toBe(f.encrypt);
    const err = expectReason(() => cipher.decrypt(mangled), 'bad_length');
    expect(err.message).toMatch(/URL decoding/);
    // a whole block dropped: the padding (or lengths) no longer line up
    cryptoError(() => cipher.decryptChecked(original.subarray(0, original.length - 16).toString('base64')));
  });

  it('pad values outside 1..32 → bad_padding with a clear message', () => {
    const key = f.encoding_aes_key;
    const body = Buffer.alloc(63, 0x41);
    const zero = rawEncrypt(key, Buffer.concat([body, Buffer.from([0])]));
    expect(expectReason(() => cipher.decrypt(zero), 'bad_padding').message).toMatch(/outside 1\.\.32/);
    const big = rawEncrypt(key, Buffer.concat([Buffer.alloc(31, 0x41), Buffer.alloc(33, 33)]));
    expect(expectReason(() => cipher.decrypt(big), 'bad_padding').message).toMatch(/33 is outside 1\.\.32/);
    const inconsistent = rawEncrypt(key, Buffer.concat([Buffer.alloc(60, 0x41), Buffer.from([4, 4, 3, 4])]));
    expectReason(() => cipher.decrypt(inconsistent), 'bad_padding');
  });

  it('declared length larger than the content, or content shorter than the header → bad_length', () => {
    const key = f.encoding_aes_key;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(1000);
    const tooLong = rawEncrypt(key, pkcs7Pad(Buffer.concat([randomBytes(16), len, Buffer.from('short'), Buffer.from(f.receive_id)])));
    expect(expectReason(() => cipher.decrypt(tooLong), 'bad_length').message).toMatch(/declared message length 1000/);
    const tiny = rawEncrypt(key, pkcs7Pad(Buffer.alloc(10, 1)));
    expectReason(() => cipher.decrypt(tiny), 'bad_length');
  });

  it('wrong appid on a valid ciphertext → appid_mismatch', () => {
    const other = createMessageCipher({ encodingAesKey: f.encoding_aes_key, appId: 'wx0000000000000000' });
    const err = expectReason(() => other.decryptChecked(f.encrypt), 'appid_mismatch');
    expect(err.message).not.toContain(f.encoding_aes_key);
  });
});

describe('key validation and helpers', () => {
  it('rejects bad EncodingAESKeys up front with bad_key, without echoing the key', () => {
    const good = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    for (const bad of [good.slice(0, 42), `${good}H`, `${good.slice(0, 42)}=`, `${good.slice(0, 42)}-`, `${good.slice(0, 42)}_`, '', `${good.slice(0, 21)} ${good.slice(22)}`]) {
      const err = expectReason(() => createMessageCipher({ encodingAesKey: bad, appId: 'wx' }), 'bad_key');
      expect(err.message).toMatch(/43 characters/);
      if (bad.length > 0) expect(err.message).not.toContain(bad);
    }
    expect(decodeEncodingAesKey(good).length).toBe(32);
  });

  it('safeEqual', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('', 'a')).toBe(false);
    expect(safeEqual('中文', '中文')).toBe(true);
    expect(safeEqual('中文', '中问')).toBe(false);
    // same UTF-16 length, different UTF-8 length
    expect(safeEqual('é', 'e')).toBe(false);
    // a bad signature vs the right one
    const good = signature('test', '1410685589', 'test');
    expect(safeEqual(good, 'f21891de399b4e33a1a93c9a7b8a8fffb5a443fe')).toBe(false);
    expect(safeEqual(good, 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff')).toBe(true);
  });

  it('verifySignature accepts upper-case hex from callers', () => {
    expect(verifySignature({ token: 'test', timestamp: '1410685589', nonce: 'test', signature: 'F21891DE399B4E33A1A93C9A7B8A8FFFB5A443FF' })).toBe(true);
  });

  it('pkcs7Pad / pkcs7Unpad (block 32)', () => {
    for (let n = 0; n < 70; n++) {
      const data = randomBytes(n);
      const padded = pkcs7Pad(data);
      expect(padded.length % 32).toBe(0);
      expect(padded.length - n).toBeGreaterThanOrEqual(1);
      expect(padded.length - n).toBeLessThanOrEqual(32);
      expect(pkcs7Unpad(padded).equals(data)).toBe(true);
    }
    expectReason(() => pkcs7Unpad(Buffer.alloc(0)), 'bad_padding');
    expectReason(() => pkcs7Unpad(Buffer.from([5, 5])), 'bad_padding');
  });

  it('WeChatCryptoError is an Error with name and reason', () => {
    const e = new WeChatCryptoError('bad_padding', 'x');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('WeChatCryptoError');
    expect(e.reason).toBe('bad_padding');
  });
});

describeFixtures('fixture coverage', () => {
  it('every crypto/*.json vector file was driven by a test above', () => {
    expect([...covered].sort()).toEqual(cryptoFiles);
  });
});
