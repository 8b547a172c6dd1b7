/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0f16bc5efd17d2edb94f8f932adf8cd33bceb522 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_sign, 0, 0, 2)
	ZEND_ARG_INFO(0, profile)
	ZEND_ARG_INFO(0, params)
	ZEND_ARG_INFO(0, key)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

#define arginfo_PaySign_sign_params arginfo_PaySign_sign

#define arginfo_PaySign_sign_string arginfo_PaySign_sign

#define arginfo_PaySign_verify arginfo_PaySign_sign

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_verify_body, 0, 0, 2)
	ZEND_ARG_INFO(0, profile)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, key)
	ZEND_ARG_INFO(0, format)
	ZEND_ARG_INFO(0, charset)
	ZEND_ARG_INFO(0, options)
	ZEND_ARG_INFO(1, params)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_diagnose, 0, 0, 2)
	ZEND_ARG_INFO(0, profile)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, key)
	ZEND_ARG_INFO(0, format)
	ZEND_ARG_INFO(0, charset)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

#define arginfo_PaySign_diagnose_sign arginfo_PaySign_diagnose

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_reply, 0, 0, 2)
	ZEND_ARG_INFO(0, profile)
	ZEND_ARG_INFO(0, success)
	ZEND_ARG_INFO(0, redirectUrl)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_version, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_PaySign_profiles arginfo_PaySign_version

#define arginfo_PaySign_builtin_keys arginfo_PaySign_version

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_alipay_notify_verify_url, 0, 0, 2)
	ZEND_ARG_INFO(0, partner)
	ZEND_ARG_INFO(0, notifyId)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_alipay_cert_sn, 0, 0, 1)
	ZEND_ARG_INFO(0, data)
ZEND_END_ARG_INFO()

#define arginfo_PaySign_alipay_root_cert_sn arginfo_PaySign_alipay_cert_sn

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_alipay_verify_response, 0, 0, 3)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, method)
	ZEND_ARG_INFO(0, key)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_alipay_encrypt, 0, 0, 2)
	ZEND_ARG_INFO(0, aesKey)
	ZEND_ARG_INFO(0, plain)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_alipay_decrypt_response, 0, 0, 3)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, method)
	ZEND_ARG_INFO(0, aesKey)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_wechat_refund_decrypt, 0, 0, 2)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, apiKey)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_wechat_v3_authorization, 0, 0, 5)
	ZEND_ARG_INFO(0, method)
	ZEND_ARG_INFO(0, url)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, mchid)
	ZEND_ARG_INFO(0, key)
	ZEND_ARG_INFO(0, serialNo)
	ZEND_ARG_INFO(0, timestamp)
	ZEND_ARG_INFO(0, nonce)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_wechat_v3_verify, 0, 0, 6)
	ZEND_ARG_INFO(0, timestamp)
	ZEND_ARG_INFO(0, nonce)
	ZEND_ARG_INFO(0, signature)
	ZEND_ARG_INFO(0, serial)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, key)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_wechat_v3_decrypt, 0, 0, 2)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, apiv3Key)
ZEND_END_ARG_INFO()

#define arginfo_PaySign_wechat_v3_certificates arginfo_PaySign_wechat_v3_decrypt

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_wechat_v3_client_sign, 0, 0, 6)
	ZEND_ARG_INFO(0, kind)
	ZEND_ARG_INFO(0, appId)
	ZEND_ARG_INFO(0, timestamp)
	ZEND_ARG_INFO(0, nonce)
	ZEND_ARG_INFO(0, prepay)
	ZEND_ARG_INFO(0, key)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_paypal_postback, 0, 0, 1)
	ZEND_ARG_INFO(0, body)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_paypal_verdict, 0, 0, 1)
	ZEND_ARG_INFO(0, answer)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_paypal_check, 0, 0, 1)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_paypal_field, 0, 0, 2)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, name)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_paypal_diagnose, 0, 0, 1)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, sent)
	ZEND_ARG_INFO(0, host)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_unionpay_cert_id, 0, 0, 1)
	ZEND_ARG_INFO(0, key)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_unionpay_verify, 0, 0, 4)
	ZEND_ARG_INFO(0, profile)
	ZEND_ARG_INFO(0, body)
	ZEND_ARG_INFO(0, root)
	ZEND_ARG_INFO(0, middle)
	ZEND_ARG_INFO(0, verifyKey)
	ZEND_ARG_INFO(0, options)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_unionpay_encrypt_cert_id, 0, 0, 1)
	ZEND_ARG_INFO(0, cert)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_unionpay_encrypt, 0, 0, 2)
	ZEND_ARG_INFO(0, cert)
	ZEND_ARG_INFO(0, plaintext)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_unionpay_encrypt_pin, 0, 0, 3)
	ZEND_ARG_INFO(0, cert)
	ZEND_ARG_INFO(0, pin)
	ZEND_ARG_INFO(0, accNo)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_PaySign_unionpay_customer_info, 0, 0, 2)
	ZEND_ARG_INFO(0, fields)
	ZEND_ARG_INFO(0, version)
	ZEND_ARG_INFO(0, cert)
	ZEND_ARG_INFO(0, accNo)
ZEND_END_ARG_INFO()

#define arginfo_class_PaySign_Key___construct arginfo_PaySign_version

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_PaySign_Key_secret, 0, 0, 1)
	ZEND_ARG_INFO(0, secret)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_PaySign_Key_load, 0, 0, 1)
	ZEND_ARG_INFO(0, data)
	ZEND_ARG_INFO(0, password)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_PaySign_Key_fromFile, 0, 0, 1)
	ZEND_ARG_INFO(0, path)
	ZEND_ARG_INFO(0, password)
ZEND_END_ARG_INFO()

#define arginfo_class_PaySign_Key_clearCache arginfo_PaySign_version

#define arginfo_class_PaySign_Key_cacheStats arginfo_PaySign_version

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_PaySign_Key_builtin, 0, 0, 1)
	ZEND_ARG_INFO(0, name)
ZEND_END_ARG_INFO()

#define arginfo_class_PaySign_Key_close arginfo_PaySign_version

#define arginfo_class_PaySign_Key_isClosed arginfo_PaySign_version

#define arginfo_class_PaySign_Exception_getStatusName arginfo_PaySign_version


ZEND_FUNCTION(PaySign_sign);
ZEND_FUNCTION(PaySign_sign_params);
ZEND_FUNCTION(PaySign_sign_string);
ZEND_FUNCTION(PaySign_verify);
ZEND_FUNCTION(PaySign_verify_body);
ZEND_FUNCTION(PaySign_diagnose);
ZEND_FUNCTION(PaySign_diagnose_sign);
ZEND_FUNCTION(PaySign_reply);
ZEND_FUNCTION(PaySign_version);
ZEND_FUNCTION(PaySign_profiles);
ZEND_FUNCTION(PaySign_builtin_keys);
ZEND_FUNCTION(PaySign_alipay_notify_verify_url);
ZEND_FUNCTION(PaySign_alipay_cert_sn);
ZEND_FUNCTION(PaySign_alipay_root_cert_sn);
ZEND_FUNCTION(PaySign_alipay_verify_response);
ZEND_FUNCTION(PaySign_alipay_encrypt);
ZEND_FUNCTION(PaySign_alipay_decrypt_response);
ZEND_FUNCTION(PaySign_wechat_refund_decrypt);
ZEND_FUNCTION(PaySign_wechat_v3_authorization);
ZEND_FUNCTION(PaySign_wechat_v3_verify);
ZEND_FUNCTION(PaySign_wechat_v3_decrypt);
ZEND_FUNCTION(PaySign_wechat_v3_certificates);
ZEND_FUNCTION(PaySign_wechat_v3_client_sign);
ZEND_FUNCTION(PaySign_paypal_postback);
ZEND_FUNCTION(PaySign_paypal_verdict);
ZEND_FUNCTION(PaySign_paypal_check);
ZEND_FUNCTION(PaySign_paypal_field);
ZEND_FUNCTION(PaySign_paypal_diagnose);
ZEND_FUNCTION(PaySign_unionpay_cert_id);
ZEND_FUNCTION(PaySign_unionpay_verify);
ZEND_FUNCTION(PaySign_unionpay_encrypt_cert_id);
ZEND_FUNCTION(PaySign_unionpay_encrypt);
ZEND_FUNCTION(PaySign_unionpay_encrypt_pin);
ZEND_FUNCTION(PaySign_unionpay_customer_info);
ZEND_METHOD(PaySign_Key, __construct);
ZEND_METHOD(PaySign_Key, secret);
ZEND_METHOD(PaySign_Key, load);
ZEND_METHOD(PaySign_Key, fromFile);
ZEND_METHOD(PaySign_Key, clearCache);
ZEND_METHOD(PaySign_Key, cacheStats);
ZEND_METHOD(PaySign_Key, builtin);
ZEND_METHOD(PaySign_Key, close);
ZEND_METHOD(PaySign_Key, isClosed);
ZEND_METHOD(PaySign_Exception, getStatusName);


static const zend_function_entry ext_functions[] = {
	ZEND_NS_FALIAS("PaySign", sign, PaySign_sign, arginfo_PaySign_sign)
	ZEND_NS_FALIAS("PaySign", sign_params, PaySign_sign_params, arginfo_PaySign_sign_params)
	ZEND_NS_FALIAS("PaySign", sign_string, PaySign_sign_string, arginfo_PaySign_sign_string)
	ZEND_NS_FALIAS("PaySign", verify, PaySign_verify, arginfo_PaySign_verify)
	ZEND_NS_FALIAS("PaySign", verify_body, PaySign_verify_body, arginfo_PaySign_verify_body)
	ZEND_NS_FALIAS("PaySign", diagnose, PaySign_diagnose, arginfo_PaySign_diagnose)
	ZEND_NS_FALIAS("PaySign", diagnose_sign, PaySign_diagnose_sign, arginfo_PaySign_diagnose_sign)
	ZEND_NS_FALIAS("PaySign", reply, PaySign_reply, arginfo_PaySign_reply)
	ZEND_NS_FALIAS("PaySign", version, PaySign_version, arginfo_PaySign_version)
	ZEND_NS_FALIAS("PaySign", profiles, PaySign_profiles, arginfo_PaySign_profiles)
	ZEND_NS_FALIAS("PaySign", builtin_keys, PaySign_builtin_keys, arginfo_PaySign_builtin_keys)
	ZEND_NS_FALIAS("PaySign", alipay_notify_verify_url, PaySign_alipay_notify_verify_url, arginfo_PaySign_alipay_notify_verify_url)
	ZEND_NS_FALIAS("PaySign", alipay_cert_sn, PaySign_alipay_cert_sn, arginfo_PaySign_alipay_cert_sn)
	ZEND_NS_FALIAS("PaySign", alipay_root_cert_sn, PaySign_alipay_root_cert_sn, arginfo_PaySign_alipay_root_cert_sn)
	ZEND_NS_FALIAS("PaySign", alipay_verify_response, PaySign_alipay_verify_response, arginfo_PaySign_alipay_verify_response)
	ZEND_NS_FALIAS("PaySign", alipay_encrypt, PaySign_alipay_encrypt, arginfo_PaySign_alipay_encrypt)
	ZEND_NS_FALIAS("PaySign", alipay_decrypt_response, PaySign_alipay_decrypt_response, arginfo_PaySign_alipay_decrypt_response)
	ZEND_NS_FALIAS("PaySign", wechat_refund_decrypt, PaySign_wechat_refund_decrypt, arginfo_PaySign_wechat_refund_decrypt)
	ZEND_NS_FALIAS("PaySign", wechat_v3_authorization, PaySign_wechat_v3_authorization, arginfo_PaySign_wechat_v3_authorization)
	ZEND_NS_FALIAS("PaySign", wechat_v3_verify, PaySign_wechat_v3_verify, arginfo_PaySign_wechat_v3_verify)
	ZEND_NS_FALIAS("PaySign", wechat_v3_decrypt, PaySign_wechat_v3_decrypt, arginfo_PaySign_wechat_v3_decrypt)
	ZEND_NS_FALIAS("PaySign", wechat_v3_certificates, PaySign_wechat_v3_certificates, arginfo_PaySign_wechat_v3_certificates)
	ZEND_NS_FALIAS("PaySign", wechat_v3_client_sign, PaySign_wechat_v3_client_sign, arginfo_PaySign_wechat_v3_client_sign)
	ZEND_NS_FALIAS("PaySign", paypal_postback, PaySign_paypal_postback, arginfo_PaySign_paypal_postback)
	ZEND_NS_FALIAS("PaySign", paypal_verdict, PaySign_paypal_verdict, arginfo_PaySign_paypal_verdict)
	ZEND_NS_FALIAS("PaySign", paypal_check, PaySign_paypal_check, arginfo_PaySign_paypal_check)
	ZEND_NS_FALIAS("PaySign", paypal_field, PaySign_paypal_field, arginfo_PaySign_paypal_field)
	ZEND_NS_FALIAS("PaySign", paypal_diagnose, PaySign_paypal_diagnose, arginfo_PaySign_paypal_diagnose)
	ZEND_NS_FALIAS("PaySign", unionpay_cert_id, PaySign_unionpay_cert_id, arginfo_PaySign_unionpay_cert_id)
	ZEND_NS_FALIAS("PaySign", unionpay_verify, PaySign_unionpay_verify, arginfo_PaySign_unionpay_verify)
	ZEND_NS_FALIAS("PaySign", unionpay_encrypt_cert_id, PaySign_unionpay_encrypt_cert_id, arginfo_PaySign_unionpay_encrypt_cert_id)
	ZEND_NS_FALIAS("PaySign", unionpay_encrypt, PaySign_unionpay_encrypt, arginfo_PaySign_unionpay_encrypt)
	ZEND_NS_FALIAS("PaySign", unionpay_encrypt_pin, PaySign_unionpay_encrypt_pin, arginfo_PaySign_unionpay_encrypt_pin)
	ZEND_NS_FALIAS("PaySign", unionpay_customer_info, PaySign_unionpay_customer_info, arginfo_PaySign_unionpay_customer_info)
	ZEND_FE_END
};


static const zend_function_entry class_PaySign_Key_methods[] = {
	ZEND_ME(PaySign_Key, __construct, arginfo_class_PaySign_Key___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(PaySign_Key, secret, arginfo_class_PaySign_Key_secret, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(PaySign_Key, load, arginfo_class_PaySign_Key_load, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(PaySign_Key, fromFile, arginfo_class_PaySign_Key_fromFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(PaySign_Key, clearCache, arginfo_class_PaySign_Key_clearCache, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(PaySign_Key, cacheStats, arginfo_class_PaySign_Key_cacheStats, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(PaySign_Key, builtin, arginfo_class_PaySign_Key_builtin, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(PaySign_Key, close, arginfo_class_PaySign_Key_close, ZEND_ACC_PUBLIC)
	ZEND_ME(PaySign_Key, isClosed, arginfo_class_PaySign_Key_isClosed, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_PaySign_Exception_methods[] = {
	ZEND_ME(PaySign_Exception, getStatusName, arginfo_class_PaySign_Exception_getStatusName, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_PaySign_Key(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "PaySign", "Key", class_PaySign_Key_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
#if (PHP_VERSION_ID >= 80100)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#elif (PHP_VERSION_ID >= 80000)
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#elif (PHP_VERSION_ID >= 70000)
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	return class_entry;
}

static zend_class_entry *register_class_PaySign_Exception(zend_class_entry *class_entry_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "PaySign", "Exception", class_PaySign_Exception_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Exception);

	zval const_NULL_ARGUMENT_value;
	ZVAL_LONG(&const_NULL_ARGUMENT_value, 10);
	zend_string *const_NULL_ARGUMENT_name = zend_string_init_interned("NULL_ARGUMENT", sizeof("NULL_ARGUMENT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NULL_ARGUMENT_name, &const_NULL_ARGUMENT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NULL_ARGUMENT_name);

	zval const_INVALID_ARGUMENT_value;
	ZVAL_LONG(&const_INVALID_ARGUMENT_value, 11);
	zend_string *const_INVALID_ARGUMENT_name = zend_string_init_interned("INVALID_ARGUMENT", sizeof("INVALID_ARGUMENT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_INVALID_ARGUMENT_name, &const_INVALID_ARGUMENT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_INVALID_ARGUMENT_name);

	zval const_UNKNOWN_PROFILE_value;
	ZVAL_LONG(&const_UNKNOWN_PROFILE_value, 12);
	zend_string *const_UNKNOWN_PROFILE_name = zend_string_init_interned("UNKNOWN_PROFILE", sizeof("UNKNOWN_PROFILE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_UNKNOWN_PROFILE_name, &const_UNKNOWN_PROFILE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_UNKNOWN_PROFILE_name);

	zval const_MISSING_FIELD_value;
	ZVAL_LONG(&const_MISSING_FIELD_value, 13);
	zend_string *const_MISSING_FIELD_name = zend_string_init_interned("MISSING_FIELD", sizeof("MISSING_FIELD") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MISSING_FIELD_name, &const_MISSING_FIELD_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MISSING_FIELD_name);

	zval const_INVALID_FIELD_value;
	ZVAL_LONG(&const_INVALID_FIELD_value, 14);
	zend_string *const_INVALID_FIELD_name = zend_string_init_interned("INVALID_FIELD", sizeof("INVALID_FIELD") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_INVALID_FIELD_name, &const_INVALID_FIELD_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_INVALID_FIELD_name);

	zval const_DUPLICATE_FIELD_value;
	ZVAL_LONG(&const_DUPLICATE_FIELD_value, 15);
	zend_string *const_DUPLICATE_FIELD_name = zend_string_init_interned("DUPLICATE_FIELD", sizeof("DUPLICATE_FIELD") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_DUPLICATE_FIELD_name, &const_DUPLICATE_FIELD_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_DUPLICATE_FIELD_name);

	zval const_MALFORMED_INPUT_value;
	ZVAL_LONG(&const_MALFORMED_INPUT_value, 16);
	zend_string *const_MALFORMED_INPUT_name = zend_string_init_interned("MALFORMED_INPUT", sizeof("MALFORMED_INPUT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_MALFORMED_INPUT_name, &const_MALFORMED_INPUT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_MALFORMED_INPUT_name);

	zval const_CHARSET_ERROR_value;
	ZVAL_LONG(&const_CHARSET_ERROR_value, 17);
	zend_string *const_CHARSET_ERROR_name = zend_string_init_interned("CHARSET_ERROR", sizeof("CHARSET_ERROR") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_CHARSET_ERROR_name, &const_CHARSET_ERROR_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_CHARSET_ERROR_name);

	zval const_STALE_TIMESTAMP_value;
	ZVAL_LONG(&const_STALE_TIMESTAMP_value, 18);
	zend_string *const_STALE_TIMESTAMP_name = zend_string_init_interned("STALE_TIMESTAMP", sizeof("STALE_TIMESTAMP") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_STALE_TIMESTAMP_name, &const_STALE_TIMESTAMP_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_STALE_TIMESTAMP_name);

	zval const_KEY_ERROR_value;
	ZVAL_LONG(&const_KEY_ERROR_value, 20);
	zend_string *const_KEY_ERROR_name = zend_string_init_interned("KEY_ERROR", sizeof("KEY_ERROR") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_KEY_ERROR_name, &const_KEY_ERROR_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_KEY_ERROR_name);

	zval const_KEY_MISMATCH_value;
	ZVAL_LONG(&const_KEY_MISMATCH_value, 21);
	zend_string *const_KEY_MISMATCH_name = zend_string_init_interned("KEY_MISMATCH", sizeof("KEY_MISMATCH") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_KEY_MISMATCH_name, &const_KEY_MISMATCH_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_KEY_MISMATCH_name);

	zval const_UNSUPPORTED_value;
	ZVAL_LONG(&const_UNSUPPORTED_value, 22);
	zend_string *const_UNSUPPORTED_name = zend_string_init_interned("UNSUPPORTED", sizeof("UNSUPPORTED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_UNSUPPORTED_name, &const_UNSUPPORTED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_UNSUPPORTED_name);

	zval const_DECRYPT_ERROR_value;
	ZVAL_LONG(&const_DECRYPT_ERROR_value, 23);
	zend_string *const_DECRYPT_ERROR_name = zend_string_init_interned("DECRYPT_ERROR", sizeof("DECRYPT_ERROR") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_DECRYPT_ERROR_name, &const_DECRYPT_ERROR_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_DECRYPT_ERROR_name);

	zval const_BUFFER_TOO_SMALL_value;
	ZVAL_LONG(&const_BUFFER_TOO_SMALL_value, 30);
	zend_string *const_BUFFER_TOO_SMALL_name = zend_string_init_interned("BUFFER_TOO_SMALL", sizeof("BUFFER_TOO_SMALL") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_BUFFER_TOO_SMALL_name, &const_BUFFER_TOO_SMALL_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_BUFFER_TOO_SMALL_name);

	zval const_IO_ERROR_value;
	ZVAL_LONG(&const_IO_ERROR_value, 31);
	zend_string *const_IO_ERROR_name = zend_string_init_interned("IO_ERROR", sizeof("IO_ERROR") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_IO_ERROR_name, &const_IO_ERROR_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_IO_ERROR_name);

	zval const_PANIC_value;
	ZVAL_LONG(&const_PANIC_value, 99);
	zend_string *const_PANIC_name = zend_string_init_interned("PANIC", sizeof("PANIC") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_PANIC_name, &const_PANIC_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_PANIC_name);

	zval const_UNTRUSTED_CERT_value;
	ZVAL_LONG(&const_UNTRUSTED_CERT_value, 24);
	zend_string *const_UNTRUSTED_CERT_name = zend_string_init_interned("UNTRUSTED_CERT", sizeof("UNTRUSTED_CERT") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_UNTRUSTED_CERT_name, &const_UNTRUSTED_CERT_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_UNTRUSTED_CERT_name);

	zval const_BAD_SIGNATURE_value;
	ZVAL_LONG(&const_BAD_SIGNATURE_value, 1);
	zend_string *const_BAD_SIGNATURE_name = zend_string_init_interned("BAD_SIGNATURE", sizeof("BAD_SIGNATURE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_BAD_SIGNATURE_name, &const_BAD_SIGNATURE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_BAD_SIGNATURE_name);

	return class_entry;
}
