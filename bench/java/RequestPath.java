import com.paysign.Key;
import com.paysign.PaySign;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * bench/compare.sh, Java, the whole request path (issue 12), compiled with Bench.java (its
 * helpers):
 * <ul>
 * <li>checkout: load the merchant .pfx + build the order + sign + render the hidden fields;</li>
 * <li>notify: receive the raw query string + load the gateway certificate + verify + reply.</li>
 * </ul>
 * vendor: 99bill's Java demo style (KeyStore PKCS12 + Signature; CertificateFactory + Signature
 * on the decoded parameters). paysign: Key.fromFile + signParams / verifyBody + reply. Plain
 * names load the key on every request (what the demo does); *-longlived load it once (servlet
 * init) on both sides.
 *
 * <pre>java -cp paysign.jar:. -Dpaysign.library.path=LIB RequestPath INPUT_DIR KEYS_DIR</pre>
 */
public final class RequestPath {
    static final String SHOW = "https://shop.example/show";

    static String form(Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<form method=\"post\" action=\"https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm\">");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            html.append("<input type=\"hidden\" name=\"").append(esc(e.getKey()))
                .append("\" value=\"").append(esc(e.getValue())).append("\">");
        }
        return html.append("</form>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static PrivateKey vendorKey(String pfx) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(pfx)) {
            ks.load(in, "123456".toCharArray());
        }
        String alias = ks.aliases().nextElement();
        return (PrivateKey) ks.getKey(alias, "123456".toCharArray());
    }

    static PublicKey vendorCert(String cert) throws Exception {
        try (InputStream in = new FileInputStream(cert)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
        }
    }

    static String vendorCheckout(PrivateKey key, Map<String, String> order) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(Bench.signString(Bench.REQUEST_ORDER, order).getBytes(StandardCharsets.UTF_8));
        Map<String, String> f = new LinkedHashMap<>(order);
        f.put("signMsg", Base64.getEncoder().encodeToString(s.sign()));
        return form(f);
    }

    /** What the servlet container hands the demo: request.getParameter(), decoded. */
    static String vendorNotify(PublicKey cert, String raw) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            p.put(URLDecoder.decode(pair.substring(0, eq), "UTF-8"), URLDecoder.decode(pair.substring(eq + 1), "UTF-8"));
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(cert);
        s.update(Bench.signString(Bench.NOTIFY_ORDER, p).getBytes(StandardCharsets.UTF_8));
        boolean ok = s.verify(Base64.getDecoder().decode(p.get("signMsg")));
        return "<result>" + (ok ? 1 : 0) + "</result><redirecturl>" + SHOW + "</redirecturl>";
    }

    static String paysignCheckout(Key key, Map<String, String> order) {
        return form(PaySign.signParams("99bill.pay.request", order, key, "hash=sha256"));
    }

    static String paysignNotify(Key cert, byte[] raw) {
        boolean ok = PaySign.verifyBody("99bill.pay.notify", raw, "form", null, cert, "hash=sha256");
        return PaySign.reply("99bill.pay.notify", ok, SHOW);
    }

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        String keys = args[1];
        String pfx = keys + "/99bill_10012140356.pfx";
        String cert = keys + "/99bill_10012140356_cert.pem";
        Map<String, String> order = Bench.readTsv(dir + "/request.tsv");
        String raw = new String(Files.readAllBytes(Paths.get(dir + "/notify.form")), StandardCharsets.UTF_8).trim();
        byte[] rawBytes = raw.getBytes(StandardCharsets.ISO_8859_1);

        PrivateKey vKey = vendorKey(pfx);
        PublicKey vCert = vendorCert(cert);
        Key pKey = Key.fromFile(pfx, "123456");
        Key pCert = Key.fromFile(cert, null);

        Supplier<Object> vc = Bench.unchecked(() -> vendorCheckout(vendorKey(pfx), order));
        Supplier<Object> pc = () -> {
            try (Key k = Key.fromFile(pfx, "123456")) {
                return paysignCheckout(k, order);
            }
        };
        Supplier<Object> vn = Bench.unchecked(() -> vendorNotify(vendorCert(cert), raw));
        Supplier<Object> pn = () -> {
            try (Key k = Key.fromFile(cert, null)) {
                return paysignNotify(k, rawBytes);
            }
        };
        Supplier<Object> vcl = Bench.unchecked(() -> vendorCheckout(vKey, order));
        Supplier<Object> pcl = () -> paysignCheckout(pKey, order);
        Supplier<Object> vnl = Bench.unchecked(() -> vendorNotify(vCert, raw));
        Supplier<Object> pnl = () -> paysignNotify(pCert, rawBytes);

        // Both sides must give the same page and the same reply before they are timed.
        if (!vc.get().equals(pc.get()) || !vn.get().equals(pn.get())
                || !((String) vn.get()).startsWith("<result>1</result>")) {
            System.err.println("RequestPath: the vendor code and paysign disagree");
            System.exit(1);
        }
        Bench.measure("checkout", "vendor", vc);
        Bench.measure("checkout", "paysign", pc);
        Bench.measure("notify", "vendor", vn);
        Bench.measure("notify", "paysign", pn);
        Bench.measure("checkout-longlived", "vendor", vcl);
        Bench.measure("checkout-longlived", "paysign", pcl);
        Bench.measure("notify-longlived", "vendor", vnl);
        Bench.measure("notify-longlived", "paysign", pnl);
        pKey.close();
        pCert.close();
    }
}
