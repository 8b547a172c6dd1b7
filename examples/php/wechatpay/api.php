<?php
/*
 * One WeChat Pay v2 API call: sign the fields with paysign, POST them as XML, verify the XML
 * answer's signature with paysign (an unsigned answer is a protocol FAIL), return its fields.
 */

declare(strict_types=1);

/** @return array{0: bool, 1: array} [signature valid, fields] of the answer */
function wx_call(array $config, string $path, array $fields): array
{
    $key = PaySign\Key::secret($config['apiKey']);
    $fields += ['appid' => $config['appid'], 'mch_id' => $config['mchId'], 'nonce_str' => bin2hex(random_bytes(16))];
    $signed = PaySign\sign_params('wechatpay.request', $fields, $key);
    $xml = '<xml>';
    foreach ($signed as $name => $value) {
        // CDATA cannot hold "]]>": split it across two sections.
        $xml .= "<$name><![CDATA[" . str_replace(']]>', ']]]]><![CDATA[>', (string) $value) . "]]></$name>";
    }
    $xml .= '</xml>';
    $answer = @file_get_contents($config['gateway'] . $path, false, stream_context_create(['http' => [
        'method' => 'POST', 'header' => "Content-Type: text/xml; charset=utf-8\r\n",
        'content' => $xml, 'timeout' => 10, 'ignore_errors' => true,
    ]]));
    if ($answer === false) {
        throw new RuntimeException("WeChat Pay $path not reached");
    }
    $answerFields = null;
    try {
        $valid = PaySign\verify_body('wechatpay.notify', $answer, $key, 'xml', null,
            ['sign_type' => $signed['sign_type'] ?? 'MD5'], $answerFields);
    } catch (PaySign\Exception $e) {
        // No sign: a protocol-level FAIL (return_code FAIL), or not XML at all.
        $valid = false;
        $answerFields = [];
        if (preg_match('~<return_msg><!\[CDATA\[(.*?)\]\]></return_msg>~s', $answer, $m)) {
            $answerFields = ['return_code' => 'FAIL', 'return_msg' => $m[1]];
        }
    }
    return [$valid, $answerFields ?? []];
}
