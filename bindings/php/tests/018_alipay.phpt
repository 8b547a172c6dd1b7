--TEST--
alipay_cert_sn(), alipay_root_cert_sn(), alipay_verify_response() on testdata/alipay
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$d = paysign_root() . '/testdata/alipay/';

var_dump(PaySign\alipay_cert_sn(file_get_contents($d . 'yansongda_appPublicCert.crt')));
var_dump(PaySign\alipay_cert_sn(file_get_contents($d . 'nodejs_alipayCertPublicKey_RSA2.crt')));
var_dump(PaySign\alipay_root_cert_sn(file_get_contents($d . 'alipayRootCert.crt')));
echo 'junk: ', code_of(function () { return PaySign\alipay_cert_sn('junk'); }), "\n";

$gopay = PaySign\Key::fromFile($d . 'gopay_alipay_public_key.txt');
$body = file_get_contents($d . 'gopay_trade_pay_response.json');
var_dump(PaySign\alipay_verify_response($body, 'alipay.trade.pay', $gopay));
var_dump(PaySign\alipay_verify_response($body, 'alipay.trade.pay', $gopay, ['sign_type' => 'RSA2']));
var_dump(PaySign\alipay_verify_response(str_replace('"0.01"', '"9.01"', $body), 'alipay.trade.pay', $gopay));
var_dump(PaySign\alipay_verify_response($body, 'alipay.trade.pay', $gopay, 'sign_type=RSA'));
echo 'wrong method: ', code_of(function () use ($body, $gopay) { return PaySign\alipay_verify_response($body, 'alipay.trade.query', $gopay); }), "\n";
echo 'NUL in method: ', code_of(function () use ($body, $gopay) { return PaySign\alipay_verify_response($body, "a\0b", $gopay); }), "\n";

$cert = PaySign\Key::fromFile($d . 'derived_alipay_cert.crt');
$other = PaySign\Key::fromFile($d . 'nodejs_alipayCertPublicKey_RSA2.crt');
$cm = file_get_contents($d . 'derived_cert_mode_response.json');
var_dump(PaySign\alipay_verify_response($cm, 'alipay.trade.query', $cert));
var_dump(PaySign\alipay_verify_response(str_replace('TRADE_SUCCESS', 'TRADE_SUCCESX', $cm), 'alipay.trade.query', $cert));
echo 'other cert: ', code_of(function () use ($cm, $other) { return PaySign\alipay_verify_response($cm, 'alipay.trade.query', $other); }), "\n";
$enc = file_get_contents($d . 'derived_encrypted_response.json');
var_dump(PaySign\alipay_verify_response($enc, 'alipay.trade.query', $cert));
$cert->close();
echo 'closed key: ', code_of(function () use ($cm, $cert) { return PaySign\alipay_verify_response($cm, 'alipay.trade.query', $cert); }), "\n";
?>
--EXPECT--
string(32) "e90dd23a37c5c7b616e003970817ff82"
string(32) "7513daaaa48aa3ba2e4018d84402479c"
string(65) "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6"
junk: 20
bool(true)
bool(true)
bool(false)
bool(false)
wrong method: 16
NUL in method: 11
bool(true)
bool(false)
other cert: 21
bool(true)
closed key: 11
