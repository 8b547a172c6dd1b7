using System;
using System.Collections.Generic;

namespace PaySign
{
    /// <summary>
    /// Sign requests, verify notifications and build the reply bodies gateways expect.
    /// Every method is a thin call into the native paysign library; the rules live there.
    /// </summary>
    /// <remarks>
    /// <para>Parameters go in as any IEnumerable&lt;KeyValuePair&lt;string,string&gt;&gt;: a
    /// <see cref="ParamList"/>, a List of pairs or a Dictionary. Their order does not change
    /// the signature (each profile fixes its own order); it matters only when a name repeats:
    /// the later value then replaces the earlier one in place. To have repeated names detected
    /// (Status.DuplicateField), hand the raw body to <see cref="VerifyBody(string, byte[], Key, string, string, string)"/>.</para>
    /// <para>Options are "name=value&amp;name=value" (hash=sha1|sha256|md5, charset=...,
    /// sign_type=..., query_key=...) or a dictionary of the same. null means none.</para>
    /// <para>Errors throw <see cref="PaySignException"/> carrying the core's status; a string
    /// containing a NUL character throws ArgumentException naming the parameter.</para>
    /// </remarks>
    public static class Signer
    {
        static Signer()
        {
            NativeLoader.Ensure();
        }

        /// <summary>The native library's version, e.g. "0.1.0".</summary>
        public static string Version()
        {
            return Utf8.FromStatic(NativeMethods.paysign_version());
        }

        // ---- Sign ----

        /// <summary>
        /// The signature for <paramref name="parameters"/> under <paramref name="profile"/>
        /// (e.g. "99bill.pay.request"). <paramref name="key"/> may be null when no secret enters.
        /// </summary>
        public static string Sign(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, string options = null)
        {
            string signature;
            SignCore(profile, parameters, key, options, false, out signature);
            return signature;
        }

        public static string Sign(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, IDictionary<string, string> options)
        {
            return Sign(profile, parameters, key, Native.JoinOptions(options));
        }

        /// <summary>
        /// The parameters with the profile's signature field set (replaced in place or
        /// appended), ready to encode as a form.
        /// </summary>
        public static ParamList SignParams(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, string options = null)
        {
            string signature;
            return SignCore(profile, parameters, key, options, true, out signature);
        }

        public static ParamList SignParams(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, IDictionary<string, string> options)
        {
            return SignParams(profile, parameters, key, Native.JoinOptions(options));
        }

        private static ParamList SignCore(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, string options, bool readBack, out string signature)
        {
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] opts = Utf8.ToNative(options, "options");
            IntPtr h = Native.BuildParams(parameters, "parameters");
            try
            {
                signature = Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
                {
                    return key == null
                        ? NativeMethods.paysign_sign_nokey(prof, opts, h, IntPtr.Zero, b, c, out l)
                        : NativeMethods.paysign_sign(prof, opts, h, key, b, c, out l);
                });
                return readBack ? Native.ReadParams(h) : null;
            }
            finally
            {
                Native.FreeParams(h);
            }
        }

        // ---- SignString ----

        /// <summary>
        /// The exact text that is digested or signed (secret included where the algorithm
        /// embeds it: never log it).
        /// </summary>
        public static string SignString(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, string options = null)
        {
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] opts = Utf8.ToNative(options, "options");
            IntPtr h = Native.BuildParams(parameters, "parameters");
            try
            {
                return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
                {
                    return key == null
                        ? NativeMethods.paysign_sign_string_nokey(prof, opts, h, IntPtr.Zero, b, c, out l)
                        : NativeMethods.paysign_sign_string(prof, opts, h, key, b, c, out l);
                });
            }
            finally
            {
                Native.FreeParams(h);
            }
        }

        public static string SignString(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, IDictionary<string, string> options)
        {
            return SignString(profile, parameters, key, Native.JoinOptions(options));
        }

        // ---- Verify ----

        /// <summary>
        /// True when the signature field in <paramref name="parameters"/> holds, false when it
        /// does not; throws PaySignException for anything else (missing field, bad key...).
        /// </summary>
        public static bool Verify(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, string options = null)
        {
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] opts = Utf8.ToNative(options, "options");
            IntPtr h = Native.BuildParams(parameters, "parameters");
            try
            {
                int st = key == null
                    ? NativeMethods.paysign_verify_nokey(prof, opts, h, IntPtr.Zero)
                    : NativeMethods.paysign_verify(prof, opts, h, key);
                return Verdict(st);
            }
            finally
            {
                Native.FreeParams(h);
            }
        }

        public static bool Verify(string profile, IEnumerable<KeyValuePair<string, string>> parameters,
            Key key, IDictionary<string, string> options)
        {
            return Verify(profile, parameters, key, Native.JoinOptions(options));
        }

        // ---- VerifyBody ----

        /// <summary>
        /// Verifies a body exactly as received: the raw query string (without '?') or POST
        /// body. <paramref name="format"/> is "form", "xml" or "json"; <paramref name="charset"/>
        /// the body's charset (null: UTF-8). True or false is the verdict.
        /// </summary>
        public static bool VerifyBody(string profile, byte[] body, Key key,
            string format = "form", string charset = null, string options = null)
        {
            ParamList ignored;
            return VerifyBodyCore(profile, body, key, format, charset, options, false, out ignored);
        }

        /// <summary>
        /// As above; when the signature holds, <paramref name="fields"/> receives the parsed
        /// fields in the order received (null when it does not hold).
        /// </summary>
        public static bool VerifyBody(string profile, byte[] body, Key key, out ParamList fields,
            string format = "form", string charset = null, string options = null)
        {
            return VerifyBodyCore(profile, body, key, format, charset, options, true, out fields);
        }

        public static bool VerifyBody(string profile, byte[] body, Key key,
            string format, string charset, IDictionary<string, string> options)
        {
            return VerifyBody(profile, body, key, format, charset, Native.JoinOptions(options));
        }

        public static bool VerifyBody(string profile, byte[] body, Key key, out ParamList fields,
            string format, string charset, IDictionary<string, string> options)
        {
            return VerifyBody(profile, body, key, out fields, format, charset, Native.JoinOptions(options));
        }

        private static bool VerifyBodyCore(string profile, byte[] body, Key key, string format,
            string charset, string options, bool wantFields, out ParamList fields)
        {
            fields = null;
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] opts = Utf8.ToNative(options, "options");
            byte[] fmt = Utf8.ToNative(format, "format");
            byte[] cs = Utf8.ToNative(charset, "charset");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            IntPtr parsed = IntPtr.Zero;
            try
            {
                int st = key == null
                    ? NativeMethods.paysign_verify_body_nokey(prof, opts, body, len, fmt, cs, IntPtr.Zero, out parsed)
                    : NativeMethods.paysign_verify_body(prof, opts, body, len, fmt, cs, key, out parsed);
                bool ok = Verdict(st);
                if (ok && wantFields && parsed != IntPtr.Zero)
                    fields = Native.ReadParams(parsed);
                return ok;
            }
            finally
            {
                Native.FreeParams(parsed);
            }
        }

        // ---- Diagnose ----

        /// <summary>
        /// Why a body does not verify. Checks it as VerifyBody does and, when that fails,
        /// searches the known mistakes (charset, digest, canonical form, key) for the one that
        /// explains it. Returns the native library's report, one JSON object: "verdict"
        /// ("valid", "invalid" or "error"), "cause" (null when valid; e.g. "digest", "charset",
        /// "none"), "explanation", "sign_string" (secrets masked as ***), "variant",
        /// "warnings" (schema: diagnose::Report in the core). Parse it with any JSON library.
        /// </summary>
        /// <remarks>
        /// A body that does not decode or lacks a field is reported ("verdict": "error"), not
        /// thrown; bad arguments (unknown profile, option, format or charset) throw
        /// PaySignException. <paramref name="key"/> may be null: the report then says what is
        /// missing. <paramref name="charset"/> null: the charset the message declares. The
        /// search can run dozens of RSA verifications: call it where a signature fails, not on
        /// every notification.
        /// </remarks>
        public static string Diagnose(string profile, byte[] body, Key key,
            string format = "form", string charset = null, string options = null)
        {
            return DiagnoseCore(false, profile, body, key, format, charset, options);
        }

        public static string Diagnose(string profile, byte[] body, Key key,
            string format, string charset, IDictionary<string, string> options)
        {
            return Diagnose(profile, body, key, format, charset, Native.JoinOptions(options));
        }

        /// <summary>
        /// Like Diagnose for the merchant's own signature: <paramref name="body"/> holds the
        /// fields the merchant signed and the signature their code (or the vendor demo)
        /// computed, <paramref name="key"/> the merchant's key. The report ("mode": "sign")
        /// says whether paysign signs the same ("paysign_signature") and, when not, which
        /// variant matches and where the sign strings first differ.
        /// </summary>
        public static string DiagnoseSign(string profile, byte[] body, Key key,
            string format = "form", string charset = null, string options = null)
        {
            return DiagnoseCore(true, profile, body, key, format, charset, options);
        }

        public static string DiagnoseSign(string profile, byte[] body, Key key,
            string format, string charset, IDictionary<string, string> options)
        {
            return DiagnoseSign(profile, body, key, format, charset, Native.JoinOptions(options));
        }

        // A report is often a few KB and is recomputed on every call: a first buffer that
        // holds nearly every report, so the search usually runs once.
        private const int ReportBuffer = 16384;

        private static string DiagnoseCore(bool sign, string profile, byte[] body, Key key,
            string format, string charset, string options)
        {
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] opts = Utf8.ToNative(options, "options");
            byte[] fmt = Utf8.ToNative(format, "format");
            byte[] cs = Utf8.ToNative(charset, "charset");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Native.CallForLongString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                if (sign)
                {
                    return key == null
                        ? NativeMethods.paysign_diagnose_sign_nokey(prof, opts, body, len, fmt, cs, IntPtr.Zero, b, c, out l)
                        : NativeMethods.paysign_diagnose_sign(prof, opts, body, len, fmt, cs, key, b, c, out l);
                }
                return key == null
                    ? NativeMethods.paysign_diagnose_nokey(prof, opts, body, len, fmt, cs, IntPtr.Zero, b, c, out l)
                    : NativeMethods.paysign_diagnose(prof, opts, body, len, fmt, cs, key, b, c, out l);
            }, ReportBuffer);
        }

        // ---- Built-in keys, Alipay notify_verify ----

        /// <summary>
        /// The names of the gateway certificates and keys compiled into the native library
        /// (e.g. "99bill.production", "allinpay.gateway"), for <see cref="Key.Builtin"/>.
        /// </summary>
        public static string[] BuiltinKeys()
        {
            string all = Native.CallTruncating(NativeMethods.paysign_builtin_keys);
            return all.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>
        /// Alipay legacy mapi: the notify_verify (ATN) URL for a received notify_id. GET it
        /// yourself and accept the notification only if the body is exactly "true".
        /// </summary>
        public static string AlipayNotifyVerifyUrl(string partner, string notifyId)
        {
            byte[] p = Utf8.ToNative(partner, "partner");
            byte[] n = Utf8.ToNative(notifyId, "notifyId");
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_alipay_notify_verify_url(p, n, b, c, out l);
            });
        }

        // ---- Alipay certificate mode and synchronous responses ----

        /// <summary>
        /// Alipay certificate mode: the SN (app_cert_sn, alipay_cert_sn) of the first
        /// certificate in <paramref name="data"/> (PEM, DER or bare base64), 32 lowercase hex.
        /// </summary>
        public static string AlipayCertSn(byte[] data)
        {
            UIntPtr len = data == null ? UIntPtr.Zero : (UIntPtr)data.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_alipay_cert_sn(data, len, b, c, out l);
            });
        }

        /// <summary>
        /// alipay_root_cert_sn of the root bundle (alipayRootCert.crt): the SNs of its
        /// RSA-signed certificates joined by "_".
        /// </summary>
        public static string AlipayRootCertSn(byte[] data)
        {
            UIntPtr len = data == null ? UIntPtr.Zero : (UIntPtr)data.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_alipay_root_cert_sn(data, len, b, c, out l);
            });
        }

        /// <summary>
        /// Verifies a synchronous OpenAPI response body (exactly as received) over the text of
        /// its &lt;method&gt;_response or error_response node, with the Alipay public key or
        /// public-key certificate. Options: sign_type (RSA2, RSA), charset. True when valid,
        /// false when not; every other problem throws.
        /// </summary>
        public static bool AlipayVerifyResponse(byte[] body, string method, Key key, string options = null)
        {
            if (key == null)
                throw new ArgumentNullException("key");
            byte[] m = Utf8.ToNative(method, "method");
            byte[] opts = Utf8.ToNative(options, "options");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Verdict(NativeMethods.paysign_alipay_verify_response(body, len, m, key, opts));
        }

        /// <summary>
        /// Alipay AES content encryption (encrypt_type=AES): the base64 ciphertext of
        /// <paramref name="plain"/> (the biz_content JSON, in the request's charset) under
        /// <paramref name="aesKey"/>, the base64 AES key Alipay issues as <see cref="Key.Secret"/>.
        /// Put it in biz_content, add encrypt_type=AES, then sign. A key that is not 16, 24 or 32
        /// bytes of base64 throws (Status.KeyError); a key that is not a secret, Status.KeyMismatch.
        /// </summary>
        public static string AlipayEncrypt(Key aesKey, byte[] plain)
        {
            if (aesKey == null)
                throw new ArgumentNullException("aesKey");
            UIntPtr len = plain == null ? UIntPtr.Zero : (UIntPtr)plain.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_alipay_encrypt(aesKey, plain, len, b, c, out l);
            });
        }

        /// <summary>
        /// The plaintext of an AES-encrypted synchronous response body (exactly as received): its
        /// &lt;method&gt;_response node decrypted with <paramref name="aesKey"/> (as for
        /// <see cref="AlipayEncrypt"/>). Verify the body first with
        /// <see cref="AlipayVerifyResponse"/>: its signature covers the ciphertext. Options:
        /// charset. A wrong key or altered ciphertext throws (Status.DecryptError); a node that
        /// is not encrypted, Status.InvalidField naming it.
        /// </summary>
        public static string AlipayDecryptResponse(byte[] body, string method, Key aesKey, string options = null)
        {
            if (aesKey == null)
                throw new ArgumentNullException("aesKey");
            byte[] m = Utf8.ToNative(method, "method");
            byte[] opts = Utf8.ToNative(options, "options");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_alipay_decrypt_response(body, len, m, aesKey, opts, b, c, out l);
            });
        }

        // ---- PayPal IPN (docs/specs/paypal.md): the caller does the HTTPS POST ----

        /// <summary>The exact postback body: "cmd=_notify-validate&amp;" + the raw IPN body unchanged.</summary>
        public static string PaypalPostback(byte[] body)
        {
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_paypal_postback(body, len, b, c, out l);
            });
        }

        /// <summary>PayPal's answer: true for VERIFIED, false for INVALID; anything else throws.</summary>
        public static bool PaypalVerdict(byte[] answer)
        {
            UIntPtr len = answer == null ? UIntPtr.Zero : (UIntPtr)answer.Length;
            return Verdict(NativeMethods.paysign_paypal_verdict(answer, len));
        }

        /// <summary>
        /// The merchant's checks on a VERIFIED body (options receiver_email, business, receiver_id,
        /// amount, currency, payment_status, sandbox=0|1); a mismatch throws naming the field.
        /// </summary>
        public static void PaypalCheck(byte[] body, string options = null)
        {
            byte[] opts = Utf8.ToNative(options, "options");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            int st = NativeMethods.paysign_paypal_check(body, len, opts);
            if (st != (int)Status.Ok)
                throw Native.Error(st);
        }

        /// <summary>One field of an IPN body, decoded per its charset field.</summary>
        public static string PaypalField(byte[] body, string name)
        {
            byte[] n = Utf8.ToNative(name, "name");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_paypal_field(body, len, n, b, c, out l);
            });
        }

        /// <summary>
        /// Why PayPal answered INVALID: compares the raw notification <paramref name="body"/> with
        /// the postback you sent (<paramref name="sent"/>, may be null) and the
        /// <paramref name="host"/> it went to (may be null). Returns the JSON report
        /// {"mode":"paypal_postback","findings":[{"cause":…,"detail":…}]}, causes
        /// sandbox_to_live_host, live_to_sandbox_host, charset_field, plus_vs_pct20, hex_case,
        /// reencoded, fields_reordered, fields_changed; an empty list when nothing explains it.
        /// </summary>
        public static string PaypalDiagnose(byte[] body, byte[] sent, string host = null)
        {
            byte[] h = Utf8.ToNative(host, "host");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            UIntPtr sentLen = sent == null ? UIntPtr.Zero : (UIntPtr)sent.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_paypal_diagnose(body, len, sent, sentLen, h, b, c, out l);
            });
        }

        // ---- UnionPay ACP (docs/specs/unionpay-acp.md) ----

        /// <summary>
        /// UnionPay's certId of <paramref name="key"/> (the merchant's PFX, or a certificate): its
        /// serial in decimal, e.g. 69903319369. A key without a certificate throws
        /// Status.KeyMismatch.
        /// </summary>
        public static string UnionpayCertId(Key key)
        {
            if (key == null)
                throw new ArgumentNullException("key");
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_unionpay_cert_id(key, b, c, out l);
            });
        }

        /// <summary>
        /// Verifies a UnionPay notification or synchronous reply body, form-encoded exactly as
        /// received (Request.BinaryRead, not Request.Form), with profile unionpay.acp.notify or
        /// unionpay.acp.response. 5.1.0: <paramref name="root"/> and <paramref name="middle"/>
        /// (PEM or DER: UnionPay's acp_root.cer and acp_middle.cer) are required; the body's
        /// signPubKeyCert must chain to them, be within its dates and name UnionPay, else
        /// Status.UntrustedCert is thrown; <paramref name="verifyKey"/> may be null. 5.0.0:
        /// <paramref name="verifyKey"/> is UnionPay's verify certificate, the one the body's certId
        /// names (else Status.KeyMismatch); root and middle may be null. Options: now (Unix
        /// seconds: check the dates at that time), test_cn=1 (accept the test owner
        /// 00040000:SIGN). True when valid, false when not; every other problem throws.
        /// </summary>
        public static bool UnionpayVerify(string profile, byte[] body, byte[] root, byte[] middle,
            Key verifyKey = null, string options = null)
        {
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] opts = Utf8.ToNative(options, "options");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            UIntPtr rootLen = root == null ? UIntPtr.Zero : (UIntPtr)root.Length;
            UIntPtr middleLen = middle == null ? UIntPtr.Zero : (UIntPtr)middle.Length;
            return Verdict(verifyKey == null
                ? NativeMethods.paysign_unionpay_verify_body_nokey(prof, body, len, root, rootLen, middle, middleLen,
                    IntPtr.Zero, opts)
                : NativeMethods.paysign_unionpay_verify_body(prof, body, len, root, rootLen, middle, middleLen,
                    verifyKey, opts));
        }

        /// <summary>
        /// encryptCertId: the decimal serial of UnionPay's encryption certificate
        /// <paramref name="cert"/> (PEM or DER X.509, acp_enc.cer). Not a certificate throws
        /// Status.KeyError.
        /// </summary>
        public static string UnionpayEncryptCertId(byte[] cert)
        {
            UIntPtr len = cert == null ? UIntPtr.Zero : (UIntPtr)cert.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_unionpay_encrypt_cert_id(cert, len, b, c, out l);
            });
        }

        /// <summary>
        /// A sensitive field's value (accNo …) RSA-encrypted (PKCS#1 v1.5) under the encryption
        /// certificate <paramref name="cert"/>, as base64 text. The padding is random: each call
        /// gives a new text. Empty, or longer than the key takes: Status.InvalidField.
        /// </summary>
        public static string UnionpayEncrypt(byte[] cert, byte[] plaintext)
        {
            UIntPtr len = cert == null ? UIntPtr.Zero : (UIntPtr)cert.Length;
            UIntPtr plainLen = plaintext == null ? UIntPtr.Zero : (UIntPtr)plaintext.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_unionpay_encrypt(cert, len, plaintext, plainLen, b, c, out l);
            });
        }

        /// <summary>
        /// The encrypted PIN (<paramref name="pin"/>, 4 to 12 digits) for the card number
        /// <paramref name="accNo"/> (11 to 19 digits): the ANSI X9.8 PIN block RSA-encrypted under
        /// <paramref name="cert"/>, as base64 text.
        /// </summary>
        public static string UnionpayEncryptPin(byte[] cert, string pin, string accNo)
        {
            byte[] p = Utf8.ToNative(pin, "pin");
            byte[] a = Utf8.ToNative(accNo, "accNo");
            UIntPtr len = cert == null ? UIntPtr.Zero : (UIntPtr)cert.Length;
            try
            {
                return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
                {
                    return NativeMethods.paysign_unionpay_encrypt_pin(cert, len, p, a, b, c, out l);
                });
            }
            finally
            {
                Wipe(p);
                Wipe(a);
            }
        }

        /// <summary>
        /// customerInfo from the sub-fields <paramref name="fields"/> (in their order), for
        /// <paramref name="version"/> 5.0.0 (plain) or 5.1.0 (phoneNo, cvn2, expired encrypted into
        /// encryptedInfo with <paramref name="cert"/>). A pin sub-field becomes its encrypted PIN
        /// block with the card number <paramref name="accNo"/>. cert and accNo may be null when
        /// nothing needs them.
        /// </summary>
        public static string UnionpayCustomerInfo(IEnumerable<KeyValuePair<string, string>> fields, string version,
            byte[] cert = null, string accNo = null)
        {
            byte[] v = Utf8.ToNative(version, "version");
            byte[] a = Utf8.ToNative(accNo, "accNo");
            UIntPtr len = cert == null ? UIntPtr.Zero : (UIntPtr)cert.Length;
            IntPtr h = Native.BuildParams(fields, "fields");
            try
            {
                return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
                {
                    return NativeMethods.paysign_unionpay_customer_info(h, v, cert, len, a, b, c, out l);
                });
            }
            finally
            {
                Native.FreeParams(h);
                Wipe(a);
            }
        }

        // The PIN and card number copies are confidential: cleared once the call is done.
        private static void Wipe(byte[] b)
        {
            if (b != null)
                Array.Clear(b, 0, b.Length);
        }

        // ---- WeChat Pay v2 refund notifications ----

        /// <summary>
        /// Decrypts a WeChat Pay v2 refund notification (the XML body exactly as received): its
        /// req_info is AES-256-ECB under MD5 of the API key; there is no signature. Returns the
        /// notification's fields without req_info, then the decrypted refund fields
        /// (out_refund_no, refund_status, refund_fee ...), in order. Throws PaySignException
        /// with Status.DecryptError for a wrong key or an altered or cut-short req_info.
        /// </summary>
        public static ParamList WechatRefundDecrypt(byte[] body, Key apiKey)
        {
            if (apiKey == null)
                throw new ArgumentNullException("apiKey");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            IntPtr fields = IntPtr.Zero;
            try
            {
                int st = NativeMethods.paysign_wechat_refund_decrypt(apiKey, body, len, out fields);
                if (st != (int)Status.Ok)
                    throw Native.Error(st);
                return Native.ReadParams(fields);
            }
            finally
            {
                Native.FreeParams(fields);
            }
        }

        // ---- WeChat Pay API v3 ----

        /// <summary>
        /// WeChat Pay API v3: the Authorization header value of a request. <paramref name="url"/>
        /// is the path with its query ("/v3/pay/transactions/jsapi"); <paramref name="body"/> the
        /// exact body (null or empty for GET); <paramref name="key"/> the merchant API certificate
        /// key. serialNo null: the serial of the certificate loaded with the key
        /// (apiclient_cert.p12); timestamp and nonce null: now and a random nonce.
        /// </summary>
        public static string WechatV3Authorization(string method, string url, byte[] body, string mchid, Key key,
            string serialNo = null, string timestamp = null, string nonce = null)
        {
            if (key == null)
                throw new ArgumentNullException("key");
            byte[] m = Utf8.ToNative(method, "method");
            byte[] u = Utf8.ToNative(url, "url");
            byte[] id = Utf8.ToNative(mchid, "mchid");
            byte[] sn = Utf8.ToNative(serialNo, "serialNo");
            byte[] t = Utf8.ToNative(timestamp, "timestamp");
            byte[] n = Utf8.ToNative(nonce, "nonce");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_wechat_v3_authorization(m, u, t, n, body, len, id, sn, key, b, c, out l);
            });
        }

        /// <summary>
        /// WeChat Pay API v3: verifies a response or notification, the Wechatpay-Timestamp,
        /// -Nonce, -Signature and -Serial header values over the body exactly as received, with
        /// the platform certificate the serial names or the WeChat Pay public key (PUB_KEY_ID_...).
        /// Options: window (seconds, default 300), now, key_id. True when valid, false when not;
        /// a stale timestamp (Status.StaleTimestamp) and every other problem throws.
        /// </summary>
        public static bool WechatV3Verify(string timestamp, string nonce, string signature, string serial,
            byte[] body, Key key, string options = null)
        {
            if (key == null)
                throw new ArgumentNullException("key");
            byte[] t = Utf8.ToNative(timestamp, "timestamp");
            byte[] n = Utf8.ToNative(nonce, "nonce");
            byte[] s = Utf8.ToNative(signature, "signature");
            byte[] sn = Utf8.ToNative(serial, "serial");
            byte[] opts = Utf8.ToNative(options, "options");
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            return Verdict(NativeMethods.paysign_wechat_v3_verify(t, n, s, sn, body, len, key, opts));
        }

        /// <summary>
        /// WeChat Pay API v3: the plaintext JSON of a (verified) notification body's resource,
        /// decrypted with the 32-byte APIv3 key. A wrong key or altered data throws
        /// (Status.DecryptError).
        /// </summary>
        public static string WechatV3Decrypt(byte[] body, byte[] apiv3Key)
        {
            return WechatV3BodyKey(NativeMethods.paysign_wechat_v3_decrypt, body, apiv3Key);
        }

        /// <summary>
        /// WeChat Pay API v3 platform-certificate download: the certificates of a (verified)
        /// GET /v3/certificates body as a JSON array of {"serial_no","effective_time",
        /// "expire_time","pem"}. A PEM that is not the certificate its serial_no names throws
        /// (Status.KeyError or Status.KeyMismatch).
        /// </summary>
        public static string WechatV3Certificates(byte[] body, byte[] apiv3Key)
        {
            return WechatV3BodyKey(NativeMethods.paysign_wechat_v3_certificates, body, apiv3Key);
        }

        private delegate int BodyKeyCall(byte[] body, UIntPtr len, byte[] apiv3Key, UIntPtr keyLen, byte[] buf,
            UIntPtr cap, out UIntPtr outLen);

        // The two calls of (body as received, APIv3 key) that return text.
        private static string WechatV3BodyKey(BodyKeyCall call, byte[] body, byte[] apiv3Key)
        {
            UIntPtr len = body == null ? UIntPtr.Zero : (UIntPtr)body.Length;
            UIntPtr keyLen = apiv3Key == null ? UIntPtr.Zero : (UIntPtr)apiv3Key.Length;
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return call(body, len, apiv3Key, keyLen, b, c, out l);
            });
        }

        /// <summary>
        /// WeChat Pay API v3 client signature: kind "jsapi" (also mini program; prepay is
        /// "prepay_id=...", the result is paySign) or "app" (prepay is the bare prepay id, the
        /// result is the PayReq sign).
        /// </summary>
        public static string WechatV3ClientSign(string kind, string appId, string timestamp, string nonce,
            string prepay, Key key)
        {
            if (key == null)
                throw new ArgumentNullException("key");
            byte[] k = Utf8.ToNative(kind, "kind");
            byte[] a = Utf8.ToNative(appId, "appId");
            byte[] t = Utf8.ToNative(timestamp, "timestamp");
            byte[] n = Utf8.ToNative(nonce, "nonce");
            byte[] p = Utf8.ToNative(prepay, "prepay");
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_wechat_v3_client_sign(k, a, t, n, p, key, b, c, out l);
            });
        }

        // ---- Reply ----

        /// <summary>
        /// The exact body a notification handler sends back, e.g. for 99bill
        /// "&lt;result&gt;1&lt;/result&gt;&lt;redirecturl&gt;...&lt;/redirecturl&gt;".
        /// </summary>
        public static string Reply(string profile, bool success, string redirectUrl = null)
        {
            byte[] prof = Utf8.ToNative(profile, "profile");
            byte[] url = Utf8.ToNative(redirectUrl, "redirectUrl");
            return Native.CallForString(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_reply(prof, success ? 1 : 0, url, b, c, out l);
            });
        }

        private static bool Verdict(int st)
        {
            if (st == (int)Status.Ok)
                return true;
            if (st == (int)Status.BadSignature)
                return false;
            throw Native.Error(st);
        }
    }
}
