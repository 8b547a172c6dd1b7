package example.kuaiqian;

import com.paysign.Key;
import com.paysign.PaySign;
import com.paysign.PaySignException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * 99bill (快钱) bgUrl receiver: 99bill calls it with an HTTP GET whose query string carries the
 * payment result and {@code signMsg} (the vendor's receive.jsp, redone).
 *
 * <p>It verifies the <em>raw</em> query string with {@link PaySign#verifyBody}: never
 * {@code request.getParameter()}, which has already decoded the values once (a second decode
 * turns the {@code +} of a base64 signature into a space) and mixes in POST parameters.
 *
 * <p>Configuration (web.xml context parameters): {@code kuaiqian.cert} (99bill's certificate,
 * e.g. 99bill.cert.rsa.20340630.cer), {@code kuaiqian.hash} (sha1 for that certificate, sha256
 * for the CFCA one), {@code kuaiqian.showUrl} (the page 99bill sends the payer to).
 */
public class KuaiqianNotifyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String PROFILE = "99bill.pay.notify";

    private transient Key gatewayCert;
    private String hash;
    private String showUrl;

    @Override
    public void init() throws ServletException {
        String cert = getServletContext().getInitParameter("kuaiqian.cert");
        hash = getServletContext().getInitParameter("kuaiqian.hash");
        showUrl = getServletContext().getInitParameter("kuaiqian.showUrl");
        if (cert == null || hash == null || showUrl == null) {
            throw new ServletException("kuaiqian.cert, kuaiqian.hash and kuaiqian.showUrl are required");
        }
        gatewayCert = Key.fromFile(cert, null);
    }

    @Override
    public void destroy() {
        if (gatewayCert != null) {
            gatewayCert.close();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // The query string exactly as sent: 99bill percent-encodes every value, so it is ASCII,
        // and ISO-8859-1 gives back one byte per character without ever failing.
        String query = request.getQueryString();
        byte[] raw = query == null ? new byte[0] : query.getBytes(StandardCharsets.ISO_8859_1);

        boolean accepted;
        Map<String, String> fields = new LinkedHashMap<String, String>();
        try {
            // charset null: UTF-8 (inputCharset=1, which 99bill's current documents require)
            boolean valid = PaySign.verifyBody(PROFILE, raw, "form", null, gatewayCert, "hash=" + hash, fields);
            if (!valid) {
                log("99bill notify: bad signature from " + request.getRemoteAddr() + ": " + query);
                accepted = false;
            } else {
                // fields holds what 99bill signed, decoded once; when the bgUrl carried the
                // merchant's own query parameters, 99bill's later copy of a name wins.
                accepted = handlePayment(fields);
            }
        } catch (PaySignException e) {
            log("99bill notify rejected (" + e.getStatusName() + "): " + e.getMessage());
            accepted = false;
        }

        // The exact reply 99bill expects; anything but result=1 makes it retry for ~18 hours.
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PaySign.reply(PROFILE, accepted, showUrl + (accepted ? "?msg=success" : "?msg=false")));
    }

    /**
     * Records the payment. Must be idempotent: 99bill repeats notifications, and a failure may
     * later be followed by a success for the same orderId.
     */
    protected boolean handlePayment(Map<String, String> fields) {
        String orderId = fields.get("orderId");
        String payResult = fields.get("payResult"); // 10 = success, 11 = failure
        String payAmount = fields.get("payAmount"); // fen; may differ from orderAmount (coupons)
        log("99bill notify: order " + orderId + " payResult " + payResult + " payAmount " + payAmount
            + " dealId " + fields.get("dealId"));
        // look the order up, compare merchantAcctId and the amount, mark it paid once ...
        return "10".equals(payResult);
    }
}
