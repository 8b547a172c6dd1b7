--TEST--
reply(): the exact bodies a notification handler answers with
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
var_dump(PaySign\reply('99bill.pay.notify', true, 'http://m/ok') === '<result>1</result><redirecturl>http://m/ok</redirecturl>');
var_dump(PaySign\reply('wechatpay.notify', true, null) === '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>');
var_dump(PaySign\reply('wechatpay.notify', true) === PaySign\reply('wechatpay.notify', true, null));
$fail = PaySign\reply('wechatpay.notify', false);
var_dump(is_string($fail) && strpos($fail, 'FAIL') !== false);
var_dump(code_of(function () { return PaySign\reply('no.such.profile', true); }));
var_dump(code_of(function () { return PaySign\reply("99bill.pay.notify\0", true); }));
var_dump(code_of(function () { return PaySign\reply('99bill.pay.notify', true, "http://m/\0ok"); }));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
int(12)
int(11)
int(11)
