--TEST--
junk in, exceptions out: random bodies, key material and params never crash the host
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
mt_srand(20240601);
function junk($n)
{
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= chr(mt_rand(0, 255));
    }
    return $s;
}
$k = PaySign\Key::secret('k');
$profiles = array_keys(PaySign\profiles());
$outcomes = array('true' => 0, 'false' => 0, 'exception' => 0);
for ($i = 0; $i < 300; $i++) {
    $profile = $profiles[$i % count($profiles)];
    $format = array('form', 'xml', 'json')[$i % 3];
    $body = $i % 2 ? junk(mt_rand(0, 300)) : http_build_query(array('a' => junk(5), 'sign' => junk(8), 'signMsg' => 'x'));
    try {
        $r = PaySign\verify_body($profile, $body, $k, $format, null, null, $out);
        $outcomes[$r ? 'true' : 'false']++;
    } catch (PaySign\Exception $e) {
        $outcomes['exception']++;
    }
    try {
        PaySign\Key::load(junk(mt_rand(0, 600)), $i % 2 ? null : 'pw');
    } catch (PaySign\Exception $e) {
    }
    try {
        PaySign\sign($profile, array(junk(4) => junk(10), 'signType' => (string) mt_rand(0, 5)), $k, $i % 4 ? null : 'hash=sha1');
    } catch (PaySign\Exception $e) {
    }
    try {
        PaySign\reply($profile, (bool) ($i % 2), $i % 3 ? null : junk(6));
    } catch (PaySign\Exception $e) {
    }
}
var_dump($outcomes['exception'] > 0, array_sum($outcomes));
// big values: 1 MiB in one field
$big = PaySign\sign('wechatpay.request', array('appid' => 'wx', 'body' => str_repeat('x', 1 << 20)), $k);
var_dump(strlen($big));
echo "still alive\n";
?>
--EXPECT--
bool(true)
int(300)
int(32)
still alive
