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
    $verified = shop_order_settle($config['orderDir'], 'Alipay notification', (string) ($fields['out_trade_no'] ?? ''),
        (string) ($fields['total_amount'] ?? ''), in_array($fields['trade_status'] ?? '', ['TRADE_SUCCESS', 'TRADE_FINISHED'], true), 'closed');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('alipay.openapi.notify', $verified);
