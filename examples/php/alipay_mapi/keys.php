<?php
/*
 * The keys by sign_type: MD5 signs and verifies with the partner key; RSA signs with the
 * partner's private key and verifies with Alipay's public key, never the partner's own.
 */

declare(strict_types=1);

function mapi_sign_key(array $config, string $signType): PaySign\Key
{
    return $signType === 'RSA' ? PaySign\Key::fromFile($config['privateKey']) : PaySign\Key::secret($config['md5Key']);
}

/** The fields, verified with the profile alipay.mapi.notify and the key of their sign_type, or null. */
function mapi_verified(array $config, string $body): ?array
{
    parse_str($body, $sent); // only to pick the key; the fields used are the verified ones
    $signType = (string) ($sent['sign_type'] ?? '');
    if (!in_array($signType, $config['signTypes'], true)) {
        error_log('Alipay mapi: sign_type not accepted: ' . $signType);
        return null;
    }
    $key = $signType === 'RSA' ? PaySign\Key::fromFile($config['alipayPublicKey']) : PaySign\Key::secret($config['md5Key']);
    $fields = null;
    try {
        $ok = PaySign\verify_body('alipay.mapi.notify', $body, $key, 'form', null, null, $fields);
    } catch (PaySign\Exception $e) {
        error_log('Alipay mapi: rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    return $ok ? $fields : null;
}
