import com.paysign.Key;
import com.paysign.PaySign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a 99bill (快钱) RMB gateway payment request with the merchant's PKCS#12 key, as the
 * vendor's FI_All.php / send.jsp demo does, and prints the form fields to post to
 * https://www.99bill.com/gateway/recvMerchantInfoAction.htm (sandbox: sandbox.99bill.com).
 *
 *   javac -cp paysign.jar Demo.java
 *   java -cp paysign.jar:. Demo testdata/vectors/keys/99bill_10012140356.pfx 123456
 *
 * The key is 99bill's public test merchant 10012140356 (password 123456). The order data is
 * fixed so that the output can be compared with the shared test vectors; a shop fills in its
 * own order id, amount (in fen) and time (yyyyMMddHHmmss).
 */
public class Demo {
    public static void main(String[] args) {
        String pfx = args.length > 0 ? args[0] : "testdata/vectors/keys/99bill_10012140356.pfx";
        String password = args.length > 1 ? args[1] : "123456";

        Map<String, String> order = new LinkedHashMap<String, String>(); // order matters: 99bill signs a fixed list
        order.put("inputCharset", "1");            // 1 = UTF-8
        order.put("pageUrl", "");                  // empty values are not signed
        order.put("bgUrl", "http://219.233.173.50:8802/rmb_demo/recieve.php");
        order.put("version", "v2.0");
        order.put("language", "1");
        order.put("signType", "4");                // 4 = RSA
        order.put("merchantAcctId", "1001214035601");
        order.put("payerName", "张三");
        order.put("payerContactType", "1");
        order.put("payerContact", "123456@qq.com");
        order.put("payerIdType", "3");
        order.put("payerId", "KQ33151000");
        order.put("payerIP", "192.168.1.1");
        order.put("orderId", "KQ20190220134835");
        order.put("orderAmount", "1");             // fen
        order.put("orderTime", "20190220134835");
        order.put("orderTimestamp", "20190220134835");
        order.put("productName", "Apple");
        order.put("productNum", "1");
        order.put("productId", "10000");
        order.put("productDesc", "Apple");
        order.put("ext1", "扩展1");
        order.put("ext2", "扩展2");
        order.put("payType", "00");
        order.put("redoFlag", "0");

        try (Key key = Key.fromFile(pfx, password)) {
            // The CFCA-era kits sign with SHA-256; merchants on 99bill's older production
            // certificate use "hash=sha1".
            Map<String, String> form = PaySign.signParams("99bill.pay.request", order, key, "hash=sha256");
            System.out.println("paysign " + PaySign.version());
            System.out.println("sign string: " + PaySign.signString("99bill.pay.request", order, key, "hash=sha256"));
            System.out.println("form fields (POST to https://www.99bill.com/gateway/recvMerchantInfoAction.htm):");
            for (Map.Entry<String, String> e : form.entrySet()) {
                System.out.println(e.getKey() + "=" + e.getValue());
            }
        }
    }
}
