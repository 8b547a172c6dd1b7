<?php
/*
 * Alipay OpenAPI async notification (notify_url): a form POST. Verify the raw body
 * (php://input, not $_POST: PHP mangles names and merges repeats) with Alipay's public key;
 * sign and sign_type are left out of the string (profile alipay.openapi.notify). Then the
 * order book: the order is ours, total_amount is the one asked, once only. Reply exactly
 * `success` (PaySign\reply), or Alipay notifies again for about a day.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$body = PHP_SAPI === 'cli' ? (string) stream_get_contents(STDIN) : (string) file_get_contents('php://input');
$fields = null;
try {
    $verified = PaySign\verify_body('alipay.openapi.notify', $body, PaySign\Key::fromFile($config['alipayPublicKey']),
        'form', null, null, $fields);
} catch (PaySign\Exception $e) {
    error_log('Alipay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}

if ($verified && ($fields['app_id'] ?? '') !== $config['appId']) {
    error_log('Alipay notification for another app: ' . ($fields['app_id'] ?? ''));
    $verified = false;
}
if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $order = shop_order_load($config['orderDir'], (string) ($fields['out_trade_no'] ?? ''));
    if ($order === null || ($fields['total_amount'] ?? '') !== $order['amount']) {
        error_log('Alipay notification: unknown order or wrong total_amount: ' . ($fields['out_trade_no'] ?? ''));
        $verified = false;
    } else {
        $order['notifications']++;
        $paid = in_array($fields['trade_status'] ?? '', ['TRADE_SUCCESS', 'TRADE_FINISHED'], true);
        if ($order['status'] === 'pending') {
            $order['status'] = $paid ? 'paid' : 'closed';
        }
        shop_order_save($config['orderDir'], $order);
    }
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('alipay.openapi.notify', $verified);
