--TEST--
PayPal IPN: paypal_diagnose() names why PayPal answered INVALID (testdata/paypal/offsite-web-accept.body, test_ipn=1)
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$body = file_get_contents(paysign_root() . '/testdata/paypal/offsite-web-accept.body');
$exact = PaySign\paypal_postback($body);
$causes = function (array $r) {
    return implode(',', array_column($r['findings'], 'cause'));
};

/* '+' re-encoded as %20 and posted to the live host */
$r = PaySign\paypal_diagnose($body, str_replace('+', '%20', $exact), 'ipnpb.paypal.com');
echo $r['mode'], ': ', $causes($r), "\n";
foreach ($r['findings'] as $f) {
    var_dump(is_string($f['detail']) && $f['detail'] !== '');
}
/* the exact postback to the sandbox host: nothing explains it */
var_dump(PaySign\paypal_diagnose($body, $exact, 'ipnpb.sandbox.paypal.com'));
var_dump(PaySign\paypal_diagnose($body, $exact)['findings']);
/* only the host known */
echo 'host only: ', $causes(PaySign\paypal_diagnose($body, null, 'ipnpb.paypal.com')), "\n";
echo 'nothing known: ', count(PaySign\paypal_diagnose($body)['findings']), "\n";
echo 'NUL in host: ', code_of(function () use ($body) { return PaySign\paypal_diagnose($body, null, "ipnpb\0x"); }), "\n";
?>
--EXPECT--
paypal_postback: sandbox_to_live_host,plus_vs_pct20
bool(true)
bool(true)
array(2) {
  ["mode"]=>
  string(15) "paypal_postback"
  ["findings"]=>
  array(0) {
  }
}
array(0) {
}
host only: sandbox_to_live_host
nothing known: 0
NUL in host: 11
