import com.paysign.Key;
import com.paysign.PaySign;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * bench/compare.sh, Java: the paysign wrapper against the code a 99bill Java merchant kit has a
 * merchant write (StringBuilder, then MessageDigest or java.security.Signature), on the same
 * request and notification. Written for this benchmark in the kit's style.
 *
 * <pre>java -cp paysign.jar:. -Dpaysign.library.path=LIB Bench INPUT_DIR KEYS_DIR</pre>
 *
 * Prints "&lt;operation&gt; vendor|paysign &lt;ns per op&gt;": the fastest of three rounds of
 * about 0.5 s, after two seconds of warm-up for the JIT.
 */
public final class Bench {
    static final String[] REQUEST_ORDER = {
        "inputCharset", "pageUrl", "bgUrl", "version", "language", "signType", "merchantAcctId",
        "payerName", "payerContactType", "payerContact", "payerIdType", "payerId", "payerIP", "orderId",
        "orderAmount", "orderTime", "orderTimestamp", "productName", "productNum", "productId",
        "productDesc", "ext1", "ext2", "payType", "bankId", "cardIssuer", "cardNum", "remitType",
        "remitCode", "redoFlag", "pid", "submitType", "orderTimeOut", "mobileGateway", "extDataType",
        "extDataContent",
    };
    static final String[] NOTIFY_ORDER = {
        "merchantAcctId", "version", "language", "signType", "payType", "bankId", "orderId", "orderTime",
        "orderAmount", "bindCard", "bindMobile", "dealId", "bankDealId", "dealTime", "payAmount", "fee",
        "ext1", "ext2", "payResult", "aggregatePay", "errCode",
    };
    static final char[] HEX = "0123456789ABCDEF".toCharArray();
    static volatile Object sink;

    static Map<String, String> readTsv(String path) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            m.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return m;
    }

    /** "name=value" for every non-empty field, in order, joined by "&". */
    static String signString(String[] order, Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        for (String name : order) {
            String v = p.get(name);
            if (v != null && !v.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(name).append('=').append(v);
            }
        }
        return sb.toString();
    }

    static double round(Supplier<Object> op, double ns) {
        long n = 0;
        long start = System.nanoTime();
        long t;
        do {
            for (int i = 0; i < 16; i++) {
                sink = op.get();
            }
            n += 16;
            t = System.nanoTime() - start;
        } while (t < ns);
        return (double) t / n;
    }

    static void measure(String name, String who, Supplier<Object> op) {
        round(op, 2e9);
        double best = Math.min(round(op, 5e8), Math.min(round(op, 5e8), round(op, 5e8)));
        System.out.printf("%s %s %.0f%n", name, who, best);
    }

    interface Op {
        Object run() throws Exception;
    }

    static Supplier<Object> unchecked(Op op) {
        return () -> {
            try {
                return op.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
    }

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        String keys = args[1];
        Map<String, String> request = readTsv(dir + "/request.tsv");
        Map<String, String> md5Request = readTsv(dir + "/md5_request.tsv");
        Map<String, String> notify = readTsv(dir + "/notify.tsv");
        String secret = new String(Files.readAllBytes(Paths.get(dir + "/md5_secret.txt")), StandardCharsets.UTF_8).trim();

        // Keys loaded once: the PFX through KeyStore, the certificate through CertificateFactory.
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keys + "/99bill_10012140356.pfx")) {
            ks.load(in, "123456".toCharArray());
        }
        String alias = ks.aliases().nextElement();
        PrivateKey vendorPrivate = (PrivateKey) ks.getKey(alias, "123456".toCharArray());
        PublicKey vendorPublic;
        try (InputStream in = new FileInputStream(keys + "/99bill_10012140356_cert.pem")) {
            vendorPublic = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
        }
        Key psPrivate = Key.fromFile(keys + "/99bill_10012140356.pfx", "123456");
        Key psPublic = Key.fromFile(keys + "/99bill_10012140356_cert.pem", null);
        Key psSecret = Key.secret(secret);

        Supplier<Object> vendorMd5 = unchecked(() -> {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] d = md.digest((signString(REQUEST_ORDER, md5Request) + "&key=" + secret).getBytes(StandardCharsets.UTF_8));
            char[] hex = new char[d.length * 2];
            for (int i = 0; i < d.length; i++) {
                hex[2 * i] = HEX[(d[i] >> 4) & 15];
                hex[2 * i + 1] = HEX[d[i] & 15];
            }
            return new String(hex);
        });
        Supplier<Object> paysignMd5 = () -> PaySign.sign("99bill.pay.request", md5Request, psSecret);
        Supplier<Object> vendorRsa = unchecked(() -> {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(vendorPrivate);
            s.update(signString(REQUEST_ORDER, request).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        });
        Supplier<Object> paysignRsa = () -> PaySign.sign("99bill.pay.request", request, psPrivate, "hash=sha256");
        Supplier<Object> vendorVerify = unchecked(() -> {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(vendorPublic);
            s.update(signString(NOTIFY_ORDER, notify).getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(notify.get("signMsg")));
        });
        Supplier<Object> paysignVerify = () -> PaySign.verify("99bill.pay.notify", notify, psPublic, "hash=sha256");

        // Both sides must compute the same thing before they are timed.
        if (!vendorMd5.get().equals(paysignMd5.get()) || !vendorRsa.get().equals(paysignRsa.get())
                || !Boolean.TRUE.equals(vendorVerify.get()) || !Boolean.TRUE.equals(paysignVerify.get())) {
            System.err.println("Bench.java: the vendor code and paysign disagree");
            System.exit(1);
        }
        measure("md5-sign", "vendor", vendorMd5);
        measure("md5-sign", "paysign", paysignMd5);
        measure("rsa-sign-sha256", "vendor", vendorRsa);
        measure("rsa-sign-sha256", "paysign", paysignRsa);
        measure("rsa-verify-sha256", "vendor", vendorVerify);
        measure("rsa-verify-sha256", "paysign", paysignVerify);
    }
}
