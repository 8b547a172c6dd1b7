--TEST--
signatures as declared in paysign.stub.php (PHP 8 arginfo)
--SKIPIF--
<?php
if (!extension_loaded('paysign')) die('skip paysign not loaded');
if (PHP_VERSION_ID < 80000) die('skip typed arginfo needs PHP 8');
?>
--FILE--
<?php
foreach (array('sign', 'sign_params', 'sign_string', 'verify', 'verify_body', 'diagnose', 'diagnose_sign', 'reply', 'version', 'profiles',
               'builtin_keys', 'alipay_notify_verify_url', 'alipay_encrypt', 'alipay_decrypt_response', 'wechat_refund_decrypt', 'paypal_postback', 'paypal_verdict',
               'paypal_check', 'paypal_field', 'paypal_diagnose', 'unionpay_cert_id', 'unionpay_verify') as $f) {
    $r = new ReflectionFunction("PaySign\\$f");
    $ps = array();
    foreach ($r->getParameters() as $p) {
        $ps[] = ($p->getType() ? $p->getType() . ' ' : '') . ($p->isPassedByReference() ? '&' : '') . '$' . $p->getName()
            . ($p->isOptional() ? ' = ' . $p->getDefaultValueConstantName() . var_export($p->getDefaultValue(), true) : '');
    }
    echo $r->getName(), '(', implode(', ', $ps), '): ', $r->getReturnType(), "\n";
}
foreach (array('secret', 'load', 'fromFile', 'builtin', 'close', 'isClosed') as $m) {
    $r = new ReflectionMethod('PaySign\Key', $m);
    echo 'Key::', $m, ($r->isStatic() ? ' static' : ''), ': ', $r->getReturnType(), "\n";
}
$c = new ReflectionClass('PaySign\Exception');
var_dump($c->getConstant('KEY_ERROR'), $c->getConstant('PANIC'), count($c->getConstants()));
var_dump($c->getConstant('STALE_TIMESTAMP'), $c->getConstant('DECRYPT_ERROR'), $c->getConstant('UNTRUSTED_CERT'));
var_dump($c->getConstant('BAD_SIGNATURE'));
?>
--EXPECT--
PaySign\sign(string $profile, array $params, ?PaySign\Key $key = NULL, array|string|null $options = NULL): string
PaySign\sign_params(string $profile, array $params, ?PaySign\Key $key = NULL, array|string|null $options = NULL): array
PaySign\sign_string(string $profile, array $params, ?PaySign\Key $key = NULL, array|string|null $options = NULL): string
PaySign\verify(string $profile, array $params, ?PaySign\Key $key = NULL, array|string|null $options = NULL): bool
PaySign\verify_body(string $profile, string $body, ?PaySign\Key $key = NULL, string $format = 'form', ?string $charset = NULL, array|string|null $options = NULL, &$params = NULL): bool
PaySign\diagnose(string $profile, string $body, ?PaySign\Key $key = NULL, string $format = 'form', ?string $charset = NULL, array|string|null $options = NULL): array
PaySign\diagnose_sign(string $profile, string $body, ?PaySign\Key $key = NULL, string $format = 'form', ?string $charset = NULL, array|string|null $options = NULL): array
PaySign\reply(string $profile, bool $success, ?string $redirectUrl = NULL): string
PaySign\version(): string
PaySign\profiles(): array
PaySign\builtin_keys(): array
PaySign\alipay_notify_verify_url(string $partner, string $notifyId): string
PaySign\alipay_encrypt(PaySign\Key $aesKey, string $plain): string
PaySign\alipay_decrypt_response(string $body, string $method, PaySign\Key $aesKey, array|string|null $options = NULL): string
PaySign\wechat_refund_decrypt(string $body, PaySign\Key $apiKey): array
PaySign\paypal_postback(string $body): string
PaySign\paypal_verdict(string $answer): void
PaySign\paypal_check(string $body, array|string|null $options = NULL): void
PaySign\paypal_field(string $body, string $name): string
PaySign\paypal_diagnose(string $body, ?string $sent = NULL, ?string $host = NULL): array
PaySign\unionpay_cert_id(PaySign\Key $key): string
PaySign\unionpay_verify(string $profile, string $body, ?string $root, ?string $middle, ?PaySign\Key $verifyKey = NULL, array|string|null $options = NULL): bool
Key::secret static: PaySign\Key
Key::load static: PaySign\Key
Key::fromFile static: PaySign\Key
Key::builtin static: PaySign\Key
Key::close: void
Key::isClosed: bool
int(20)
int(99)
int(18)
int(18)
int(23)
int(24)
int(1)
