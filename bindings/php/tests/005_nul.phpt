--TEST--
a string with an embedded NUL byte is an invalid argument (code 11), never truncated
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$k = PaySign\Key::secret('secret');
$p = array('appid' => 'wx1', 'nonce_str' => 'abc');
$keys = paysign_vectors_dir() . '/keys';

$calls = array(
    'profile'        => function () use ($k, $p) { return PaySign\sign("wechatpay.request\0x", $p, $k); },
    'field name'     => function () use ($k) { return PaySign\sign('wechatpay.request', array("app\0id" => 'wx1'), $k); },
    'field value'    => function () use ($k) { return PaySign\sign('wechatpay.request', array('appid' => "wx\0" . '1'), $k); },
    'sign_params'    => function () use ($k) { return PaySign\sign_params('wechatpay.request', array('appid' => "wx\0"), $k); },
    'sign_string'    => function () use ($k) { return PaySign\sign_string('wechatpay.request', array('appid' => "wx\0"), $k); },
    'verify'         => function () use ($k) { return PaySign\verify('wechatpay.notify', array('a' => "1\0", 'sign' => 'x'), $k); },
    'options string' => function () use ($k, $p) { return PaySign\sign('wechatpay.request', $p, $k, "sign_type=MD5\0&x"); },
    'options array'  => function () use ($k, $p) { return PaySign\sign('wechatpay.request', $p, $k, array('sign_type' => "MD5\0")); },
    'secret'         => function () { return PaySign\Key::secret("sec\0ret"); },
    'password'       => function () use ($keys) { return PaySign\Key::load(file_get_contents("$keys/99bill_10012140356.pfx"), "123456\0"); },
    'path'           => function () use ($keys) { return PaySign\Key::fromFile("$keys/99bill_10012140356_cert.pem\0.txt"); },
    'format'         => function () use ($k) { return PaySign\verify_body('wechatpay.notify', 'a=1', $k, "form\0"); },
    'charset'        => function () use ($k) { return PaySign\verify_body('wechatpay.notify', 'a=1', $k, 'form', "utf-8\0"); },
    'redirect url'   => function () { return PaySign\reply('99bill.pay.notify', true, "http://m/\0"); },
);
foreach ($calls as $what => $fn) {
    echo str_pad($what, 16), code_of($fn), "\n";
}

// A body is bytes: a NUL in it is data, and gets the core's answer (no crash, no truncation).
$c = code_of(function () use ($k) { return PaySign\verify_body('wechatpay.notify', "a=1\0&sign=00", $k, 'form'); });
var_dump(is_int($c));
// DER and PKCS#12 key material holds NULs: load() takes bytes.
var_dump(PaySign\Key::load(file_get_contents("$keys/99bill_10012140356.pfx"), '123456') instanceof PaySign\Key);
?>
--EXPECT--
profile         11
field name      11
field value     11
sign_params     11
sign_string     11
verify          11
options string  11
options array   11
secret          11
password        11
path            11
format          11
charset         11
redirect url    11
bool(true)
bool(true)
