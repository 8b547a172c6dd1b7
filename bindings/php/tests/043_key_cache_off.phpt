--TEST--
PaySign\Key key cache: paysign.key_cache=Off loads every time and keeps nothing
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--INI--
paysign.key_cache=Off
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';
$pem = "$keys/99bill_10012140356.pem";
$p = array('inputCharset' => '1', 'version' => 'v2.0', 'signType' => '4', 'merchantAcctId' => '1001214035601', 'orderId' => 'T1', 'orderAmount' => '1', 'orderTime' => '20190220134835');
$want = PaySign\sign('99bill.pay.request', $p, PaySign\Key::load(file_get_contents($pem)), 'hash=sha256');
for ($i = 0; $i < 3; $i++) {
    $k = PaySign\Key::fromFile($pem);
    var_dump(PaySign\sign('99bill.pay.request', $p, $k, 'hash=sha256') === $want);
    $k->close();
}
var_dump(PaySign\Key::cacheStats());
// switched on at run time (PHP_INI_ALL): cached from then on
ini_set('paysign.key_cache', '1');
PaySign\Key::fromFile($pem);
PaySign\Key::fromFile($pem);
$s = PaySign\Key::cacheStats();
echo "on: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
ini_set('paysign.key_cache', '0');
PaySign\Key::fromFile($pem);
$s = PaySign\Key::cacheStats();
echo "off again: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
array(5) {
  ["enabled"]=>
  bool(false)
  ["capacity"]=>
  int(16)
  ["entries"]=>
  int(0)
  ["hits"]=>
  int(0)
  ["misses"]=>
  int(0)
}
on: hits=1 misses=1 entries=1
off again: hits=1 misses=1 entries=1
