<?php
/*
 * UnionPay front notification (前台通知: the payer's browser POSTs the signed fields to
 * frontUrl). Show the result; the order book is back.php's (and query.php's) to change: a
 * browser may never come back, and UnionPay sends no back notification for a failure.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = unionpay_verified($config, 'unionpay.acp.notify', (string) file_get_contents('php://input'));
$verified = $fields !== null;
$paid = $verified && ($fields['respCode'] ?? '') === '00';
$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Order <span id="order">', $h($verified ? ($fields['orderId'] ?? '') : ''), '</span>: ';
echo '<span id="status">', $paid ? 'paid' : ($verified ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
