<?php
/*
 * WeChat Pay (API v2) order query: the order's trade_state, from /pay/orderquery, verified.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/api.php';

[$valid, $answer] = wx_call($config, '/pay/orderquery', ['out_trade_no' => (string) ($_GET['out_trade_no'] ?? '')]);
$state = $valid && ($answer['result_code'] ?? '') === 'SUCCESS' ? $answer['trade_state'] : 'unknown';

header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><p>trade_state: <span id="state">', htmlspecialchars((string) $state, ENT_QUOTES | ENT_HTML5, 'UTF-8'), "</span></p></body></html>\n";
