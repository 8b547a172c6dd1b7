<?php
/*
 * UnionPay back notification (后台通知, a form POST to backUrl): verify the raw body (verify.php),
 * then the order book: our order, the txnAmt asked, once only. UnionPay counts HTTP 200 (or
 * 302) as delivered and retries otherwise (docs/specs/unionpay-acp.md), so a rejection answers
 * HTTP 400; the body (PaySign\reply: ok / fail) is not read by UnionPay.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = unionpay_verified($config, 'unionpay.acp.notify', (string) file_get_contents('php://input'));
$verified = $fields !== null;

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'UnionPay back notification', (string) ($fields['orderId'] ?? ''),
        (string) ($fields['txnAmt'] ?? ''), ($fields['respCode'] ?? '') === '00');
}

http_response_code($verified ? 200 : 400);
header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('unionpay.acp.notify', $verified);
