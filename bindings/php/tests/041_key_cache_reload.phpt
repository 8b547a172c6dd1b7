--TEST--
PaySign\Key key cache: a key file whose mtime or size changed is loaded again
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';
$dir = sys_get_temp_dir() . '/paysign-kc-' . getmypid() . '-' . mt_rand();
mkdir($dir);
$f = "$dir/merchant.pem";
$p = array('inputCharset' => '1', 'version' => 'v2.0', 'signType' => '4', 'merchantAcctId' => '1001214035601', 'orderId' => 'T1', 'orderAmount' => '1', 'orderTime' => '20190220134835');
$sig = function ($pemfile) use ($p) {
    return PaySign\sign('99bill.pay.request', $p, PaySign\Key::load(file_get_contents($pemfile)), 'hash=sha256');
};
$k1 = "$keys/99bill_10012140356.pem";
$k2 = "$keys/alipay_yansongda_app_private_pkcs1.pem";
$stats = function ($label) {
    $s = PaySign\Key::cacheStats();
    echo "$label: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
};

copy($k1, $f);
touch($f, 1600000000);
var_dump(PaySign\sign('99bill.pay.request', $p, PaySign\Key::fromFile($f), 'hash=sha256') === $sig($k1));
var_dump(PaySign\sign('99bill.pay.request', $p, PaySign\Key::fromFile($f), 'hash=sha256') === $sig($k1));
$stats('same file');

// same bytes, new mtime: loaded again, still one entry
touch($f, 1600000100);
var_dump(PaySign\sign('99bill.pay.request', $p, PaySign\Key::fromFile($f), 'hash=sha256') === $sig($k1));
$stats('mtime changed');

// another key of another size with the old mtime put back: the size tells
copy($k2, $f);
touch($f, 1600000100);
var_dump(filesize($k1) !== filesize($k2));
var_dump(PaySign\sign('99bill.pay.request', $p, PaySign\Key::fromFile($f), 'hash=sha256') === $sig($k2));
var_dump(PaySign\sign('99bill.pay.request', $p, PaySign\Key::fromFile($f), 'hash=sha256') === $sig($k2));
$stats('size changed');

// a file replaced by rename (new inode), same size and mtime as before
copy($k2, "$f.new");
touch("$f.new", 1600000100);
rename("$f.new", $f);
var_dump(PaySign\sign('99bill.pay.request', $p, PaySign\Key::fromFile($f), 'hash=sha256') === $sig($k2));
$stats('renamed over');

unlink($f);
rmdir($dir);
?>
--EXPECT--
bool(true)
bool(true)
same file: hits=1 misses=1 entries=1
bool(true)
mtime changed: hits=1 misses=2 entries=1
bool(true)
bool(true)
bool(true)
size changed: hits=2 misses=3 entries=1
bool(true)
renamed over: hits=2 misses=4 entries=1
