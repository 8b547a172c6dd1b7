<?php
/*
 * Allinpay server notification (a form POST to receiveUrl): verify the raw body (verify.php),
 * then the order book: our order, the payAmount asked, once only. Reply `success`
 * (PaySign\reply; the spec gives no fixed reply, it is the common convention).
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = allinpay_verified($config, (string) file_get_contents('php://input'));
$verified = $fields !== null;

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'Allinpay notification', (string) ($fields['orderNo'] ?? ''),
        (string) ($fields['payAmount'] ?? ''), ($fields['payResult'] ?? '') === '1');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('allinpay.pay.notify', $verified);
