package example.kuaiqian;

import com.paysign.Key;
import com.paysign.PaySign;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * 99bill (快钱) payment request: signs the order with the merchant's PKCS#12 key and answers an
 * HTML page that posts the form to 99bill's gateway (the vendor's send.jsp, redone).
 *
 * <p>Configuration (web.xml context parameters): {@code kuaiqian.merchantAcctId},
 * {@code kuaiqian.pfx} (path of the merchant .pfx), {@code kuaiqian.pfxPassword},
 * {@code kuaiqian.hash} (sha256 for CFCA certificates, sha1 for the old production one),
 * {@code kuaiqian.gateway} and {@code kuaiqian.bgUrl} (the {@link KuaiqianNotifyServlet} URL).
 *
 * <p>GET /pay?orderId=...&amount=... (amount in fen). A real shop takes both from its own
 * order table, never from the browser.
 */
public class KuaiqianSendServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient Key merchantKey;
    private String merchantAcctId;
    private String hash;
    private String gateway;
    private String bgUrl;

    @Override
    public void init() throws ServletException {
        merchantAcctId = param("kuaiqian.merchantAcctId");
        hash = param("kuaiqian.hash");
        gateway = param("kuaiqian.gateway");
        bgUrl = param("kuaiqian.bgUrl");
        // One Key for the servlet's life: it is thread-safe and loading a .pfx is slow.
        merchantKey = Key.fromFile(param("kuaiqian.pfx"), param("kuaiqian.pfxPassword"));
    }

    private String param(String name) throws ServletException {
        String v = getServletContext().getInitParameter(name);
        if (v == null) {
            throw new ServletException("missing context parameter " + name);
        }
        return v;
    }

    @Override
    public void destroy() {
        if (merchantKey != null) {
            merchantKey.close();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String orderId = request.getParameter("orderId");
        String amount = request.getParameter("amount");
        if (orderId == null || amount == null || !amount.matches("[1-9][0-9]{0,11}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "orderId and amount (fen) required");
            return;
        }
        String now = new SimpleDateFormat("yyyyMMddHHmmss").format(new Date());

        Map<String, String> order = new LinkedHashMap<String, String>();
        order.put("inputCharset", "1");
        order.put("bgUrl", bgUrl);
        order.put("version", "v2.0");
        order.put("language", "1");
        order.put("signType", "4");
        order.put("merchantAcctId", merchantAcctId);
        order.put("orderId", orderId);
        order.put("orderAmount", amount);
        order.put("orderTime", now);
        order.put("productName", "Order " + orderId);
        order.put("payType", "00");
        order.put("redoFlag", "0");

        Map<String, String> form = PaySign.signParams("99bill.pay.request", order, merchantKey, "hash=" + hash);

        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>99bill</title></head>");
        out.println("<body onload=\"document.forms[0].submit()\">");
        out.println("<form method=\"post\" accept-charset=\"UTF-8\" action=\"" + html(gateway) + "\">");
        for (Map.Entry<String, String> e : form.entrySet()) {
            out.println("<input type=\"hidden\" name=\"" + html(e.getKey()) + "\" value=\"" + html(e.getValue()) + "\">");
        }
        out.println("<noscript><button type=\"submit\">Pay with 99bill</button></noscript>");
        out.println("</form></body></html>");
    }

    private static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
