--TEST--
PaySign\Key: factories, close twice, closed key throws, final, not clonable, not serialisable
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';
$p = array('appid' => 'wx1', 'nonce_str' => 'abc');

$k = PaySign\Key::secret('192006250b4c09247ec02edce69f6a2d');
var_dump($k instanceof PaySign\Key, $k->isClosed());
$sig = PaySign\sign('wechatpay.request', $p, $k);
$k->close();
$k->close(); // harmless
var_dump($k->isClosed());
try {
    PaySign\sign('wechatpay.request', $p, $k);
} catch (PaySign\Exception $e) {
    var_dump($e->getCode(), strpos($e->getMessage(), 'closed') !== false);
}
echo 'verify closed: ', code_of(function () use ($k, $p) { return PaySign\verify('wechatpay.request', $p, $k); }), "\n";
echo 'verify_body closed: ', code_of(function () use ($k) { return PaySign\verify_body('wechatpay.notify', 'a=1', $k); }), "\n";
unset($k); // freeing a closed key is harmless too

// the same key from a file and from bytes signs the same
$a = PaySign\Key::fromFile("$keys/99bill_10012140356.pfx", '123456');
$b = PaySign\Key::load(file_get_contents("$keys/99bill_10012140356.pfx"), '123456');
$c = PaySign\Key::fromFile("$keys/99bill_10012140356.pem");
$req = array('inputCharset' => '1', 'version' => 'v2.0', 'signType' => '4', 'merchantAcctId' => '1001214035601',
             'orderId' => 'T1', 'orderAmount' => '1', 'orderTime' => '20190220134835');
$s1 = PaySign\sign('99bill.pay.request', $req, $a, 'hash=sha256');
var_dump($s1 === PaySign\sign('99bill.pay.request', $req, $b, 'hash=sha256'));
var_dump($s1 === PaySign\sign('99bill.pay.request', $req, $c, 'hash=sha256'));
// relative paths are resolved against PHP's working directory
chdir($keys);
var_dump(PaySign\Key::fromFile('99bill_10012140356_cert.pem') instanceof PaySign\Key);

// no key material in var_dump
var_dump(PaySign\Key::secret('TOPSECRET'));

$r = new ReflectionClass('PaySign\Key');
var_dump($r->isFinal(), $r->isCloneable(), $r->getConstructor()->isPrivate());
try {
    $x = new PaySign\Key();
} catch (Error $e) {
    echo get_class($e), "\n";
}
try {
    $x = clone $a;
} catch (Error $e) {
    echo get_class($e), "\n";
}
try {
    serialize($a);
} catch (Exception $e) {
    echo get_class($e), "\n";
}
try {
    var_dump(unserialize('O:11:"PaySign\Key":0:{}'));
} catch (Throwable $e) {
    echo get_class($e), "\n";
}
?>
--EXPECTF--
bool(true)
bool(false)
bool(true)
int(11)
bool(true)
verify closed: 11
verify_body closed: 11
bool(true)
bool(true)
bool(true)
object(PaySign\Key)#%d (0) {
}
bool(true)
bool(false)
bool(true)
Error
Error
Exception
%AException
