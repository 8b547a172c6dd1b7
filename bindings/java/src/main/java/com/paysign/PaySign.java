package com.paysign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign strings, signatures, notification checks and reply bodies for the payment gateways the
 * paysign core knows (99bill, WeChat Pay, Alipay, ChinaBank, Dinpay, Allinpay, YeePay, UnionPay
 * ACP, PayPal IPN) and the CMPP/SMGP login authenticators. Every rule lives in the core; this
 * class only converts.
 *
 * <p>Parameters are a {@code Map<String,String>} whose iteration order is the order given: pass
 * a {@link LinkedHashMap}. Options are {@code "hash=sha1&charset=gbk"} text or a map
 * ({@code hash}, {@code charset}, {@code sign_type}, {@code query_key}); null means none.
 * Errors throw {@link PaySignException}; a signature that does not match is {@code false}.
 * A string containing a NUL character (or an unpaired surrogate) is rejected with
 * {@link IllegalArgumentException}; a closed {@link Key} throws {@link IllegalStateException}.
 */
public final class PaySign {
    private PaySign() {
    }

    /** The core library's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return Strings.text(Native.version());
    }

    /** Every profile id the core knows, e.g. {@code 99bill.pay.request}. */
    public static List<String> profiles() {
        String all = Strings.text(Native.profiles());
        List<String> out = new ArrayList<String>();
        for (String line : all.split("\n")) {
            int tab = line.indexOf('\t'); // "id<TAB>description"
            String id = tab >= 0 ? line.substring(0, tab) : line;
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
        return Collections.unmodifiableList(out);
    }

    // ---- sign ---------------------------------------------------------------------------

    /** The signature text, exactly as it goes on the wire. */
    public static String sign(String profile, Map<String, String> params, Key key, String options) {
        try (MapCall c = new MapCall(profile, params, key, options)) {
            return Strings.text(
                    Native.signText(true, c.profile, c.options, c.params, c.length, c.key));
        }
    }

    public static String sign(String profile, Map<String, String> params, Key key) {
        return sign(profile, params, key, (String) null);
    }

    public static String sign(String profile, Map<String, String> params, Key key,
                              Map<String, String> options) {
        return sign(profile, params, key, Strings.options(options));
    }

    /**
     * The parameters with the profile's signature field set (e.g. {@code signMsg}), in order:
     * the fields a merchant posts to the gateway. The input map is not modified.
     */
    public static LinkedHashMap<String, String> signParams(String profile, Map<String, String> params,
                                                           Key key, String options) {
        try (MapCall c = new MapCall(profile, params, key, options)) {
            return Strings.toMap(Native.sign(c.profile, c.options, c.params, c.length, c.key), 1);
        }
    }

    public static LinkedHashMap<String, String> signParams(String profile, Map<String, String> params,
                                                           Key key) {
        return signParams(profile, params, key, (String) null);
    }

    public static LinkedHashMap<String, String> signParams(String profile, Map<String, String> params,
                                                           Key key, Map<String, String> options) {
        return signParams(profile, params, key, Strings.options(options));
    }

    /**
     * The converted inputs of a call that hands over a params map, the key pinned until
     * {@link #close()}.
     */
    private static final class MapCall implements AutoCloseable {
        final byte[] profile;
        final byte[] options;
        final byte[] params; // packed, see Strings.pack; null for a null map
        final int length;
        final long key;
        private final Key pinned;

        MapCall(String profile, Map<String, String> params, Key key, String options) {
            this.profile = Strings.utf8(profile, "profile");
            this.options = Strings.utf8(options, "options");
            Strings.Packed kv = Strings.pack(params);
            this.params = kv == null ? null : kv.data;
            this.length = kv == null ? 0 : kv.length;
            this.key = key == null ? 0 : key.acquire();
            this.pinned = key;
        }

        @Override
        public void close() {
            if (pinned != null) {
                pinned.release();
            }
        }
    }

    // ---- sign string --------------------------------------------------------------------

    /**
     * The exact text that is digested or signed, secret included where the algorithm embeds
     * it: for debugging against a gateway's documentation. {@code key} may be null when no
     * secret enters the text.
     */
    public static String signString(String profile, Map<String, String> params, Key key,
                                    String options) {
        try (MapCall c = new MapCall(profile, params, key, options)) {
            return Strings.text(
                    Native.signText(false, c.profile, c.options, c.params, c.length, c.key));
        }
    }

    public static String signString(String profile, Map<String, String> params, Key key) {
        return signString(profile, params, key, (String) null);
    }

    public static String signString(String profile, Map<String, String> params, Key key,
                                    Map<String, String> options) {
        return signString(profile, params, key, Strings.options(options));
    }

    // ---- verify -------------------------------------------------------------------------

    /**
     * Checks already-decoded parameters, the signature field included. Prefer
     * {@link #verifyBody} for notifications: it parses the raw bytes exactly once.
     *
     * @return true when the signature holds, false when it does not
     * @throws PaySignException for anything else (missing signature field, bad key, ...)
     */
    public static boolean verify(String profile, Map<String, String> params, Key key, String options) {
        try (MapCall c = new MapCall(profile, params, key, options)) {
            return Native.verify(c.profile, c.options, c.params, c.length, c.key);
        }
    }

    public static boolean verify(String profile, Map<String, String> params, Key key) {
        return verify(profile, params, key, (String) null);
    }

    public static boolean verify(String profile, Map<String, String> params, Key key,
                                 Map<String, String> options) {
        return verify(profile, params, key, Strings.options(options));
    }

    // ---- verify body --------------------------------------------------------------------

    /**
     * Verifies a notification as received: the raw query string or request body bytes.
     * In a servlet use {@code request.getQueryString()} (GET notifications such as 99bill's)
     * or the request's input stream (POST), never {@code getParameter()}, which decodes once
     * already.
     *
     * @param format  {@code "form"}, {@code "xml"} or {@code "json"}; null means form
     * @param charset the charset of percent-encoded bytes (e.g. {@code "gbk"}); null: UTF-8
     * @param out     when not null and the signature holds, receives the parsed fields in the
     *                order received (use a {@link LinkedHashMap}); untouched otherwise
     * @return true when the signature holds, false when it does not
     */
    public static boolean verifyBody(String profile, byte[] body, String format, String charset,
                                     Key key, String options, Map<String, String> out) {
        byte[] p = Strings.utf8(profile, "profile");
        byte[] o = Strings.utf8(options, "options");
        byte[] f = Strings.utf8(format == null ? "form" : format, "format");
        byte[] c = Strings.utf8(charset, "charset");
        byte[][] result;
        long k = key == null ? 0 : key.acquire();
        try {
            result = Native.verifyBody(p, o, body, f, c, k, out != null);
        } finally {
            if (key != null) {
                key.release();
            }
        }
        if (result == null) {
            return false;
        }
        if (out != null) {
            Strings.toMap(result, 0, out);
        }
        return true;
    }

    public static boolean verifyBody(String profile, byte[] body, String format, String charset,
                                     Key key, String options) {
        return verifyBody(profile, body, format, charset, key, options, (Map<String, String>) null);
    }

    public static boolean verifyBody(String profile, byte[] body, String format, String charset,
                                     Key key) {
        return verifyBody(profile, body, format, charset, key, (String) null, null);
    }

    public static boolean verifyBody(String profile, byte[] body, String format, String charset,
                                     Key key, Map<String, String> options, Map<String, String> out) {
        return verifyBody(profile, body, format, charset, key, Strings.options(options), out);
    }

    // ---- diagnose -----------------------------------------------------------------------

    /**
     * Why a body does not verify. Checks it as {@link #verifyBody} does and, when that fails,
     * searches the known mistakes (charset, digest, canonical form, key) for the one that
     * explains it. Returns the core's report, one JSON object (the JDK has no JSON parser; use
     * your own, e.g. Jackson or Gson): {@code "verdict"} ({@code "valid"}, {@code "invalid"} or
     * {@code "error"}), {@code "cause"} ({@code null} when valid; e.g. {@code "digest"},
     * {@code "charset"}, {@code "none"}), {@code "explanation"}, {@code "sign_string"} (secrets
     * masked as {@code ***}), {@code "variant"}, {@code "warnings"}; the schema is documented on
     * {@code diagnose::Report} in the core.
     *
     * <p>A body that does not decode or lacks a field is reported ({@code "verdict": "error"}),
     * not thrown; bad arguments (unknown profile, option, format or charset) throw
     * {@link PaySignException}. The search can run dozens of RSA verifications: call this where
     * a signature fails, not on every notification.
     *
     * @param format  {@code "form"}, {@code "xml"} or {@code "json"}; null means form
     * @param charset null: the charset the message declares, else the gateway's default
     * @param key     the gateway's certificate or the shared secret; null: the report says what
     *                is missing
     */
    public static String diagnose(String profile, byte[] body, String format, String charset,
                                  Key key, String options) {
        return diagnoseRaw(false, profile, body, format, charset, key, options);
    }

    public static String diagnose(String profile, byte[] body, String format, String charset,
                                  Key key) {
        return diagnose(profile, body, format, charset, key, (String) null);
    }

    public static String diagnose(String profile, byte[] body, String format, String charset,
                                  Key key, Map<String, String> options) {
        return diagnose(profile, body, format, charset, key, Strings.options(options));
    }

    /**
     * Like {@link #diagnose} for the merchant's own signature: {@code body} holds the fields the
     * merchant signed and the signature their code (or the vendor demo) computed, {@code key}
     * the merchant's key. The report ({@code "mode": "sign"}) says whether paysign signs the
     * same ({@code "paysign_signature"}) and, when not, which variant matches the merchant's
     * signature and where the sign strings first differ.
     */
    public static String diagnoseSign(String profile, byte[] body, String format, String charset,
                                      Key key, String options) {
        return diagnoseRaw(true, profile, body, format, charset, key, options);
    }

    public static String diagnoseSign(String profile, byte[] body, String format, String charset,
                                      Key key) {
        return diagnoseSign(profile, body, format, charset, key, (String) null);
    }

    public static String diagnoseSign(String profile, byte[] body, String format, String charset,
                                      Key key, Map<String, String> options) {
        return diagnoseSign(profile, body, format, charset, key, Strings.options(options));
    }

    private static String diagnoseRaw(boolean sign, String profile, byte[] body, String format,
                                      String charset, Key key, String options) {
        byte[] p = Strings.utf8(profile, "profile");
        byte[] o = Strings.utf8(options, "options");
        byte[] f = Strings.utf8(format == null ? "form" : format, "format");
        byte[] c = Strings.utf8(charset, "charset");
        long k = key == null ? 0 : key.acquire();
        try {
            return Strings.text(Native.diagnose(sign, p, o, body, f, c, k));
        } finally {
            if (key != null) {
                key.release();
            }
        }
    }

    // ---- built-in keys, Alipay notify_verify --------------------------------------------

    /**
     * The names of the gateway certificates and keys compiled into the core (e.g.
     * {@code 99bill.production}, {@code allinpay.gateway}), for {@link Key#builtin}.
     */
    public static List<String> builtinKeys() {
        String all = Strings.text(Native.builtinKeys());
        List<String> out = new ArrayList<String>();
        for (String name : all.split("\n")) {
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Alipay legacy mapi: the {@code notify_verify} (ATN) URL for a received {@code notify_id}.
     * GET it yourself and accept the notification only if the body is exactly {@code true}.
     */
    public static String alipayNotifyVerifyUrl(String partner, String notifyId) {
        return Strings.text(Native.alipayNotifyVerifyUrl(Strings.utf8(partner, "partner"),
                                                         Strings.utf8(notifyId, "notifyId")));
    }

    // ---- Alipay certificate mode and synchronous responses --------------------------------

    /**
     * Alipay certificate mode: the SN ({@code app_cert_sn}, {@code alipay_cert_sn}) of the first
     * certificate in {@code data} (PEM, DER or bare base64), 32 lowercase hex characters.
     */
    public static String alipayCertSn(byte[] data) {
        return Strings.text(Native.alipayCertSn(data, false));
    }

    /**
     * {@code alipay_root_cert_sn} of the root bundle ({@code alipayRootCert.crt}): the SNs of its
     * RSA-signed certificates joined by {@code _}.
     */
    public static String alipayRootCertSn(byte[] data) {
        return Strings.text(Native.alipayCertSn(data, true));
    }

    /**
     * Verifies a synchronous OpenAPI response body (exactly as received) over the text of its
     * {@code <method>_response} or {@code error_response} node, with the Alipay public key or
     * public-key certificate. {@code options}: null, or {@code sign_type} (RSA2, RSA) and
     * {@code charset}.
     *
     * @return true when the signature holds, false when it does not
     */
    public static boolean alipayVerifyResponse(byte[] body, String method, Key key, String options) {
        byte[] m = Strings.utf8(method, "method");
        byte[] o = Strings.utf8(options, "options");
        long k = key == null ? 0 : key.acquire();
        try {
            return Native.alipayVerifyResponse(body, m, k, o);
        } finally {
            if (key != null) {
                key.release();
            }
        }
    }

    /**
     * Alipay AES content encryption ({@code encrypt_type=AES}): the base64 ciphertext of
     * {@code plain} (the {@code biz_content} JSON, in the request's charset) under
     * {@code aesKey}, the base64 AES key Alipay issues as {@link Key#secret}. Put it in
     * {@code biz_content}, add {@code encrypt_type=AES}, then sign.
     *
     * @throws PaySignException {@code KEY_ERROR} (20) for a key that is not 16, 24 or 32 bytes of
     *         base64, {@code KEY_MISMATCH} (21) for a key that is not a secret
     */
    public static String alipayEncrypt(Key aesKey, byte[] plain) {
        long k = aesKey == null ? 0 : aesKey.acquire();
        try {
            return Strings.text(Native.alipayEncrypt(k, plain));
        } finally {
            if (aesKey != null) {
                aesKey.release();
            }
        }
    }

    /**
     * The plaintext of an AES-encrypted synchronous response body (exactly as received): its
     * {@code <method>_response} node decrypted with {@code aesKey} (as for
     * {@link #alipayEncrypt}). Verify the body first with {@link #alipayVerifyResponse}: its
     * signature covers the ciphertext. {@code options}: null, or {@code charset}.
     *
     * @throws PaySignException {@code DECRYPT_ERROR} (23) for a wrong key or altered ciphertext,
     *         {@code INVALID_FIELD} (14) naming the node when it is not encrypted
     */
    public static String alipayDecryptResponse(byte[] body, String method, Key aesKey, String options) {
        byte[] m = Strings.utf8(method, "method");
        byte[] o = Strings.utf8(options, "options");
        long k = aesKey == null ? 0 : aesKey.acquire();
        try {
            return Strings.text(Native.alipayDecryptResponse(body, m, k, o));
        } finally {
            if (aesKey != null) {
                aesKey.release();
            }
        }
    }

    // ---- WeChat Pay v2 refund notifications ----------------------------------------------

    /**
     * Decrypts a WeChat Pay v2 refund notification (the XML body exactly as received): its
     * {@code req_info} is AES-256-ECB under MD5 of the API key; there is no signature.
     *
     * @param body   the POST body
     * @param apiKey the merchant's API key ({@link Key#secret})
     * @return the notification's fields without {@code req_info}, then the decrypted refund
     *         fields ({@code out_refund_no}, {@code refund_status}, {@code refund_fee} ...), in
     *         order
     * @throws PaySignException {@code DECRYPT_ERROR} (23) for a wrong key or an altered or
     *         cut-short {@code req_info}; other statuses for a bad body or key
     */
    public static LinkedHashMap<String, String> wechatRefundDecrypt(byte[] body, Key apiKey) {
        long k = apiKey == null ? 0 : apiKey.acquire();
        try {
            return Strings.toMap(Native.wechatRefundDecrypt(k, body), 0);
        } finally {
            if (apiKey != null) {
                apiKey.release();
            }
        }
    }

    // ---- WeChat Pay API v3 ----------------------------------------------------------------

    /**
     * WeChat Pay API v3: the {@code Authorization} header value of a request. {@code url} is the
     * path with its query ({@code /v3/pay/transactions/jsapi}); {@code body} the exact body
     * (null or empty for GET); {@code key} the merchant API certificate key. {@code serialNo}
     * null: the serial of the certificate loaded with the key (apiclient_cert.p12);
     * {@code timestamp}/{@code nonce} null: now and a random nonce.
     */
    public static String wechatV3Authorization(String method, String url, byte[] body, String mchid, Key key,
                                               String serialNo, String timestamp, String nonce) {
        byte[] m = Strings.utf8(method, "method");
        byte[] u = Strings.utf8(url, "url");
        byte[] t = Strings.utf8(timestamp, "timestamp");
        byte[] n = Strings.utf8(nonce, "nonce");
        byte[] id = Strings.utf8(mchid, "mchid");
        byte[] sn = Strings.utf8(serialNo, "serialNo");
        long k = key == null ? 0 : key.acquire();
        try {
            return Strings.text(Native.wechatV3Authorization(m, u, t, n, body, id, sn, k));
        } finally {
            if (key != null) {
                key.release();
            }
        }
    }

    /**
     * WeChat Pay API v3: verifies a response or notification, the {@code Wechatpay-Timestamp},
     * {@code -Nonce}, {@code -Signature} and {@code -Serial} header values over the body exactly
     * as received, with the platform certificate the serial names or the WeChat Pay public key
     * ({@code PUB_KEY_ID_...}). {@code options}: null, or {@code window} (seconds, default 300),
     * {@code now}, {@code key_id}. A stale timestamp throws (status 18).
     *
     * @return true when the signature holds, false when it does not
     */
    public static boolean wechatV3Verify(String timestamp, String nonce, String signature, String serial,
                                         byte[] body, Key key, String options) {
        byte[] t = Strings.utf8(timestamp, "timestamp");
        byte[] n = Strings.utf8(nonce, "nonce");
        byte[] s = Strings.utf8(signature, "signature");
        byte[] sn = Strings.utf8(serial, "serial");
        byte[] o = Strings.utf8(options, "options");
        long k = key == null ? 0 : key.acquire();
        try {
            return Native.wechatV3Verify(t, n, s, sn, body, k, o);
        } finally {
            if (key != null) {
                key.release();
            }
        }
    }

    /**
     * WeChat Pay API v3: the plaintext JSON of a (verified) notification body's {@code resource},
     * decrypted with the 32-byte APIv3 key. A wrong key or altered data throws (status 23).
     */
    public static String wechatV3Decrypt(byte[] body, byte[] apiv3Key) {
        return Strings.text(Native.wechatV3Decrypt(body, apiv3Key));
    }

    /**
     * WeChat Pay API v3 platform-certificate download: the certificates of a (verified)
     * {@code GET /v3/certificates} body as a JSON array of
     * {@code {"serial_no","effective_time","expire_time","pem"}}. A PEM that is not the
     * certificate its {@code serial_no} names throws (status 20 or 21).
     */
    public static String wechatV3Certificates(byte[] body, byte[] apiv3Key) {
        return Strings.text(Native.wechatV3Certificates(body, apiv3Key));
    }

    /**
     * WeChat Pay API v3 client signature: {@code kind} {@code "jsapi"} (also mini program;
     * {@code prepay} is {@code prepay_id=...}, the result is {@code paySign}) or {@code "app"}
     * ({@code prepay} is the bare prepay id, the result is the PayReq {@code sign}).
     */
    public static String wechatV3ClientSign(String kind, String appId, String timestamp, String nonce,
                                            String prepay, Key key) {
        byte[] kd = Strings.utf8(kind, "kind");
        byte[] a = Strings.utf8(appId, "appId");
        byte[] t = Strings.utf8(timestamp, "timestamp");
        byte[] n = Strings.utf8(nonce, "nonce");
        byte[] p = Strings.utf8(prepay, "prepay");
        long k = key == null ? 0 : key.acquire();
        try {
            return Strings.text(Native.wechatV3ClientSign(kd, a, t, n, p, k));
        } finally {
            if (key != null) {
                key.release();
            }
        }
    }

    // ---- PayPal IPN (docs/specs/paypal.md): the caller does the HTTPS POST -----------------

    /**
     * PayPal IPN: the exact body to POST back to PayPal ({@code https://ipnpb.paypal.com/cgi-bin/webscr},
     * sandbox {@code ipnpb.sandbox.paypal.com}), {@code cmd=_notify-validate&} followed by the raw
     * IPN body unchanged. It is ASCII: send {@code getBytes(StandardCharsets.US_ASCII)}. A body
     * that is not form-encoded throws {@code MALFORMED_INPUT}.
     */
    public static String paypalPostback(byte[] body) {
        return Strings.text(Native.paypalPostback(body));
    }

    /**
     * PayPal's answer to the postback: true for {@code VERIFIED}, false for {@code INVALID};
     * anything else (an HTML error page, an empty body) throws {@code MALFORMED_INPUT}.
     */
    public static boolean paypalVerdict(byte[] answer) {
        return Native.paypalVerdict(answer);
    }

    /**
     * The merchant's checks on a VERIFIED body. {@code options}: null, or {@code receiver_email},
     * {@code business}, {@code receiver_id}, {@code amount} ({@code mc_gross} as text),
     * {@code currency}, {@code payment_status}, {@code sandbox} (0|1 against {@code test_ipn}),
     * as {@code name=value&...} text with percent-encoded values ({@code tobi%40example.com}).
     * A mismatch throws {@code INVALID_FIELD} naming the field, a configured field absent
     * {@code MISSING_FIELD}. The {@code txn_id} duplicate check is yours
     * ({@link #paypalField}).
     */
    public static void paypalCheck(byte[] body, String options) {
        Native.paypalCheck(body, Strings.utf8(options, "options"));
    }

    /**
     * One field of an IPN body, decoded per its {@code charset} field (windows-1252 when
     * absent). An absent field throws {@code MISSING_FIELD}.
     */
    public static String paypalField(byte[] body, String name) {
        return Strings.text(Native.paypalField(body, Strings.utf8(name, "name")));
    }

    /**
     * Why PayPal answered {@code INVALID}: compares the raw notification {@code body} with the
     * postback you sent ({@code sent}, may be null) and the {@code host} it went to (may be null).
     * Returns the JSON report {@code {"mode":"paypal_postback","findings":[{"cause":…,"detail":…}]}},
     * causes {@code sandbox_to_live_host}, {@code live_to_sandbox_host}, {@code charset_field},
     * {@code plus_vs_pct20}, {@code hex_case}, {@code reencoded}, {@code fields_reordered},
     * {@code fields_changed}; an empty list when nothing explains it.
     */
    public static String paypalDiagnose(byte[] body, byte[] sent, String host) {
        return Strings.text(Native.paypalDiagnose(body, sent, Strings.utf8(host, "host")));
    }

    // ---- UnionPay ACP (docs/specs/unionpay-acp.md) -------------------------------------------

    /**
     * {@code encryptCertId}: the decimal serial of UnionPay's encryption certificate {@code cert}
     * (PEM or DER X.509, e.g. acp_enc.cer). Not a certificate throws {@code KEY_ERROR}.
     */
    public static String unionpayEncryptCertId(byte[] cert) {
        return Strings.text(Native.unionpayEncryptCertId(cert));
    }

    /**
     * A sensitive field's value ({@code accNo} …) RSA-encrypted (PKCS#1 v1.5) under the encryption
     * certificate {@code cert}, as base64 text. The padding is random: each call gives a new text.
     * An empty value or one longer than the key takes throws {@code INVALID_FIELD}.
     */
    public static String unionpayEncrypt(byte[] cert, byte[] plain) {
        return Strings.text(Native.unionpayEncrypt(cert, plain));
    }

    /**
     * The encrypted PIN ({@code pin}, 4 to 12 digits) for card number {@code accNo} (11 to 19
     * digits): the ANSI X9.8 PIN block RSA-encrypted under {@code cert}, as base64 text.
     */
    public static String unionpayEncryptPin(byte[] cert, String pin, String accNo) {
        return Strings.text(Native.unionpayEncryptPin(cert, Strings.utf8(pin, "pin"), Strings.utf8(accNo, "accNo")));
    }

    /**
     * {@code customerInfo} from the sub-fields {@code fields} (in their order), for
     * {@code version} 5.0.0 (plain) or 5.1.0 ({@code phoneNo}, {@code cvn2}, {@code expired}
     * encrypted into {@code encryptedInfo} with {@code cert}). A {@code pin} sub-field becomes its
     * encrypted PIN block with the card number {@code accNo}. {@code cert} and {@code accNo} may
     * be null when nothing needs them.
     */
    public static String unionpayCustomerInfo(Map<String, String> fields, String version, byte[] cert,
                                              String accNo) {
        Strings.Packed kv = Strings.pack(fields);
        return Strings.text(Native.unionpayCustomerInfo(kv == null ? null : kv.data, kv == null ? 0 : kv.length,
                                                        Strings.utf8(version, "version"), cert,
                                                        Strings.utf8(accNo, "accNo")));
    }

    /**
     * UnionPay's {@code certId} of {@code key} (the merchant's PFX, or a certificate): its serial
     * in decimal, e.g. {@code 69903319369}. A key without a certificate (a secret, a bare private
     * key) throws {@code KEY_MISMATCH}.
     */
    public static String unionpayCertId(Key key) {
        long k = key == null ? 0 : key.acquire();
        try {
            return Strings.text(Native.unionpayCertId(k));
        } finally {
            if (key != null) {
                key.release();
            }
        }
    }

    /**
     * Verifies a UnionPay notification or synchronous reply body, form-encoded exactly as
     * received, with {@code profile} {@code unionpay.acp.notify} or {@code unionpay.acp.response}.
     * 5.1.0: {@code root} and {@code middle} (PEM or DER: UnionPay's root and middle
     * certificates, acp_root.cer / acp_middle.cer) are required; the body's
     * {@code signPubKeyCert} must chain to them, be within its dates and name UnionPay, else
     * {@code UNTRUSTED_CERT} (24) is thrown; {@code verifyKey} may be null. 5.0.0:
     * {@code verifyKey} is UnionPay's verify certificate, the one the body's {@code certId} names
     * (else {@code KEY_MISMATCH}); {@code root}/{@code middle} may be null. {@code options}: null,
     * or {@code now} (Unix seconds: check the dates at that time) and {@code test_cn=1} (accept
     * the test environment's owner {@code 00040000:SIGN}).
     *
     * @return true when the signature holds, false when it does not
     */
    public static boolean unionpayVerify(String profile, byte[] body, byte[] root, byte[] middle, Key verifyKey,
                                         String options) {
        byte[] p = Strings.utf8(profile, "profile");
        byte[] o = Strings.utf8(options, "options");
        long k = verifyKey == null ? 0 : verifyKey.acquire();
        try {
            return Native.unionpayVerify(p, body, root, middle, k, o);
        } finally {
            if (verifyKey != null) {
                verifyKey.release();
            }
        }
    }

    // ---- reply --------------------------------------------------------------------------

    /**
     * The exact body the gateway expects back from a notification handler, e.g. 99bill's
     * {@code <result>1</result><redirecturl>...</redirecturl>}. {@code redirectUrl} is used
     * by gateways whose reply carries one (99bill); null otherwise.
     */
    public static String reply(String profile, boolean success, String redirectUrl) {
        return Strings.text(Native.reply(Strings.utf8(profile, "profile"), success,
                                         Strings.utf8(redirectUrl, "redirectUrl")));
    }

    public static String reply(String profile, boolean success) {
        return reply(profile, success, null);
    }

    // ---- params codec -------------------------------------------------------------------

    /** Parses a body ({@code form}, {@code xml} or {@code json}) without verifying it. */
    public static LinkedHashMap<String, String> parse(byte[] data, String format, String charset) {
        return Strings.toMap(Native.parse(data, Strings.utf8(format == null ? "form" : format, "format"),
                                          Strings.utf8(charset, "charset")), 0);
    }

    /**
     * Encodes parameters as {@code form} (percent-encoded in {@code charset}, null: UTF-8),
     * {@code xml} or {@code json}: e.g. a GET URL's query string for a signed request.
     */
    public static String encode(Map<String, String> params, String format, String charset) {
        Strings.Packed kv = Strings.pack(params);
        return Strings.text(Native.encode(kv == null ? null : kv.data, kv == null ? 0 : kv.length,
                                          Strings.utf8(format == null ? "form" : format, "format"),
                                          Strings.utf8(charset, "charset")));
    }

    /** {@code java -jar paysign.jar}: prints the version and where the native library came from. */
    public static void main(String[] args) {
        String v = version();
        System.out.println("paysign " + v + " (native library: " + NativeLoader.loadedFrom() + ")");
    }
}
