--TEST--
PaySign\Key key cache: bounded by paysign.key_cache_size, the least recently used key goes
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--INI--
paysign.key_cache_size=2
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';
$a = "$keys/99bill_10012140356.pem";
$b = "$keys/alipay_yansongda_app_private_pkcs1.pem";
$c = "$keys/99bill_10012140356_cert.pem";
$p = array('inputCharset' => '1', 'version' => 'v2.0', 'signType' => '4', 'merchantAcctId' => '1001214035601', 'orderId' => 'T1', 'orderAmount' => '1', 'orderTime' => '20190220134835');
$stats = function ($label) {
    $s = PaySign\Key::cacheStats();
    echo "$label: capacity={$s['capacity']} hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
};
PaySign\Key::fromFile($a);
PaySign\Key::fromFile($b);
$stats('a b');
PaySign\Key::fromFile($a);        // hit: a is now the most recent
$stats('a hit');
$held = PaySign\Key::fromFile($b); // hit, and held by the script
PaySign\Key::fromFile($a);        // hit: b is the least recent
PaySign\Key::fromFile($c);        // miss: b goes
$stats('c in');
PaySign\Key::fromFile($a);        // still there
PaySign\Key::fromFile($c);        // still there
$stats('a c hit');
PaySign\Key::fromFile($b);        // evicted: a miss
$stats('b again');
// the evicted key's object still signs
var_dump(strlen(PaySign\sign('99bill.pay.request', $p, $held, 'hash=sha256')) > 100);
var_dump(ini_set('paysign.key_cache_size', '100'));
?>
--EXPECT--
a b: capacity=2 hits=0 misses=2 entries=2
a hit: capacity=2 hits=1 misses=2 entries=2
c in: capacity=2 hits=3 misses=3 entries=2
a c hit: capacity=2 hits=5 misses=3 entries=2
b again: capacity=2 hits=5 misses=4 entries=2
bool(true)
bool(false)
