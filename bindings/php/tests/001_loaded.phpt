--TEST--
paysign is loaded: functions, classes, version, profiles, phpinfo
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
foreach (array('sign', 'sign_params', 'sign_string', 'verify', 'verify_body', 'reply', 'version', 'profiles',
               'diagnose', 'diagnose_sign', 'builtin_keys', 'alipay_notify_verify_url', 'wechat_refund_decrypt') as $f) {
    var_dump(function_exists("PaySign\\$f"));
}
var_dump(class_exists('PaySign\Key'), class_exists('PaySign\Exception'));
var_dump(is_subclass_of('PaySign\Exception', 'Exception'));

$v = PaySign\version();
var_dump(is_string($v) && $v !== '' && preg_match('/^\d+\.\d+\.\d+/', $v) === 1);
var_dump(phpversion('paysign') !== false);

$profiles = PaySign\profiles();
var_dump(count($profiles) >= 10);
var_dump(isset($profiles['99bill.pay.notify'], $profiles['wechatpay.notify'], $profiles['wechatpay.jsapi.paysign'], $profiles['cmpp.connect']));
var_dump(count(array_filter(array_keys($profiles), 'is_string')) === count($profiles));

ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
var_dump(strpos($info, 'paysign support') !== false);
var_dump(strpos($info, $v) !== false);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
