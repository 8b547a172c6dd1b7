<?php
/*
 * Dinpay server notification (offline_notify, a form POST to notify_url): verify the raw body
 * (verify.php), then the order book: our order, the order_amount asked, once only. Reply exactly `SUCCESS`
 * (PaySign\reply), or Dinpay resends up to 5 times.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = dinpay_verified($config, (string) file_get_contents('php://input'));
$verified = $fields !== null;

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'Dinpay notification', (string) ($fields['order_no'] ?? ''),
        (string) ($fields['order_amount'] ?? ''), ($fields['trade_status'] ?? '') === 'SUCCESS');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('dinpay.pay.notify', $verified);
