--TEST--
re-split: '&'/'=' in an echoed field and the secret's marker are refused; allow_join=1 signs them
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
$k = PaySign\Key::secret('K');
$req = array('appid' => 'wx1', 'mch_id' => '10000100', 'nonce_str' => 'abc', 'body' => 'test', 'attach' => 'a&b=c');
try {
    PaySign\sign('wechatpay.request', $req, $k);
    echo "signed\n";
} catch (PaySign\Exception $e) {
    var_dump($e->getCode() === PaySign\Exception::INVALID_FIELD, strpos($e->getMessage(), "field 'attach'") !== false,
        strpos($e->getMessage(), "'&'") !== false, strpos($e->getMessage(), 'allow_join=1') !== false);
}
try {
    PaySign\sign('wechatpay.request', array('appid' => 'wx1', 'out_trade_no' => 'x&key=y'), $k);
    echo "signed\n";
} catch (PaySign\Exception $e) {
    var_dump($e->getCode() === PaySign\Exception::INVALID_FIELD, strpos($e->getMessage(), "field 'out_trade_no'") !== false);
}
// Allowed, the string is WeChat's own rule: sorted pairs, &key=, MD5 upper (checked with PHP's md5).
$sig = PaySign\sign('wechatpay.request', $req, $k, 'allow_join=1');
var_dump($sig === strtoupper(md5('appid=wx1&attach=a&b=c&body=test&mch_id=10000100&nonce_str=abc&key=K')));
var_dump(PaySign\sign('wechatpay.request', $req, $k, array('allow_join' => '1')) === $sig);
// A URL with '&' in a field the gateway does not echo is signed as it is.
$u = PaySign\sign('wechatpay.request', array('appid' => 'wx1', 'notify_url' => 'http://m.example/n?a=1&b=2'), $k);
var_dump($u === strtoupper(md5('appid=wx1&notify_url=http://m.example/n?a=1&b=2&key=K')));
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
