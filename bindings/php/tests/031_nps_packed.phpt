--TEST--
sign_params() for NPS: OrderMessage (upper hex of the GB2312 order) and digest come back with the fields
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
// testdata/vectors/nps.json nps-request-md5-derived (DERIVED with Python hashlib).
$k = PaySign\Key::secret('NPS-TEST-KEY-0123456789');
$p = array('M_ID' => '10001', 'm_id' => '10001', 'm_orderid' => '20261207000123', 'm_oamount' => '88.00', 'm_ocurrency' => '1',
	'm_url' => 'http://shop.example.com/nps/respond.php', 'm_language' => '1', 's_name' => '张三', 's_addr' => '深圳市南山区科技园',
	's_postcode' => '518000', 's_tel' => '0755-12345678', 's_eml' => 'buyer@example.com', 'r_name' => 'NA', 'r_addr' => 'NA',
	'r_postcode' => 'NA', 'r_tel' => 'NA', 'r_eml' => 'NA', 'm_ocomment' => '订单号 20261207000123', 'm_status' => '0',
	'modate' => '2026-12-07 11:30:00');
$posted = PaySign\sign_params('nps.pay.request', $p, $k);
var_dump($posted['digest']);
var_dump(substr($posted['OrderMessage'], 0, 12), strpos($posted['OrderMessage'], 'D5C5C8FD') !== false);
// the whole of it, as the vector's sign string holds it (张 is D5C5 in GB2312)
var_dump($posted['OrderMessage'] === '31303030317C32303236313230373030303132337C38382E30307C317C687474703A2F2F73686F702E6578616D706C652E636F6D2F6E70732F726573706F6E642E7068707C317CD5C5C8FD7CC9EEDBDACAD0C4CFC9BDC7F8BFC6BCBCD4B07C3531383030307C303735352D31323334353637387C6275796572406578616D706C652E636F6D7C4E417C4E417C4E417C4E417C4E417CB6A9B5A5BAC52032303236313230373030303132337C307C323032362D31322D30372031313A33303A3030');
// a | in a buyer field is refused: the gateway splits the order on it
$bad = $p;
$bad['s_addr'] = 'a|b';
try { PaySign\sign_params('nps.pay.request', $bad, $k); } catch (PaySign\Exception $e) { var_dump($e->getCode() === PaySign\Exception::INVALID_FIELD); }
?>
--EXPECT--
string(32) "3BD4CE8E62CE2E0B43A87E1F32C628C7"
string(12) "31303030317C"
bool(true)
bool(true)
bool(true)
