<?php
/*
 * The baseline for bench/load: a 99bill bgUrl receiver in pure PHP, doing what the vendor's PHP
 * demo receiver does, written from the rule in the 99bill spec sheet ("Payment notification"),
 * no vendor code: the fields PHP decoded into $_GET (a repeated name's last value wins), the
 * non-empty ones as name=value joined with & in the fixed verify order (NOTIFY_ORDER and
 * vendor_sign_string(), shared with bench/php), signMsg base64-decoded and checked with
 * openssl_verify() against the 99bill certificate read on every request, then the
 * <result>/<redirecturl> reply. The same checks and reply as examples/php/99bill/receive.php,
 * so the two can be timed on one mix; not its raw-query handling (that file says why it matters).
 *
 * Same environment as receive.php: KQ_GATEWAY_CERT (PEM certificate), KQ_HASH (sha1, the
 * production setting, or sha256), KQ_SHOW_URL.
 */

require __DIR__ . '/../php/request_path_inc.php';

$show = getenv('KQ_SHOW_URL') ?: 'http://merchant.example/99bill/show.php';
header('Content-Type: text/plain; charset=utf-8');
$get = array_filter($_GET, 'is_string'); // name[]=... arrives as an array: not a field
$ok = false;
$sig = base64_decode($get['signMsg'] ?? '', true);
$pub = openssl_pkey_get_public((string) @file_get_contents((string) getenv('KQ_GATEWAY_CERT')));
if ($sig !== false && $pub !== false) {
    $algo = getenv('KQ_HASH') === 'sha256' ? OPENSSL_ALGO_SHA256 : OPENSSL_ALGO_SHA1;
    $ok = openssl_verify(vendor_sign_string(NOTIFY_ORDER, $get), $sig, $pub, $algo) === 1;
}

if ($ok) {
    $status = ($get['payResult'] ?? '') === '10' ? 'success' : 'failed';
    $url = $show . '?msg=' . $status . '&orderId=' . rawurlencode($get['orderId'] ?? '');
    echo '<result>1</result><redirecturl>' . $url . '</redirecturl>';
} else {
    echo '<result>0</result><redirecturl>' . $show . '?msg=error</redirecturl>';
}
