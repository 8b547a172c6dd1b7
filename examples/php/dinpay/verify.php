<?php
/*
 * A Dinpay notification (offline_notify or page_notify, the same signed fields) verified with
 * the merchant key (profile dinpay.pay.notify: the documented fields only), for our
 * merchant_code: its fields, or null.
 */

declare(strict_types=1);

function dinpay_verified(array $config, string $body): ?array
{
    $fields = null;
    try {
        $ok = PaySign\verify_body('dinpay.pay.notify', $body, PaySign\Key::secret($config['key']), 'form', null, null, $fields);
    } catch (PaySign\Exception $e) {
        error_log('Dinpay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    return $ok && ($fields['merchant_code'] ?? '') === $config['merchantCode'] ? $fields : null;
}
