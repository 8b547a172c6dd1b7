package com.paysign;

/**
 * The JNI entry points (bindings/java/native/paysign_jni.c). Every text crosses as UTF-8 bytes
 * without a terminator (the C side appends the NUL). A params map goes in as one packed byte[]
 * ({@link Strings#pack}: the first {@code length} bytes hold {@code name NUL value NUL ...}, the
 * format of paysign_params_set_all) and comes back as a flat {@code byte[][]}
 * {name0, value0, name1, value1, ...}. Errors are thrown from C as
 * {@link PaySignException}. Keys are passed as the native pointer (0 = NULL).
 */
final class Native {
    static {
        NativeLoader.load();
    }

    private Native() {
    }

    static native byte[] version();

    static native byte[] profiles();

    static native long keySecret(byte[] secret);

    static native long keyLoad(byte[] data, byte[] password);

    static native long keyLoadFile(byte[] path, byte[] password);

    static native long keyBuiltin(byte[] name);

    static native void keyFree(long key);

    /**
     * With signature, the signature alone (paysign_sign; nothing else crosses back); else the
     * sign string (paysign_sign_string).
     */
    static native byte[] signText(boolean signature, byte[] profile, byte[] options, byte[] params,
                                  int length, long key);

    /** Returns {signature, name0, value0, ...}: the params after the signature field was set. */
    static native byte[][] sign(byte[] profile, byte[] options, byte[] params, int length,
                                long key);

    static native boolean verify(byte[] profile, byte[] options, byte[] params, int length,
                                 long key);

    /** Returns null for BAD_SIGNATURE, else the parsed pairs (empty when !wantParams). */
    static native byte[][] verifyBody(byte[] profile, byte[] options, byte[] body, byte[] format,
                                      byte[] charset, long key, boolean wantParams);

    /** The JSON report of paysign_diagnose (sign false) or paysign_diagnose_sign (sign true). */
    static native byte[] diagnose(boolean sign, byte[] profile, byte[] options, byte[] body,
                                  byte[] format, byte[] charset, long key);

    /** Newline-separated names of the built-in keys. */
    static native byte[] builtinKeys();

    static native byte[] alipayNotifyVerifyUrl(byte[] partner, byte[] notifyId);

    /** SN of the first certificate (root false) or alipay_root_cert_sn of a bundle (root true). */
    static native byte[] alipayCertSn(byte[] data, boolean root);

    /** true when valid, false for BAD_SIGNATURE; throws otherwise. */
    static native boolean alipayVerifyResponse(byte[] body, byte[] method, long key, byte[] options);

    /** The base64 ciphertext of plain under the AES key (a secret key handle). */
    static native byte[] alipayEncrypt(long aesKey, byte[] plain);

    /** The plaintext of an encrypted response's node; throws otherwise. */
    static native byte[] alipayDecryptResponse(byte[] body, byte[] method, long aesKey, byte[] options);

    /** Name, value, ... of a decrypted WeChat Pay v2 refund notification; throws otherwise. */
    static native byte[][] wechatRefundDecrypt(long key, byte[] body);
    /** The v3 Authorization header value; timestamp, nonce, serialNo may be null. */
    static native byte[] wechatV3Authorization(byte[] method, byte[] url, byte[] timestamp, byte[] nonce,
                                               byte[] body, byte[] mchid, byte[] serialNo, long key);

    /** true when valid, false for BAD_SIGNATURE; throws otherwise. */
    static native boolean wechatV3Verify(byte[] timestamp, byte[] nonce, byte[] signature, byte[] serial,
                                         byte[] body, long key, byte[] options);

    static native byte[] wechatV3Decrypt(byte[] body, byte[] apiv3Key);

    static native byte[] wechatV3Certificates(byte[] body, byte[] apiv3Key);

    static native byte[] wechatV3ClientSign(byte[] kind, byte[] appId, byte[] timestamp, byte[] nonce,
                                            byte[] prepay, long key);

    /** "cmd=_notify-validate&" + the body unchanged. */
    static native byte[] paypalPostback(byte[] body);

    /** true for VERIFIED, false for INVALID (BAD_SIGNATURE); throws otherwise. */
    static native boolean paypalVerdict(byte[] answer);

    /** Returns when every configured check holds; throws naming the field otherwise. */
    static native void paypalCheck(byte[] body, byte[] options);

    static native byte[] paypalField(byte[] body, byte[] name);

    /** The JSON report of paysign_paypal_diagnose; sent and host may be null. */
    static native byte[] paypalDiagnose(byte[] body, byte[] sent, byte[] host);

    /** The certId (decimal serial) of the key's certificate. */
    static native byte[] unionpayCertId(long key);

    /** true when valid, false for BAD_SIGNATURE; throws otherwise. root, middle may be null. */
    static native boolean unionpayVerify(byte[] profile, byte[] body, byte[] root, byte[] middle, long key,
                                         byte[] options);

    /** encryptCertId: the decimal serial of the encryption certificate. */
    static native byte[] unionpayEncryptCertId(byte[] cert);

    /** Base64 of plain RSA-encrypted (PKCS#1 v1.5) under cert. */
    static native byte[] unionpayEncrypt(byte[] cert, byte[] plain);

    /** Base64 of the encrypted ANSI X9.8 PIN block. */
    static native byte[] unionpayEncryptPin(byte[] cert, byte[] pin, byte[] accNo);

    /** customerInfo from packed sub-fields; cert and accNo may be null. */
    static native byte[] unionpayCustomerInfo(byte[] fields, int length, byte[] version, byte[] cert,
                                              byte[] accNo);

    static native byte[] reply(byte[] profile, boolean success, byte[] redirectUrl);

    static native byte[][] parse(byte[] data, byte[] format, byte[] charset);

    static native byte[] encode(byte[] params, int length, byte[] format, byte[] charset);
}
