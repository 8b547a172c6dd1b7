<?php
/*
 * Dinpay server notification (offline_notify, a form POST to notify_url): verify the raw body
 * with the merchant key (profile dinpay.pay.notify: the documented fields only), then the
 * order book: our order, the order_amount asked, once only. Reply exactly `SUCCESS`
 * (PaySign\reply), or Dinpay resends up to 5 times.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$fields = null;
try {
    $verified = PaySign\verify_body('dinpay.pay.notify', (string) file_get_contents('php://input'),
        PaySign\Key::secret($config['key']), 'form', null, null, $fields);
} catch (PaySign\Exception $e) {
    error_log('Dinpay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}
$verified = $verified && ($fields['merchant_code'] ?? '') === $config['merchantCode'];

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
