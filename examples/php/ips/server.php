<?php
/*
 * IPS server notification at ServerUrl: a GB2312 query string GET, server to server. Verify the
 * raw query with the merchant certificate (profile ips.pay.notify, RetEncodeType 17), then the
 * order book: our billno, the amount asked, once only, paid when succ is Y. Reply exactly
 * `ipscheckok` (PaySign\reply), or IPS resends.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

try {
    $verified = PaySign\verify_body('ips.pay.notify', (string) ($_SERVER['QUERY_STRING'] ?? ''),
        PaySign\Key::secret($config['cert']), 'form', null, null, $fields);
} catch (PaySign\Exception $e) {
    error_log('IPS notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'IPS notification', (string) ($fields['billno'] ?? ''),
        (string) ($fields['amount'] ?? ''), ($fields['succ'] ?? '') === 'Y');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('ips.pay.notify', $verified);
