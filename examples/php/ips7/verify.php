<?php
/*
 * An IPS 7.0 notification (server or browser: the same form field paymentResult, an XML
 * document) verified with the profile ips.v7.notify: md5 of its exact <body>…</body> text, our
 * own MerCode (the notification's head has none), the certificate. Then the signed <body>'s
 * elements: its fields, or null. Only <body> is signed: decide on its Status and Amount,
 * never on the head's RspCode.
 */

declare(strict_types=1);

function ips7_verified(array $config, string $doc): ?array
{
    try {
        $ok = PaySign\verify('ips.v7.notify', ['paymentResult' => $doc, 'MerCode' => $config['merCode']],
            PaySign\Key::secret($config['cert']));
    } catch (PaySign\Exception $e) {
        error_log('IPS 7.0 notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    // the span paysign signed: from the first <body> to the first </body> after it
    if (!$ok || !preg_match('~<body>.*?</body>~s', $doc, $body)) {
        return null;
    }
    preg_match_all('~<(\w+)>(?:<!\[CDATA\[(.*?)\]\]>|([^<]*))</\1>~s', $body[0], $m, PREG_SET_ORDER);
    $fields = [];
    foreach ($m as $e) {
        $fields[$e[1]] = ($e[2] ?? '') !== '' ? $e[2] : html_entity_decode($e[3] ?? '', ENT_XML1 | ENT_QUOTES, 'UTF-8');
    }
    return $fields;
}
