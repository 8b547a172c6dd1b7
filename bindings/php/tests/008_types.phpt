--TEST--
array values: int/float converted the PHP way; anything else is a TypeError naming the key; options as string or array
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
declare(strict_types=1); // PHP 7.4 throws TypeError for a wrong Key argument only in strict mode
require __DIR__ . '/paysign_test.inc';
$k = PaySign\Key::secret('192006250b4c09247ec02edce69f6a2d');
$base = array('appid' => 'wx1', 'mch_id' => '10000100', 'nonce_str' => 'abc', 'body' => 'x');

var_dump(PaySign\sign_string('wechatpay.request', $base + array('total_fee' => 100), $k)
     === PaySign\sign_string('wechatpay.request', $base + array('total_fee' => '100'), $k));
var_dump(PaySign\sign_string('wechatpay.request', $base + array('total_fee' => 1.5), $k)
     === PaySign\sign_string('wechatpay.request', $base + array('total_fee' => (string) 1.5), $k));
// integer keys (PHP turns "123" into 123) come back as their decimal text
var_dump(strpos(PaySign\sign_string('wechatpay.request', $base + array('123' => 'v'), $k), '123=v') !== false);

foreach (array('null' => null, 'bool' => true, 'array' => array('x'), 'object' => new stdClass()) as $what => $v) {
    try {
        PaySign\sign('wechatpay.request', $base + array('total_fee' => $v), $k);
        echo "$what: accepted\n";
    } catch (TypeError $e) {
        echo "$what: ", get_class($e), ' ', strpos($e->getMessage(), '"total_fee"') !== false ? 'names the key' : $e->getMessage(), "\n";
    }
}

// options: string, array, null and '' all work, and mean the same
$s = PaySign\sign('wechatpay.request', $base, $k, 'sign_type=HMAC-SHA256');
var_dump($s === PaySign\sign('wechatpay.request', $base, $k, array('sign_type' => 'HMAC-SHA256')));
var_dump(PaySign\sign('wechatpay.request', $base, $k, null) === PaySign\sign('wechatpay.request', $base, $k, ''));
var_dump(PaySign\sign('wechatpay.request', $base, $k, array()) === PaySign\sign('wechatpay.request', $base, $k));
foreach (array(42, array('x'), array('sign_type' => null)) as $bad) {
    try {
        PaySign\sign('wechatpay.request', $base, $k, $bad);
        echo "accepted\n";
    } catch (TypeError $e) {
        echo get_class($e), "\n";
    }
}
// a value that would change the joined options is refused
echo code_of(function () use ($base, $k) { return PaySign\sign('wechatpay.request', $base, $k, array('sign_type' => 'MD5&hash=sha1')); }), "\n";

// a wrong key type
try {
    PaySign\sign('wechatpay.request', $base, new stdClass());
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
// references in the params array are fine
$ref = '100';
$arr = $base;
$arr['total_fee'] = &$ref;
var_dump(PaySign\sign('wechatpay.request', $arr, $k) === PaySign\sign('wechatpay.request', $base + array('total_fee' => '100'), $k));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
null: TypeError names the key
bool: TypeError names the key
array: TypeError names the key
object: TypeError names the key
bool(true)
bool(true)
bool(true)
TypeError
TypeError
TypeError
11
TypeError
bool(true)
