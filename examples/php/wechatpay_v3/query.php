<?php
/*
 * WeChat Pay (API v3) order query: GET /v3/pay/transactions/out-trade-no/{no}?mchid=…, the
 * answer verified; shows its trade_state.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/api.php';

$no = (string) ($_GET['out_trade_no'] ?? '');
[$status, $valid, $answer] = wx3_call($config, 'GET',
    '/v3/pay/transactions/out-trade-no/' . rawurlencode($no) . '?mchid=' . rawurlencode($config['mchid']), null);
$state = $status === 200 && $valid && ($answer['out_trade_no'] ?? null) === $no ? (string) ($answer['trade_state'] ?? '') : 'unknown';

header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><p>trade_state: <span id="state">', htmlspecialchars($state, ENT_QUOTES | ENT_HTML5, 'UTF-8'), "</span></p></body></html>\n";
