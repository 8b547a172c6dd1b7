--TEST--
Key::fromFile() follows PHP's open_basedir
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--INI--
open_basedir={PWD}
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$pem = paysign_vectors_dir() . '/keys/99bill_10012140356_cert.pem';
try {
    PaySign\Key::fromFile($pem);
    echo "loaded\n";
} catch (PaySign\Exception $e) {
    var_dump($e->getCode(), strpos($e->getMessage(), 'open_basedir') !== false);
}
?>
--EXPECTF--
Warning: PaySign\Key::fromFile(): open_basedir restriction in effect. File(%s) is not within the allowed path(s): (%s) in %s on line %d
int(31)
bool(true)
