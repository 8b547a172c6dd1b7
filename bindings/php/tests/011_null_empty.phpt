--TEST--
null and empty inputs never crash: they throw PaySign\Exception (or return false)
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$k = PaySign\Key::secret('k');
$cases = array(
    'empty profile'          => function () use ($k) { return PaySign\sign('', array('a' => '1'), $k); },
    'empty params'           => function () use ($k) { return PaySign\verify('wechatpay.notify', array(), $k); },
    'no key, secret profile' => function () { return PaySign\sign('wechatpay.request', array('a' => '1')); },
    'no key, verify'         => function () { return PaySign\verify('wechatpay.notify', array('a' => '1', 'sign' => str_repeat('A', 32))); },
    'empty body'             => function () use ($k) { return PaySign\verify_body('wechatpay.notify', '', $k); },
    'empty xml body'         => function () use ($k) { return PaySign\verify_body('wechatpay.notify', '', $k, 'xml'); },
    'empty json body'        => function () use ($k) { return PaySign\verify_body('wechatpay.notify', '', $k, 'json'); },
    'empty format'           => function () use ($k) { return PaySign\verify_body('wechatpay.notify', 'a=1', $k, ''); },
    'empty charset'          => function () use ($k) { return PaySign\verify_body('wechatpay.notify', 'a=1', $k, 'form', ''); },
    'empty reply profile'    => function () { return PaySign\reply('', true); },
    'empty secret'           => function () { return PaySign\Key::secret(''); },
    'empty path'             => function () { return PaySign\Key::fromFile(''); },
    'empty key data'         => function () { return PaySign\Key::load('', ''); },
    'empty signature'        => function () use ($k) { return PaySign\verify('wechatpay.notify', array('a' => '1', 'sign' => ''), $k); },
);
foreach ($cases as $what => $fn) {
    $r = code_of($fn);
    echo str_pad($what, 24), is_int($r) ? 'PaySign\Exception' : $r, "\n";
}
echo "still alive\n";
?>
--EXPECT--
empty profile           PaySign\Exception
empty params            PaySign\Exception
no key, secret profile  PaySign\Exception
no key, verify          PaySign\Exception
empty body              PaySign\Exception
empty xml body          PaySign\Exception
empty json body         PaySign\Exception
empty format            PaySign\Exception
empty charset           PaySign\Exception
empty reply profile     PaySign\Exception
empty secret            PaySign\Exception
empty path              PaySign\Exception
empty key data          PaySign\Exception
empty signature         PaySign\Exception
still alive
