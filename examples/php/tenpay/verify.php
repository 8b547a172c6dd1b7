<?php
/*
 * A Tenpay notification or return (the signed fields in the query string), checked twice, as
 * the vendor kit does: its sign with the partner key (profile tenpay.pay.notify), then its
 * notify_id with Tenpay's verifynotifyid.xml, whose signed XML answer (tenpay.api.response)
 * must say retcode 0. The second check matters: a signed order-query answer verifies as a
 * notification (same rule, same key; docs/security.md), only Tenpay knows the notify_ids it
 * sent. Returns the answer's fields (Tenpay's word on the trade), or null.
 */

declare(strict_types=1);

function tenpay_confirmed(array $config, string $query): ?array
{
    $key = PaySign\Key::secret($config['key']);
    $fields = null;
    try {
        $ok = PaySign\verify_body('tenpay.pay.notify', $query, $key, 'form', null, null, $fields);
    } catch (PaySign\Exception $e) {
        error_log('Tenpay notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    if (!$ok || ($fields['partner'] ?? '') !== $config['partner']) {
        error_log('Tenpay notification rejected: the sign or the partner is wrong');
        return null;
    }
    $request = PaySign\sign_params('tenpay.api.request',
        ['partner' => $config['partner'], 'notify_id' => (string) ($fields['notify_id'] ?? '')], $key);
    $url = $config['api'] . '/verifynotifyid.xml?' . http_build_query($request);
    $xml = @file_get_contents($url, false, stream_context_create(['http' => ['timeout' => 5]]));
    if ($xml === false) {
        error_log('Tenpay verifynotifyid.xml not reached');
        return null;
    }
    $answer = null;
    try {
        $ok = PaySign\verify_body('tenpay.api.response', $xml, $key, 'xml', null, null, $answer);
    } catch (PaySign\Exception $e) {
        // an error answer may carry no sign (spec §3): its retcode says why
        error_log('Tenpay verifynotifyid.xml: ' . $e->getStatusName() . ': ' . $e->getMessage());
        return null;
    }
    if (!$ok || ($answer['retcode'] ?? '') !== '0' || ($answer['partner'] ?? '') !== $config['partner']) {
        error_log('Tenpay verifynotifyid.xml did not confirm notify_id ' . ($fields['notify_id'] ?? ''));
        return null;
    }
    return $answer;
}
