--TEST--
invalid UTF-8 in a string argument: PaySign\Exception code 11 from the core
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$k = PaySign\Key::secret('secret');
$bad = "\xff\xfe";
echo 'profile      ', code_of(function () use ($k, $bad) { return PaySign\sign("wechat$bad", array('a' => '1'), $k); }), "\n";
echo 'field value  ', code_of(function () use ($k, $bad) { return PaySign\sign('wechatpay.request', array('appid' => "wx$bad"), $k); }), "\n";
echo 'field name   ', code_of(function () use ($k, $bad) { return PaySign\sign('wechatpay.request', array("app$bad" => 'wx'), $k); }), "\n";
echo 'verify       ', code_of(function () use ($k, $bad) { return PaySign\verify('wechatpay.notify', array('a' => $bad, 'sign' => 'x'), $k); }), "\n";
echo 'options      ', code_of(function () use ($k, $bad) { return PaySign\sign('wechatpay.request', array('a' => '1'), $k, "sign_type=$bad"); }), "\n";
echo 'secret       ', code_of(function () use ($bad) { return PaySign\Key::secret($bad); }), "\n";
echo 'reply        ', code_of(function () use ($bad) { return PaySign\reply("99bill$bad", true); }), "\n";
echo 'redirect url ', code_of(function () use ($bad) { return PaySign\reply('99bill.pay.notify', true, "http://m/$bad"); }), "\n";
try {
    PaySign\sign('wechatpay.request', array('appid' => "wx$bad"), $k);
} catch (PaySign\Exception $e) {
    var_dump($e->getStatusName(), stripos($e->getMessage(), 'UTF-8') !== false, strpos($e->getMessage(), "'appid'") !== false);
}
?>
--EXPECT--
profile      11
field value  11
field name   11
verify       11
options      11
secret       11
reply        11
redirect url 11
string(24) "PAYSIGN_INVALID_ARGUMENT"
bool(true)
bool(true)
