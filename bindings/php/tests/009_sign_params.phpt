--TEST--
sign_params(): the params with the signature field set, in order; sign() returns the same signature
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$k = PaySign\Key::secret('192006250b4c09247ec02edce69f6a2d');
$p = array('appid' => 'wxd930ea5d5a258f4f', 'mch_id' => '10000100', 'device_info' => '1000', 'body' => 'test', 'nonce_str' => 'ibuaiVcKdpRxkhJA');

$posted = PaySign\sign_params('wechatpay.request', $p, $k);
var_dump(array_slice(array_keys($posted), 0, 5) === array_keys($p));
var_dump($posted['sign'] === PaySign\sign('wechatpay.request', $p, $k));
var_dump($posted['sign']);
var_dump(PaySign\verify('wechatpay.request', $posted, $k));
$posted['body'] = 'tampered';
var_dump(PaySign\verify('wechatpay.request', $posted, $k));
// the input array is not modified
var_dump(isset($p['sign']));
// a long value: results longer than the first 1024-byte buffer
$long = $p;
$long['body'] = str_repeat('长', 2000);
$s = PaySign\sign_string('wechatpay.request', $long, $k);
var_dump(strlen($s) > 6000, strpos($s, $long['body']) !== false);
$posted = PaySign\sign_params('wechatpay.request', $long, $k);
var_dump($posted['body'] === $long['body'], PaySign\verify('wechatpay.request', $posted, $k));
// an empty value and a numeric-looking name come back as they went in, in order
$e = $p + array('attach' => '', '7' => 'seven');
$posted = PaySign\sign_params('wechatpay.request', $e, $k);
var_dump(array_keys($posted) === array_merge(array_keys($e), array('sign')), $posted['attach'], $posted[7]);
?>
--EXPECT--
bool(true)
bool(true)
string(32) "9A0A8659F005D6984697E2CA0A9CF3B7"
bool(true)
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(0) ""
string(5) "seven"
