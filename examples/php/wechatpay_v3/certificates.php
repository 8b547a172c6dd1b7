<?php
/*
 * WeChat Pay (API v3) platform-certificate download: GET /v3/certificates, the answer verified
 * with the platform certificate already trusted, each entry decrypted with the APIv3 key
 * (PaySign\wechat_v3_certificates checks that each PEM is the certificate its serial_no names).
 * Store the new ones before the old one expires.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/api.php';

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Platform certificates</title></head><body>\n";
[$status, $valid, , $why, $raw] = wx3_call($config, 'GET', '/v3/certificates', null);
if ($status !== 200 || !$valid) {
    http_response_code(502);
    echo '<p id="error">not downloaded: HTTP ', $h($status), ' ', $h($why), "</p></body></html>\n";
    return;
}
$certs = json_decode(PaySign\wechat_v3_certificates($raw, $config['apiv3Key']), true);
$trusted = (string) file_get_contents($config['platformCert']);
echo "<ul>\n";
foreach ($certs as $c) {
    echo '<li><span class="serial">', $h($c['serial_no']), '</span> until ', $h($c['expire_time']),
        trim($c['pem']) === trim($trusted) ? ' <b class="trusted">(the certificate configured)</b>' : '', "</li>\n";
}
echo "</ul></body></html>\n";
