<?php
/*
 * WeChat Pay (API v2) payment notification handler, with paysign.
 *
 * WeChat POSTs an XML body to notify_url. Verify the body exactly as received
 * (php://input) with the merchant's API key; then the order book (../orders.php, when
 * orderDir is set): our order, the total_fee asked, once only. Answer with PaySign\reply():
 * SUCCESS stops WeChat's retries, FAIL asks it to retry later.
 *
 *     WECHATPAY_API_KEY=... php -d extension=paysign notify.php < body.xml
 *
 * (Under php-cli, where there is no request body, the body is read from stdin.)
 */

declare(strict_types=1);

// The merchant's API key (商户平台 > API安全), from config.php (the default is the key of
// WeChat's documentation examples, for trying this out only).
$config = require __DIR__ . '/config.php';
$apiKey = $config['apiKey'];

$body = PHP_SAPI === 'cli' ? (string) stream_get_contents(STDIN) : (string) file_get_contents('php://input');
$fields = null;

try {
    $key = PaySign\Key::secret($apiKey);
    // sign_type MD5 or HMAC-SHA256 comes from the body; pass ['sign_type' => 'HMAC-SHA256']
    // as options if your notifications omit it.
    $verified = PaySign\verify_body('wechatpay.notify', $body, $key, 'xml', null, null, $fields);
} catch (PaySign\Exception $e) {
    error_log('WeChat Pay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_settle($config['orderDir'], 'WeChat Pay notification', (string) ($fields['out_trade_no'] ?? ''),
        (string) ($fields['total_fee'] ?? ''), ($fields['return_code'] ?? '') === 'SUCCESS' && ($fields['result_code'] ?? '') === 'SUCCESS');
}
echo PaySign\reply('wechatpay.notify', $verified);
