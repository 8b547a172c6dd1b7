<?php
/*
 * A Dinpay notification (offline_notify or page_notify, the same signed fields) verified with
 * the profile dinpay.pay.notify (the documented fields only): sign_type MD5 with the merchant
 * key, RSA-S with Dinpay's public key (never our own); for our merchant_code: its fields, or
 * null. And the keys we sign with.
 */

declare(strict_types=1);

/** Our key for signing a request of $signType: the MD5 key or our RSA private key. */
function dinpay_signing_key(array $config, string $signType): PaySign\Key
{
    return $signType === 'RSA-S' ? PaySign\Key::fromFile($config['privateKey']) : PaySign\Key::secret($config['key']);
}

/** The key an answer signed $signType is verified with, or null if we do not accept it. */
function dinpay_verifying_key(array $config, string $signType): ?PaySign\Key
{
    if ($signType === 'RSA-S' && $config['dinpayPublicKey'] !== '') {
        return PaySign\Key::fromFile($config['dinpayPublicKey']);
    }
    return $signType === 'MD5' ? PaySign\Key::secret($config['key']) : null;
}

function dinpay_verified(array $config, string $body): ?array
{
    parse_str($body, $sent); // only to pick the key; the fields used are the verified ones
    $key = dinpay_verifying_key($config, (string) ($sent['sign_type'] ?? ''));
    if ($key === null) {
        error_log('Dinpay notification: sign_type not accepted: ' . (string) ($sent['sign_type'] ?? ''));
        return null;
    }
    $fields = null;
    try {
        $ok = PaySign\verify_body('dinpay.pay.notify', $body, $key, 'form', null, null, $fields);
    } catch (PaySign\Exception $e) {
        error_log('Dinpay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    return $ok && ($fields['merchant_code'] ?? '') === $config['merchantCode'] ? $fields : null;
}
