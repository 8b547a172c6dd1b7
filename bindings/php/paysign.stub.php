<?php

/**
 * Stub for the paysign extension. paysign_arginfo.h (PHP 8) and
 * paysign_legacy_arginfo.h (PHP 7.4, untyped) are generated from this file:
 *
 *     php /usr/lib/php/<api>/build/gen_stub.php --force-regeneration paysign.stub.php
 *
 * @generate-class-entries
 * @generate-legacy-arginfo 70000
 */

namespace PaySign {

    /**
     * Sign $params (name => value, in the order the gateway expects) with the rule of
     * $profile and return the signature text, exactly as it goes on the wire.
     *
     * $options: null, "name=value&name=value", or ["name" => "value", ...];
     * names: hash, charset, sign_type, query_key.
     *
     * @throws Exception
     */
    function sign(string $profile, array $params, ?Key $key = null, array|string|null $options = null): string {}

    /**
     * Like sign(), but return $params with the profile's signature field set:
     * the array a merchant posts to the gateway.
     *
     * @throws Exception
     */
    function sign_params(string $profile, array $params, ?Key $key = null, array|string|null $options = null): array {}

    /**
     * The exact text that is digested or signed (secret included where the
     * algorithm embeds it). For debugging against a gateway's documentation.
     *
     * @throws Exception
     */
    function sign_string(string $profile, array $params, ?Key $key = null, array|string|null $options = null): string {}

    /**
     * true when the signature field in $params holds, false when it does not;
     * every other problem throws.
     *
     * @throws Exception
     */
    function verify(string $profile, array $params, ?Key $key = null, array|string|null $options = null): bool {}

    /**
     * Verify a body exactly as received (the raw query string, php://input).
     * $format: "form", "xml" or "json". On true, $params receives the parsed
     * fields (name => value, in received order); on false it is set to null.
     *
     * @param array|null $params
     * @throws Exception
     */
    function verify_body(string $profile, string $body, ?Key $key = null, string $format = "form", ?string $charset = null, array|string|null $options = null, &$params = null): bool {}

    /**
     * Why a body does not verify: checks it as verify_body() does and, when that fails,
     * searches the known mistakes (charset, digest, canonical form, key) for the one that
     * explains it. Returns the report decoded as json_decode($json, true) gives it:
     * "verdict" ("valid", "invalid" or "error"), "cause" (null when valid, e.g. "digest",
     * "charset", "none"), "explanation", "sign_string" (secrets masked as ***), "variant",
     * "warnings", ... (the schema is documented on diagnose::Report in the core).
     * A body that does not decode or lacks a field is reported, not thrown; bad arguments
     * (unknown profile, option, format or charset) throw. $key may be null: the report
     * then says what is missing.
     *
     * @return array<string, mixed>
     * @throws Exception
     */
    function diagnose(string $profile, string $body, ?Key $key = null, string $format = "form", ?string $charset = null, array|string|null $options = null): array {}

    /**
     * Like diagnose() for the merchant's own signature: $body holds the fields the merchant
     * signed and the signature their code (or the vendor demo) computed, $key the merchant's
     * key. The report ("mode" => "sign") says whether paysign signs the same
     * ("paysign_signature") and, when not, the variant that matches and the first
     * difference in the sign string.
     *
     * @return array<string, mixed>
     * @throws Exception
     */
    function diagnose_sign(string $profile, string $body, ?Key $key = null, string $format = "form", ?string $charset = null, array|string|null $options = null): array {}

    /**
     * The exact body a notification handler must answer with.
     *
     * @throws Exception
     */
    function reply(string $profile, bool $success, ?string $redirectUrl = null): string {}

    /** The version of the paysign core this extension is linked with. */
    function version(): string {}

    /**
     * The profiles this build knows: profile id => one-line description.
     *
     * @return array<string, string>
     */
    function profiles(): array {}

    /**
     * The names of the gateway certificates and keys compiled into the core, for
     * Key::builtin() (e.g. "99bill.production", "allinpay.gateway").
     *
     * @return list<string>
     */
    function builtin_keys(): array {}

    /**
     * Alipay legacy mapi: the notify_verify (ATN) URL for a received notify_id. GET it
     * yourself and accept the notification only if the body is exactly "true".
     *
     * @throws Exception
     */
    function alipay_notify_verify_url(string $partner, string $notifyId): string {}

    /**
     * Alipay certificate mode: the SN (app_cert_sn, alipay_cert_sn) of the first
     * certificate in $data (PEM, DER or bare base64), 32 lowercase hex characters.
     *
     * @throws Exception
     */
    function alipay_cert_sn(string $data): string {}

    /**
     * alipay_root_cert_sn of the root bundle (alipayRootCert.crt): the SNs of its
     * RSA-signed certificates joined by "_".
     *
     * @throws Exception
     */
    function alipay_root_cert_sn(string $data): string {}

    /**
     * Verify a synchronous OpenAPI response body (exactly as received) over the text of its
     * <method>_response or error_response node, with the Alipay public key or public-key
     * certificate. $method: "alipay.trade.query" ... $options: sign_type (RSA2, RSA),
     * charset. true when valid, false when not; every other problem throws.
     *
     * @throws Exception
     */
    function alipay_verify_response(string $body, string $method, Key $key, array|string|null $options = null): bool {}

    /**
     * Alipay AES content encryption (encrypt_type=AES): the base64 ciphertext of $plain (the
     * biz_content JSON) under $aesKey, the base64 AES key Alipay issues, as Key::secret().
     * Put it in biz_content, add encrypt_type=AES, then sign. A key that is not 16, 24 or 32
     * bytes of base64 throws code 20 (KEY_ERROR); a key that is not a secret, code 21.
     *
     * @throws Exception
     */
    function alipay_encrypt(Key $aesKey, string $plain): string {}

    /**
     * The plaintext of an AES-encrypted synchronous response body (exactly as received): its
     * <method>_response node decrypted with $aesKey (as for alipay_encrypt). Verify the body
     * first with alipay_verify_response: its signature covers the ciphertext. $options:
     * charset. A wrong key or altered ciphertext throws code 23 (DECRYPT_ERROR); a node that
     * is not encrypted, code 14 naming it.
     *
     * @throws Exception
     */
    function alipay_decrypt_response(string $body, string $method, Key $aesKey, array|string|null $options = null): string {}

    /**
     * Decrypt a WeChat Pay v2 refund notification (the XML body exactly as received): its
     * req_info is AES-256-ECB under MD5 of the API key; there is no signature. Returns the
     * notification's fields without req_info followed by the decrypted refund fields
     * (out_refund_no, refund_status, refund_fee ...). Throws Exception with code
     * PAYSIGN_DECRYPT_ERROR (23) for a wrong key or altered or cut-short req_info.
     *
     * @throws Exception
     */
    function wechat_refund_decrypt(string $body, Key $apiKey): array {}

    /**
     * WeChat Pay API v3: the Authorization header value of a request. $url is the path with
     * its query ("/v3/pay/transactions/jsapi"); $body the exact body ("" for GET); $key the
     * merchant API certificate key. $serialNo null: the serial of the certificate loaded with
     * the key (apiclient_cert.p12). $timestamp/$nonce null: now and a random nonce.
     *
     * @throws Exception
     */
    function wechat_v3_authorization(string $method, string $url, string $body, string $mchid, Key $key, ?string $serialNo = null, ?string $timestamp = null, ?string $nonce = null): string {}

    /**
     * WeChat Pay API v3: verify a response or notification, the Wechatpay-Timestamp, -Nonce,
     * -Signature and -Serial header values over the body exactly as received, with the
     * platform certificate the serial names or the WeChat Pay public key (PUB_KEY_ID_...).
     * $options: window (seconds, default 300), now, key_id. true when valid, false when
     * not; a stale timestamp (code 18) and every other problem throws.
     *
     * @throws Exception
     */
    function wechat_v3_verify(string $timestamp, string $nonce, string $signature, string $serial, string $body, Key $key, array|string|null $options = null): bool {}

    /**
     * WeChat Pay API v3: the plaintext JSON of a (verified) notification body's resource,
     * decrypted with the 32-byte APIv3 key. Wrong key or altered data throws (code 23).
     *
     * @throws Exception
     */
    function wechat_v3_decrypt(string $body, string $apiv3Key): string {}

    /**
     * WeChat Pay API v3 platform-certificate download: the certificates of a (verified)
     * GET /v3/certificates body as a JSON array of {serial_no, effective_time, expire_time,
     * pem}. A PEM that is not the certificate its serial_no names throws (code 20 or 21).
     *
     * @throws Exception
     */
    function wechat_v3_certificates(string $body, string $apiv3Key): string {}

    /**
     * WeChat Pay API v3 client signature: $kind "jsapi" (also mini program; $prepay is
     * "prepay_id=...", the result is paySign) or "app" ($prepay is the bare prepay id, the
     * result is the PayReq sign).
     *
     * @throws Exception
     */
    function wechat_v3_client_sign(string $kind, string $appId, string $timestamp, string $nonce, string $prepay, Key $key): string {}

    /**
     * PayPal IPN: the exact postback body for a received IPN body (php://input, raw):
     * "cmd=_notify-validate&" followed by the body's bytes unchanged. POST it
     * (application/x-www-form-urlencoded) to https://ipnpb.paypal.com/cgi-bin/webscr
     * (sandbox: ipnpb.sandbox.paypal.com) and pass the answer to paypal_verdict().
     * A body that is not form-encoded throws code 16, one that already holds cmd code 14.
     *
     * @throws Exception
     */
    function paypal_postback(string $body): string {}

    /**
     * PayPal IPN: judge PayPal's answer to the postback. Returns for "VERIFIED"; throws
     * code 1 (BAD_SIGNATURE) for "INVALID" and code 16 (MALFORMED_INPUT) for anything
     * else (an HTML error page, an empty body).
     *
     * @throws Exception
     */
    function paypal_verdict(string $answer): void {}

    /**
     * PayPal IPN: the merchant's checks on a VERIFIED body. $options: receiver_email,
     * business, receiver_id, amount (mc_gross as text), currency, payment_status,
     * sandbox (0|1 against test_ipn). A mismatch throws code 14 naming the field, a
     * configured field that is absent code 13. The txn_id duplicate check is yours
     * (read it with paypal_field()).
     *
     * @throws Exception
     */
    function paypal_check(string $body, array|string|null $options = null): void {}

    /**
     * PayPal IPN: one field of the body, decoded per its charset field (windows-1252
     * when absent), as UTF-8. An absent field throws code 13.
     *
     * @throws Exception
     */
    function paypal_field(string $body, string $name): string {}

    /**
     * PayPal IPN: why PayPal answered INVALID. Compares the raw notification $body with the
     * postback the merchant sent ($sent, null when not known) and the host it was posted to
     * ($host, null when not known). Returns the report decoded as json_decode($json, true)
     * gives it: ["mode" => "paypal_postback", "findings" => [["cause" => ..., "detail" =>
     * ...], ...]]; causes: sandbox_to_live_host, live_to_sandbox_host, charset_field,
     * plus_vs_pct20, hex_case, reencoded, fields_reordered, fields_changed. An empty
     * findings list: nothing explains it.
     *
     * @return array<string, mixed>
     * @throws Exception
     */
    function paypal_diagnose(string $body, ?string $sent = null, ?string $host = null): array {}

    /**
     * UnionPay ACP: the certId of $key (the merchant's PFX, or a certificate): its
     * decimal serial. A key without a certificate throws code 21.
     *
     * @throws Exception
     */
    function unionpay_cert_id(Key $key): string {}

    /**
     * UnionPay ACP: verify a notification or reply body (form-encoded, exactly as
     * received); $profile "unionpay.acp.notify" or "unionpay.acp.response".
     * 5.1.0: $root and $middle (PEM or DER: UnionPay's root and middle certificates) are
     * required; signPubKeyCert must chain to them, be within its dates and name UnionPay,
     * else code 24 (UNTRUSTED_CERT). 5.0.0: $verifyKey is UnionPay's verify certificate,
     * the one the body's certId names (else code 21). $options: now (UNIX time to check
     * the dates at), test_cn=1 (accept the test owner 00040000:SIGN). true when valid,
     * false when not; every other problem throws.
     *
     * @throws Exception
     */
    function unionpay_verify(string $profile, string $body, ?string $root, ?string $middle, ?Key $verifyKey = null, array|string|null $options = null): bool {}

    /**
     * UnionPay ACP: the encryptCertId of UnionPay's encryption certificate $cert (PEM or
     * DER bytes, acp_enc.cer): its decimal serial. Not a certificate throws code 20.
     *
     * @throws Exception
     */
    function unionpay_encrypt_cert_id(string $cert): string {}

    /**
     * UnionPay ACP: a sensitive value (accNo ...) RSA-encrypted with PKCS#1 v1.5 padding
     * under the encryption certificate $cert, as base64. The padding is random: each call
     * gives a new text. Empty, or longer than the key takes: code 14.
     *
     * @throws Exception
     */
    function unionpay_encrypt(string $cert, string $plaintext): string {}

    /**
     * UnionPay ACP: the encrypted PIN ($pin, 4 to 12 digits) for the card number $accNo
     * (11 to 19 digits): the ANSI X9.8 PIN block RSA-encrypted under $cert, as base64.
     *
     * @throws Exception
     */
    function unionpay_encrypt_pin(string $cert, string $pin, string $accNo): string {}

    /**
     * UnionPay ACP: customerInfo from the sub-fields $fields (in their order), for $version
     * 5.0.0 (plain) or 5.1.0 (phoneNo, cvn2, expired encrypted into encryptedInfo under
     * $cert). A pin sub-field becomes its encrypted PIN block with the card number $accNo.
     * $cert and $accNo may be null when nothing needs them.
     *
     * @throws Exception
     */
    function unionpay_customer_info(array $fields, string $version, ?string $cert = null, ?string $accNo = null): string {}

    /**
     * A signing or verification key: a shared secret, a private key or a
     * certificate/public key. Immutable; freed when the object is destroyed
     * or closed. Not clonable, not serialisable.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Key
    {
        private function __construct() {}

        /** An MD5/HMAC shared secret. @throws Exception */
        public static function secret(string $secret): Key {}

        /**
         * Key material in memory: PEM (PKCS#1, PKCS#8, SPKI, X.509), DER,
         * bare base64, PKCS#12 (with $password), Allinpay exponent/modulus text.
         *
         * @throws Exception
         */
        public static function load(string $data, ?string $password = null): Key {}

        /**
         * Like load(), reading the file at $path. With the ini switch paysign.key_cache On
         * (the default), the worker keeps the key: the same file (real path, size, mtime)
         * with the same password is loaded once per worker, not once per request.
         *
         * @throws Exception
         */
        public static function fromFile(string $path, ?string $password = null): Key {}

        /** Drop every key in this worker's key cache; returns how many were dropped. */
        public static function clearCache(): int {}

        /**
         * This worker's key cache: enabled, capacity, entries, hits, misses.
         *
         * @return array<string, int|bool>
         */
        public static function cacheStats(): array {}

        /**
         * A gateway's public certificate or key compiled into the core, by name (see
         * builtin_keys()). An unknown name throws Exception code 11 (INVALID_ARGUMENT),
         * with the known names in the message. An expired certificate still loads.
         *
         * @throws Exception
         */
        public static function builtin(string $name): Key {}

        /** Free the key now. Closing twice is harmless; a closed key cannot be used. */
        public function close(): void {}

        public function isClosed(): bool {}
    }

    /**
     * Every paysign error. getCode() is the paysign status number.
     */
    class Exception extends \Exception
    {
        /** @var int */
        public const NULL_ARGUMENT = 10;
        /** @var int */
        public const INVALID_ARGUMENT = 11;
        /** @var int */
        public const UNKNOWN_PROFILE = 12;
        /** @var int */
        public const MISSING_FIELD = 13;
        /** @var int */
        public const INVALID_FIELD = 14;
        /** @var int */
        public const DUPLICATE_FIELD = 15;
        /** @var int */
        public const MALFORMED_INPUT = 16;
        /** @var int */
        public const CHARSET_ERROR = 17;
        /** @var int */
        public const STALE_TIMESTAMP = 18;
        /** @var int */
        public const KEY_ERROR = 20;
        /** @var int */
        public const KEY_MISMATCH = 21;
        /** @var int */
        public const UNSUPPORTED = 22;
        /** @var int */
        public const DECRYPT_ERROR = 23;
        /** @var int */
        public const BUFFER_TOO_SMALL = 30;
        /** @var int */
        public const IO_ERROR = 31;
        /** @var int */
        public const PANIC = 99;
        /** @var int */
        public const UNTRUSTED_CERT = 24;
        /**
         * paypal_verdict() on INVALID; the verify functions return false instead.
         * @var int
         */
        public const BAD_SIGNATURE = 1;

        /** The status constant's name, e.g. "PAYSIGN_KEY_ERROR". */
        public function getStatusName(): string {}
    }
}
