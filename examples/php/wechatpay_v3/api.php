<?php
/*
 * One WeChat Pay API v3 call: the Authorization header made by paysign over the exact method,
 * path with query, and body bytes sent; the answer's Wechatpay-* signature verified by paysign
 * over the body exactly as received, with the platform certificate.
 */

declare(strict_types=1);

/**
 * @return array{0: int, 1: bool, 2: array, 3: string, 4: string} HTTP status, answer signature
 *         valid, the answer's JSON, why it is not valid ('' when it is), the answer's bytes
 */
function wx3_call(array $config, string $method, string $url, ?array $body): array
{
    $key = PaySign\Key::fromFile($config['merchantKey']);
    // Sign the very bytes that are sent: encode once.
    $json = $body === null ? '' : json_encode($body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    $auth = PaySign\wechat_v3_authorization($method, $url, $json, $config['mchid'], $key, $config['merchantSerial']);
    $headers = "Authorization: $auth\r\nAccept: application/json\r\nUser-Agent: paysign-example\r\n"
        . ($json === '' ? '' : "Content-Type: application/json\r\n");
    $answer = @file_get_contents($config['gateway'] . $url, false, stream_context_create(['http' => [
        'method' => $method, 'header' => $headers, 'content' => $json, 'timeout' => 10, 'ignore_errors' => true,
    ]]));
    if ($answer === false) {
        throw new RuntimeException("WeChat Pay $url not reached");
    }
    $status = 0;
    $h = [];
    foreach ($http_response_header as $i => $line) {
        if ($i === 0) {
            $status = preg_match('~^HTTP/\S+ (\d{3})~', $line, $m) ? (int) $m[1] : 0;
        } elseif (strpos($line, ':') !== false) {
            [$name, $value] = explode(':', $line, 2);
            $h[strtolower(trim($name))] = trim($value);
        }
    }
    $why = '';
    try {
        $valid = PaySign\wechat_v3_verify($h['wechatpay-timestamp'] ?? '', $h['wechatpay-nonce'] ?? '',
            $h['wechatpay-signature'] ?? '', $h['wechatpay-serial'] ?? '', $answer, PaySign\Key::fromFile($config['platformCert']));
        $why = $valid ? '' : 'bad signature';
    } catch (PaySign\Exception $e) {
        $valid = false;
        $why = $e->getStatusName() . ': ' . $e->getMessage();
    }
    $decoded = json_decode($answer, true);
    return [$status, $valid, is_array($decoded) ? $decoded : [], $why, $answer];
}
