<?php
/*
 * 99bill (快钱) RMB gateway: the payment request page of the vendor's PHP demo,
 * done with paysign. It prints an HTML form that the payer's browser posts to
 * 99bill.
 *
 *     php -d extension=paysign examples/php/99bill/send.php > pay.html
 *
 * The vendor demo builds the sign string by hand (kq_ck_null + openssl_sign);
 * here PaySign\sign_params() does it with the profile 99bill.pay.request: the
 * fixed field order, empty fields left out, raw (not URL-encoded) values, the
 * charset from inputCharset, RSA with the merchant's PKCS#12 key, base64 signMsg.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

// Parsed once per PHP-FPM worker: the extension's key cache (paysign.key_cache, on by default)
// serves the same file and password from memory on later requests, and reloads a changed file.
$key = PaySign\Key::fromFile($config['merchantKey'], $config['merchantKeyPassword']);

$now = date('YmdHis');
$order = [
    'inputCharset'     => '1',                 // 1 = UTF-8 (required by 99bill's current docs)
    'pageUrl'          => '',
    'bgUrl'            => $config['bgUrl'],
    'version'          => 'v2.0',
    'language'         => '1',
    'signType'         => '4',                 // RSA
    'merchantAcctId'   => $config['merchantAcctId'],
    'payerName'        => '张三',
    'payerContactType' => '1',                 // 1 = e-mail
    'payerContact'     => 'payer@example.com',
    'payerIdType'      => '3',
    'payerId'          => 'KQ33151000',
    'payerIP'          => $_SERVER['REMOTE_ADDR'] ?? '127.0.0.1',
    'orderId'          => 'KQ' . $now,
    'orderAmount'      => 1,                   // in fen; ints are fine
    'orderTime'        => $now,
    'orderTimestamp'   => $now,
    'productName'      => 'Apple',
    'productNum'       => 1,
    'productId'        => '10000',
    'productDesc'      => 'Apple',
    'ext1'             => '扩展1',
    'ext2'             => '扩展2',
    'payType'          => '00',                // all payment methods
    'redoFlag'         => '0',
];

try {
    // The order fields plus signMsg, ready to post.
    $fields = PaySign\sign_params('99bill.pay.request', $order, $key, ['hash' => $config['hash']]);
} catch (PaySign\Exception $e) {
    http_response_code(500);
    error_log('99bill signing failed: ' . $e->getStatusName() . ': ' . $e->getMessage());
    exit("payment unavailable\n");
}

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], [
        'orderId' => $order['orderId'], 'amount' => (string) $order['orderAmount'],
        'status' => 'pending', 'notifications' => 0,
    ]);
}

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};

header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>99bill</title></head>\n";
echo "<body onload=\"document.forms.kqPay.submit()\">\n";
echo '<form name="kqPay" method="post" action="', $h($config['gateway']), "\">\n";
foreach ($fields as $name => $value) {
    if ((string) $value === '') {
        continue; // empty fields are not signed; leaving them out of the form is fine too
    }
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<noscript><button type=\"submit\">Pay with 99bill</button></noscript>\n</form>\n</body></html>\n";
