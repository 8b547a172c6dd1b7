<?php
/*
 * An Allinpay notification (receiveUrl or pickupUrl, the same signed fields) verified with the
 * profile allinpay.pay.notify: signType=0 with the MD5 key, signType=1 with Allinpay's
 * certificate (never the merchant's key); for our merchantId: its fields, or null.
 */

declare(strict_types=1);

function allinpay_verified(array $config, string $body): ?array
{
    parse_str($body, $sent); // only to pick the key; the fields used are the verified ones
    $signType = (string) ($sent['signType'] ?? '');
    if ($signType === '1' && $config['allinpayCert'] !== '') {
        $key = PaySign\Key::fromFile($config['allinpayCert']);
    } elseif ($signType === '0') {
        $key = PaySign\Key::secret($config['key']);
    } else {
        error_log('Allinpay notification: signType not accepted: ' . $signType);
        return null;
    }
    $fields = null;
    try {
        $ok = PaySign\verify_body('allinpay.pay.notify', $body, $key, 'form', null, null, $fields);
    } catch (PaySign\Exception $e) {
        error_log('Allinpay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    return $ok && ($fields['merchantId'] ?? '') === $config['merchantId'] ? $fields : null;
}
