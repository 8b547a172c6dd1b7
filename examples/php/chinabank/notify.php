<?php
/*
 * ChinaBank server notification (remark2's [url:=…]): verify the raw body with the merchant
 * key (profile chinabank.pay.notify: v_md5str over v_oid v_pstatus v_amount v_moneytype), then
 * the order book: our order, the amount asked, once only. Reply exactly `ok` (PaySign\reply),
 * or ChinaBank keeps resending.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$body = (string) file_get_contents('php://input');
$fields = null;
try {
    $verified = PaySign\verify_body('chinabank.pay.notify', $body, PaySign\Key::secret($config['key']),
        'form', null, null, $fields);
} catch (PaySign\Exception $e) {
    error_log('ChinaBank notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'ChinaBank notification', (string) ($fields['v_oid'] ?? ''),
        (string) ($fields['v_amount'] ?? ''), ($fields['v_pstatus'] ?? '') === '20');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('chinabank.pay.notify', $verified);
