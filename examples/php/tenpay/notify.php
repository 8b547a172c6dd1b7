<?php
/*
 * Tenpay notification (a GET to notify_url): the sign, then the notify_id confirmed with
 * verifynotifyid.xml (verify.php), then the order book with the confirmed fields: our order,
 * the total_fee asked, once only. Reply exactly `success` (PaySign\reply), or Tenpay notifies
 * again.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$trade = tenpay_confirmed($config, (string) ($_SERVER['QUERY_STRING'] ?? ''));
$verified = $trade !== null;

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'Tenpay notification', (string) ($trade['out_trade_no'] ?? ''),
        (string) ($trade['total_fee'] ?? ''), ($trade['trade_state'] ?? '') === '0' && ($trade['trade_mode'] ?? '') === '1');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('tenpay.pay.notify', $verified);
