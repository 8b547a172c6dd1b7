<?php
// bench/compare.sh, PHP, the whole request path (issue 12): what a PHP-FPM worker does per
// request, key loading included.
//   checkout  load the merchant .pfx + build the order + sign + render the hidden form fields
//   notify    receive the raw query string + load the gateway certificate + verify + reply
// vendor: 99bill's PHP demo style (openssl_pkcs12_read() of the .pfx and openssl_sign(); the
// certificate read with openssl_pkey_get_public() and openssl_verify(), on the fields PHP has
// put in $_GET). paysign: Key::fromFile() + sign_params() / verify_body() + reply(), with the
// extension's key cache on (the default; a hit after the first request) and, as *-nocache,
// with paysign.key_cache=Off (the file parsed on every request, as the vendor code does).
//
//   OPENSSL_CONF=legacy.cnf php -d extension=PATH/paysign.so request_path.php INPUT_DIR KEYS_DIR
//
// The sandbox .pfx is RC2/3DES (PKCS#12 of 2011): OpenSSL 3 reads it only with the legacy
// provider, which compare.sh turns on through OPENSSL_CONF. Prints "<op> vendor|paysign <ns>",
// the fastest of three rounds of about 0.6 s after a warm-up round.

require __DIR__ . '/request_path_inc.php';

[$dir, $keys] = [$argv[1], $argv[2]];
$pfx = "$keys/99bill_10012140356.pfx";
$cert = "$keys/99bill_10012140356_cert.pem";
$order = read_tsv("$dir/request.tsv");
$raw_notify = trim(file_get_contents("$dir/notify.form"));
$show = 'https://shop.example/show';

$vendor_checkout = function () use ($pfx, $order) {
    $kq = vendor_sign_string(REQUEST_ORDER, $order);
    if (!openssl_pkcs12_read(file_get_contents($pfx), $certs, '123456')) {
        throw new RuntimeException('openssl_pkcs12_read: ' . openssl_error_string());
    }
    $pkey = openssl_pkey_get_private($certs['pkey']);
    openssl_sign($kq, $sig, $pkey, OPENSSL_ALGO_SHA256);
    $form = $order;
    $form['signMsg'] = base64_encode($sig);
    return render_form($form);
};
$paysign_checkout = function () use ($pfx, $order) {
    $key = PaySign\Key::fromFile($pfx, '123456');
    return render_form(PaySign\sign_params('99bill.pay.request', $order, $key, 'hash=sha256'));
};
$vendor_notify = function () use ($cert, $raw_notify, $show) {
    parse_str($raw_notify, $get); // what PHP hands the demo as $_GET
    $kq = vendor_sign_string(NOTIFY_ORDER, $get);
    $pub = openssl_pkey_get_public(file_get_contents($cert));
    $ok = openssl_verify($kq, base64_decode($get['signMsg']), $pub, OPENSSL_ALGO_SHA256) === 1;
    return '<result>' . ($ok ? 1 : 0) . '</result><redirecturl>' . $show . '</redirecturl>';
};
$paysign_notify = function () use ($cert, $raw_notify, $show) {
    $key = PaySign\Key::fromFile($cert);
    $ok = PaySign\verify_body('99bill.pay.notify', $raw_notify, $key, 'form', null, 'hash=sha256');
    return PaySign\reply('99bill.pay.notify', $ok, $show);
};

// Both sides must give the same page and the same reply before they are timed.
if ($vendor_checkout() !== $paysign_checkout() || $vendor_notify() !== $paysign_notify()
        || strpos($vendor_notify(), '<result>1</result>') !== 0) {
    fwrite(STDERR, "request_path.php: the vendor code and paysign disagree\n");
    exit(1);
}

$vc = measure_ns($vendor_checkout);
$vn = measure_ns($vendor_notify);
foreach (['1' => '', '0' => '-nocache'] as $cache => $suffix) {
    ini_set('paysign.key_cache', $cache);
    PaySign\Key::clearCache();
    printf("checkout%s vendor %.0f\ncheckout%s paysign %.0f\n", $suffix, $vc, $suffix, measure_ns($paysign_checkout));
    printf("notify%s vendor %.0f\nnotify%s paysign %.0f\n", $suffix, $vn, $suffix, measure_ns($paysign_notify));
}
$s = PaySign\Key::cacheStats();
fprintf(STDERR, "key cache: %d hits, %d misses\n", $s['hits'], $s['misses']);
