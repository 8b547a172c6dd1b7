<?php
/*
 * A UnionPay message (back or front notification, or a query's reply: the same signed form)
 * verified exactly as received by unionpay_verify(): 5.1.0 by the certificate it carries in
 * signPubKeyCert, trusted only when it chains to the configured root and middle and names
 * UnionPay as owner; 5.0.0 by the configured verify certificate, which its certId must name.
 * For our merId: its fields, or null (and a log line saying why).
 */

declare(strict_types=1);

function unionpay_verified(array $config, string $profile, string $body): ?array
{
    $read = static function (string $path): ?string {
        return $path === '' ? null : (string) file_get_contents($path);
    };
    try {
        $verifyKey = $config['verifyCert'] === '' ? null : PaySign\Key::fromFile($config['verifyCert']);
        $ok = PaySign\unionpay_verify($profile, $body, $read($config['rootCert']), $read($config['middleCert']), $verifyKey);
    } catch (PaySign\Exception $e) {
        error_log("UnionPay $profile rejected: " . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    if (!$ok) {
        error_log("UnionPay $profile rejected: the signature does not verify");
        return null;
    }
    // Verified, so the body is a well-formed form without repeated names: parse_str reads it as signed.
    parse_str($body, $fields);
    if (($fields['merId'] ?? '') !== $config['merId']) {
        error_log("UnionPay $profile for another merId: " . ($fields['merId'] ?? ''));
        return null;
    }
    return $fields;
}
