<?php
/*
 * WeChat Pay (API v3) payment notification handler, with paysign.
 *
 * WeChat POSTs JSON to notify_url with Wechatpay-Timestamp, -Nonce, -Signature and -Serial
 * headers. Verify first, over the body exactly as received (php://input, never a re-encoded
 * json_decode), with the platform certificate: a timestamp more than 5 minutes off is refused
 * (code 18). Then decrypt the resource with the APIv3 key, and check it against the order book
 * (../orders.php, when orderDir is set): our merchant, our order, the amount asked, once only.
 * Answer HTTP 204 (200 would do) to stop WeChat's retries; 4xx/5xx with
 * {"code":"FAIL","message":…} to have it retry.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$body = (string) file_get_contents('php://input');
$header = static function (string $name): string {
    return (string) ($_SERVER['HTTP_' . strtoupper(str_replace('-', '_', $name))] ?? '');
};
$tx = null;
try {
    $ok = PaySign\wechat_v3_verify($header('Wechatpay-Timestamp'), $header('Wechatpay-Nonce'), $header('Wechatpay-Signature'),
        $header('Wechatpay-Serial'), $body, PaySign\Key::fromFile($config['platformCert']));
    if (!$ok) {
        error_log('WeChat Pay v3 notification rejected: bad signature');
    } else {
        // Decrypt only after the signature verified.
        $tx = json_decode(PaySign\wechat_v3_decrypt($body, $config['apiv3Key']), true);
    }
} catch (PaySign\Exception $e) {
    error_log('WeChat Pay v3 notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $ok = false;
}

if ($ok && (!is_array($tx) || ($tx['mchid'] ?? '') !== $config['mchid'])) {
    error_log('WeChat Pay v3 notification for another merchant, or not a transaction');
    $ok = false;
}
if ($ok && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $total = $tx['amount']['total'] ?? null;
    $ok = shop_order_settle($config['orderDir'], 'WeChat Pay v3 notification', (string) ($tx['out_trade_no'] ?? ''),
        is_int($total) ? (string) $total : '', ($tx['trade_state'] ?? '') === 'SUCCESS');
}

if ($ok) {
    http_response_code(204);
} else {
    http_response_code(500);
    header('Content-Type: application/json; charset=utf-8');
    echo json_encode(['code' => 'FAIL', 'message' => '失败'], JSON_UNESCAPED_UNICODE);
}
