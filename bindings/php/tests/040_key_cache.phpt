--TEST--
PaySign\Key key cache: a hit on the second load, shared native key outlives its objects, clearCache, stats, a wrong password is never served
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';
$req = array('inputCharset' => '1', 'version' => 'v2.0', 'signType' => '4', 'merchantAcctId' => '1001214035601',
             'orderId' => 'T1', 'orderAmount' => '1', 'orderTime' => '20190220134835');
$pem = "$keys/99bill_10012140356.pem";
$want = PaySign\sign('99bill.pay.request', $req, PaySign\Key::load(file_get_contents($pem)), 'hash=sha256');

var_dump(PaySign\Key::cacheStats());
$a = PaySign\Key::fromFile($pem);                 // miss: loaded and kept
$b = PaySign\Key::fromFile(dirname($pem) . '/./' . basename($pem)); // the same real path: hit
$s = PaySign\Key::cacheStats();
echo "after two loads: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
var_dump($a !== $b, PaySign\sign('99bill.pay.request', $req, $b, 'hash=sha256') === $want);

// the PHP objects come and go, the cached native key stays usable
$a->close();
var_dump($a->isClosed(), $b->isClosed());
var_dump(PaySign\sign('99bill.pay.request', $req, $b, 'hash=sha256') === $want);
unset($a, $b);
$c = PaySign\Key::fromFile($pem);
var_dump(PaySign\sign('99bill.pay.request', $req, $c, 'hash=sha256') === $want);
$s = PaySign\Key::cacheStats();
echo "after unset: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";

// clearCache drops the entries; a Key still held keeps working
echo 'cleared: ', PaySign\Key::clearCache(), "\n";
var_dump(PaySign\sign('99bill.pay.request', $req, $c, 'hash=sha256') === $want);
unset($c);
$s = PaySign\Key::cacheStats();
echo "after clear: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
$d = PaySign\Key::fromFile($pem);  // a miss again
$s = PaySign\Key::cacheStats();
echo "reload: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";

// PKCS#12: the right password is cached; a wrong one (or none) is a miss that fails, every time
$pfx = "$keys/99bill_10012140356.pfx";
$p1 = PaySign\Key::fromFile($pfx, '123456');
var_dump(PaySign\sign('99bill.pay.request', $req, $p1, 'hash=sha256') === $want);
foreach (array('654321', '', null, '123456 ') as $wrong) {
    echo 'wrong ', var_export($wrong, true), ': ', code_of(function () use ($pfx, $wrong) { return PaySign\Key::fromFile($pfx, $wrong); }), "\n";
}
$p2 = PaySign\Key::fromFile($pfx, '123456'); // hit
$s = PaySign\Key::cacheStats();
echo "pfx: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
// a missing file is reported as before and not cached
echo 'missing: ', code_of(function () use ($keys) { return PaySign\Key::fromFile("$keys/no-such-key.pem"); }), "\n";
$s = PaySign\Key::cacheStats();
echo "end: hits={$s['hits']} misses={$s['misses']} entries={$s['entries']}\n";
?>
--EXPECT--
array(5) {
  ["enabled"]=>
  bool(true)
  ["capacity"]=>
  int(16)
  ["entries"]=>
  int(0)
  ["hits"]=>
  int(0)
  ["misses"]=>
  int(0)
}
after two loads: hits=1 misses=1 entries=1
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
after unset: hits=2 misses=1 entries=1
cleared: 1
bool(true)
after clear: hits=2 misses=1 entries=0
reload: hits=2 misses=2 entries=1
bool(true)
wrong '654321': 20
wrong '': 20
wrong NULL: 20
wrong '123456 ': 20
pfx: hits=3 misses=7 entries=2
missing: 31
end: hits=3 misses=7 entries=2
