<?php
/*
 * IPS server notification at ServerUrl: a GB2312 query string GET, server to server. Verify the
 * raw query (verify.php: the merchant certificate, profile ips.pay.notify), then the
 * order book: our billno, the amount asked, once only, paid when succ is Y. Reply exactly
 * `ipscheckok` (PaySign\reply), or IPS resends.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = ips_verified($config, (string) ($_SERVER['QUERY_STRING'] ?? ''));
$verified = $fields !== null;

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'IPS notification', (string) ($fields['billno'] ?? ''),
        (string) ($fields['amount'] ?? ''), ($fields['succ'] ?? '') === 'Y');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('ips.pay.notify', $verified);
