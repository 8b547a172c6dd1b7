--TEST--
every shared test vector (testdata/vectors/*.json) passes through the extension
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/vectors.inc';
$r = paysign_run_vectors(paysign_vectors_dir());
foreach ($r['failures'] as $f) {
    echo "FAIL $f\n";
}
printf("vectors: %d ran, %d passed\n", $r['ran'], $r['passed']);
var_dump($r['ran'] >= 79);
var_dump($r['passed'] === $r['ran']);
?>
--EXPECTF--
vectors: %d ran, %d passed
bool(true)
bool(true)
