<?php
/*
 * Alipay mapi notification (notify_url): a form POST. Verify the raw body (php://input, not
 * $_POST), then the ATN check: GET notify_verify for the notify_id, which must answer exactly
 * `true`. Then the order book: ours, the total_fee asked, once only. Reply exactly `success`
 * (PaySign\reply), or Alipay notifies again for about a day.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/keys.php';

$fields = mapi_verified($config, (string) file_get_contents('php://input'));
$verified = $fields !== null && ($fields['seller_id'] ?? '') === $config['partner'];

if ($verified) {
    // paysign builds the production URL; the gateway setting points it at a test gateway
    $url = PaySign\alipay_notify_verify_url($config['partner'], (string) ($fields['notify_id'] ?? ''));
    $url = $config['gateway'] . substr($url, strlen('https://mapi.alipay.com/gateway.do'));
    $atn = @file_get_contents($url, false, stream_context_create(['http' => ['timeout' => 5]]));
    if ($atn !== 'true') {
        error_log('Alipay mapi: notify_verify did not answer true for ' . ($fields['notify_id'] ?? ''));
        $verified = false;
    }
}
if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'Alipay mapi notification', (string) ($fields['out_trade_no'] ?? ''),
        (string) ($fields['total_fee'] ?? ''), in_array($fields['trade_status'] ?? '', ['TRADE_SUCCESS', 'TRADE_FINISHED'], true), 'closed');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('alipay.mapi.notify', $verified);
