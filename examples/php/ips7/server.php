<?php
/*
 * IPS 7.0 server notification at ServerUrl: a form POST, field paymentResult. Verify it
 * (verify.php: the certificate, our MerCode, profile ips.v7.notify), then the order book: our
 * MerBillNo, the Amount asked, once only, paid when the signed Status is Y. Reply exactly
 * `ipscheckok` (PaySign\reply), or IPS resends.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = ips7_verified($config, (string) ($_POST['paymentResult'] ?? ''));
$verified = $fields !== null;

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'IPS 7.0 notification', (string) ($fields['MerBillNo'] ?? ''),
        (string) ($fields['Amount'] ?? ''), ($fields['Status'] ?? '') === 'Y');
}

header('Content-Type: text/plain; charset=utf-8');
echo PaySign\reply('ips.v7.notify', $verified);
