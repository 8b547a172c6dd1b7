// P/Invoke declarations for the paysign C ABI (include/paysign.h).
//
// Every string crosses as a NUL-terminated UTF-8 byte[] built by Utf8 (a field list as one
// packed buffer, see Native.BuildParams), never through CharSet or LPUTF8Str (absent on .NET
// Framework 4.x), so the same assembly runs on .NET Framework 4.x, Mono and .NET (Core). size_t is UIntPtr. paysign_status is a C enum
// (int). Keys cross as the Key SafeHandle, so a key disposed on another thread can never be
// freed while a call is using it; calls that accept a NULL key have a second declaration
// taking IntPtr (the marshaller refuses a null SafeHandle).
using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PaySign
{
    [SuppressUnmanagedCodeSecurity]
    internal static class NativeMethods
    {
        // libpaysign.so on Linux, paysign.dll on Windows, libpaysign.dylib on macOS.
        private const string Lib = "paysign";
        private const CallingConvention Cc = CallingConvention.Cdecl;

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern IntPtr paysign_version();

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern UIntPtr paysign_last_error([Out] byte[] buf, UIntPtr cap);

        // params

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern IntPtr paysign_params_new();

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern void paysign_params_free(IntPtr parameters);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_params_set_all(IntPtr parameters, [In] byte[] data, UIntPtr len);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_params_get_all(IntPtr parameters,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        // keys

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_key_secret([In] byte[] secret, out Key key);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_key_load([In] byte[] data, UIntPtr len, [In] byte[] password, out Key key);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_key_load_file([In] byte[] path, [In] byte[] password, out Key key);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern void paysign_key_free(IntPtr key);

        // signing

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_sign_string([In] byte[] profile, [In] byte[] options,
            IntPtr parameters, Key key, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_sign_string")]
        internal static extern int paysign_sign_string_nokey([In] byte[] profile, [In] byte[] options,
            IntPtr parameters, IntPtr key, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_sign([In] byte[] profile, [In] byte[] options,
            IntPtr parameters, Key key, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_sign")]
        internal static extern int paysign_sign_nokey([In] byte[] profile, [In] byte[] options,
            IntPtr parameters, IntPtr key, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_verify([In] byte[] profile, [In] byte[] options,
            IntPtr parameters, Key key);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_verify")]
        internal static extern int paysign_verify_nokey([In] byte[] profile, [In] byte[] options,
            IntPtr parameters, IntPtr key);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_verify_body([In] byte[] profile, [In] byte[] options,
            [In] byte[] body, UIntPtr len, [In] byte[] format, [In] byte[] charset, Key key,
            out IntPtr outParams);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_verify_body")]
        internal static extern int paysign_verify_body_nokey([In] byte[] profile, [In] byte[] options,
            [In] byte[] body, UIntPtr len, [In] byte[] format, [In] byte[] charset, IntPtr key,
            out IntPtr outParams);

        // diagnosis

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_diagnose([In] byte[] profile, [In] byte[] options,
            [In] byte[] body, UIntPtr len, [In] byte[] format, [In] byte[] charset, Key key,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_diagnose")]
        internal static extern int paysign_diagnose_nokey([In] byte[] profile, [In] byte[] options,
            [In] byte[] body, UIntPtr len, [In] byte[] format, [In] byte[] charset, IntPtr key,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_diagnose_sign([In] byte[] profile, [In] byte[] options,
            [In] byte[] body, UIntPtr len, [In] byte[] format, [In] byte[] charset, Key key,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_diagnose_sign")]
        internal static extern int paysign_diagnose_sign_nokey([In] byte[] profile, [In] byte[] options,
            [In] byte[] body, UIntPtr len, [In] byte[] format, [In] byte[] charset, IntPtr key,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        // built-in keys, Alipay notify_verify

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_key_builtin([In] byte[] name, out Key key);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern UIntPtr paysign_builtin_keys([Out] byte[] buf, UIntPtr cap);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_alipay_notify_verify_url([In] byte[] partner, [In] byte[] notifyId,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        // Alipay certificate mode and synchronous responses

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_alipay_cert_sn([In] byte[] data, UIntPtr len,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_alipay_root_cert_sn([In] byte[] data, UIntPtr len,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_alipay_verify_response([In] byte[] body, UIntPtr len,
            [In] byte[] method, Key key, [In] byte[] options);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_alipay_encrypt(Key aesKey, [In] byte[] plain, UIntPtr len,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_alipay_decrypt_response([In] byte[] body, UIntPtr len,
            [In] byte[] method, Key aesKey, [In] byte[] options, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        // PayPal IPN (no signature: a postback)

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_paypal_postback([In] byte[] body, UIntPtr len,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_paypal_verdict([In] byte[] answer, UIntPtr len);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_paypal_check([In] byte[] body, UIntPtr len, [In] byte[] options);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_paypal_field([In] byte[] body, UIntPtr len, [In] byte[] name,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_paypal_diagnose([In] byte[] body, UIntPtr len, [In] byte[] sent,
            UIntPtr sentLen, [In] byte[] host, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        // UnionPay ACP

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_unionpay_cert_id(Key key, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_unionpay_verify_body([In] byte[] profile, [In] byte[] body, UIntPtr len,
            [In] byte[] root, UIntPtr rootLen, [In] byte[] middle, UIntPtr middleLen, Key verifyKey,
            [In] byte[] options);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true, EntryPoint = "paysign_unionpay_verify_body")]
        internal static extern int paysign_unionpay_verify_body_nokey([In] byte[] profile, [In] byte[] body,
            UIntPtr len, [In] byte[] root, UIntPtr rootLen, [In] byte[] middle, UIntPtr middleLen, IntPtr verifyKey,
            [In] byte[] options);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_unionpay_encrypt_cert_id([In] byte[] cert, UIntPtr certLen,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_unionpay_encrypt([In] byte[] cert, UIntPtr certLen, [In] byte[] plaintext,
            UIntPtr plaintextLen, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_unionpay_customer_info(IntPtr fields, [In] byte[] version, [In] byte[] cert,
            UIntPtr certLen, [In] byte[] accNo, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_unionpay_encrypt_pin([In] byte[] cert, UIntPtr certLen, [In] byte[] pin,
            [In] byte[] accNo, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        // WeChat Pay v2 refund notifications

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_wechat_refund_decrypt(Key apiKey, [In] byte[] body, UIntPtr len,
            out IntPtr outParams);
        // WeChat Pay API v3

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_wechat_v3_authorization([In] byte[] method, [In] byte[] url,
            [In] byte[] timestamp, [In] byte[] nonce, [In] byte[] body, UIntPtr len, [In] byte[] mchid,
            [In] byte[] serialNo, Key key, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_wechat_v3_verify([In] byte[] timestamp, [In] byte[] nonce,
            [In] byte[] signature, [In] byte[] serial, [In] byte[] body, UIntPtr len, Key key, [In] byte[] options);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_wechat_v3_decrypt([In] byte[] body, UIntPtr len, [In] byte[] apiv3Key,
            UIntPtr keyLen, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_wechat_v3_certificates([In] byte[] body, UIntPtr len, [In] byte[] apiv3Key,
            UIntPtr keyLen, [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_wechat_v3_client_sign([In] byte[] kind, [In] byte[] appId,
            [In] byte[] timestamp, [In] byte[] nonce, [In] byte[] prepay, Key key,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);

        [DllImport(Lib, CallingConvention = Cc, ExactSpelling = true)]
        internal static extern int paysign_reply([In] byte[] profile, int success, [In] byte[] redirectUrl,
            [Out] byte[] buf, UIntPtr cap, out UIntPtr outLen);
    }
}
