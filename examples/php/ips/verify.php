<?php
/*
 * An IPS return or server notification (the same signed fields in the query string) verified
 * with the merchant certificate (profile ips.pay.notify, RetEncodeType 17): its fields, or null.
 */

declare(strict_types=1);

function ips_verified(array $config, string $query): ?array
{
    $fields = null;
    try {
        $ok = PaySign\verify_body('ips.pay.notify', $query, PaySign\Key::secret($config['cert']), 'form', null, null, $fields);
    } catch (PaySign\Exception $e) {
        error_log('IPS notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    return $ok ? $fields : null;
}
