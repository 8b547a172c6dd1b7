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
    $order = shop_order_load($config['orderDir'], (string) ($fields['order_no'] ?? ''));
    if ($order === null || ($fields['order_amount'] ?? '') !== $order['amount']) {
        error_log('Dinpay notification: unknown order or wrong order_amount: ' . ($fields['order_no'] ?? ''));
        $verified = false;
    } else {
        $order['notifications']++;
        if ($order['status'] === 'pending') {
            $order['status'] = ($fields['trade_status'] ?? '') === 'SUCCESS' ? 'paid' : 'failed';
        }
        shop_order_save($config['orderDir'], $order);
    }
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('dinpay.pay.notify', $verified);
