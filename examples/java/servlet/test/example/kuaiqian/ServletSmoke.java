package example.kuaiqian;

import com.paysign.Key;
import com.paysign.PaySign;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Drives the two servlets without a container (java.lang.reflect.Proxy stands in for the
 * request, response, config and context). 99bill is played by the public test merchant
 * 10012140356: its .pfx signs the notification, its certificate verifies it.
 *
 *   java -cp paysign.jar:classes:servlet-api.jar example.kuaiqian.ServletSmoke testdata/vectors/keys
 */
public final class ServletSmoke {
    private static final String SHOW = "http://shop.example.com/paid.jsp";

    private ServletSmoke() {
    }

    public static void main(String[] args) throws Exception {
        File keys = new File(args.length > 0 ? args[0] : "testdata/vectors/keys");
        Map<String, String> context = new HashMap<String, String>();
        context.put("kuaiqian.merchantAcctId", "1001214035601");
        context.put("kuaiqian.pfx", new File(keys, "99bill_10012140356.pfx").getPath());
        context.put("kuaiqian.pfxPassword", "123456");
        context.put("kuaiqian.cert", new File(keys, "99bill_10012140356_cert.pem").getPath());
        context.put("kuaiqian.hash", "sha256");
        context.put("kuaiqian.gateway", "https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm");
        context.put("kuaiqian.bgUrl", "http://shop.example.com/99bill/notify?shop=1");
        context.put("kuaiqian.showUrl", SHOW);

        try (Key cert = Key.fromFile(context.get("kuaiqian.cert"), null);
             Key gatewaySide = Key.fromFile(context.get("kuaiqian.pfx"), "123456")) {

            // ---- send: the page posts a form whose signMsg verifies with the merchant cert
            KuaiqianSendServlet send = new KuaiqianSendServlet();
            send.init(config("send", context));
            Map<String, String> query = new HashMap<String, String>();
            query.put("orderId", "ORDER-20240101-0001");
            query.put("amount", "1200");
            String html = call(send, null, query);
            send.destroy();
            Map<String, String> form = new LinkedHashMap<String, String>();
            Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(html);
            while (m.find()) {
                form.put(unescape(m.group(1)), unescape(m.group(2)));
            }
            check(form.containsKey("signMsg"), "send: no signMsg in\n" + html);
            check("1200".equals(form.get("orderAmount")), "send: orderAmount " + form.get("orderAmount"));
            check(PaySign.verify("99bill.pay.request", form, cert, "hash=sha256"), "send: signMsg does not verify");
            System.out.println("send servlet: " + form.size() + " fields, signMsg verifies");

            // ---- notify: 99bill GETs bgUrl + its own signed fields
            KuaiqianNotifyServlet notify = new KuaiqianNotifyServlet();
            notify.init(config("notify", context));
            Map<String, String> n = new LinkedHashMap<String, String>();
            n.put("merchantAcctId", "1001214035601");
            n.put("version", "v2.0");
            n.put("language", "1");
            n.put("signType", "4");
            n.put("payType", "10");
            n.put("bankId", "CMB");
            n.put("orderId", "ORDER-20240101-0001");
            n.put("orderTime", "20240101120000");
            n.put("orderAmount", "1200");
            n.put("dealId", "2799101");
            n.put("bankDealId", "88120011");
            n.put("dealTime", "20240101120105");
            n.put("payAmount", "1200");
            n.put("fee", "12");
            n.put("ext1", "备注 a+b/c");
            n.put("ext2", "");
            n.put("payResult", "10");
            n.put("errCode", "");
            Map<String, String> signed = PaySign.signParams("99bill.pay.notify", n, gatewaySide, "hash=sha256");
            String qs = "shop=1&" + PaySign.encode(signed, "form", null);

            String ok = call(notify, qs, null);
            check(PaySign.reply("99bill.pay.notify", true, SHOW + "?msg=success").equals(ok), "notify: reply " + ok);
            System.out.println("notify servlet, genuine: " + ok);

            String tampered = qs.replace("payAmount=1200", "payAmount=1");
            check(!tampered.equals(qs), "notify: tampering failed");
            String bad = call(notify, tampered, null);
            check(PaySign.reply("99bill.pay.notify", false, SHOW + "?msg=false").equals(bad), "notify: reply " + bad);
            System.out.println("notify servlet, tampered: " + bad);

            String junk = call(notify, "orderId=%zz", null);
            check(PaySign.reply("99bill.pay.notify", false, SHOW + "?msg=false").equals(junk), "notify: reply " + junk);
            String none = call(notify, null, null);
            check(PaySign.reply("99bill.pay.notify", false, SHOW + "?msg=false").equals(none), "notify: reply " + none);
            notify.destroy();
        }
        System.out.println("servlet smoke ok");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Object unsupported(String what) {
        throw new UnsupportedOperationException(what);
    }

    private static ServletConfig config(final String name, final Map<String, String> params) {
        final ServletContext ctx = (ServletContext) Proxy.newProxyInstance(
                ServletSmoke.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (InvocationHandler) (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "getInitParameter": return params.get((String) a[0]);
                        case "getInitParameterNames": return Collections.enumeration(params.keySet());
                        case "log": System.out.println("  [log] " + a[0]); return null;
                        default: return unsupported("ServletContext." + method.getName());
                    }
                });
        return (ServletConfig) Proxy.newProxyInstance(
                ServletSmoke.class.getClassLoader(), new Class<?>[] {ServletConfig.class},
                (InvocationHandler) (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "getServletContext": return ctx;
                        case "getServletName": return name;
                        case "getInitParameter": return null;
                        case "getInitParameterNames": return Collections.enumeration(Collections.<String>emptyList());
                        default: return unsupported("ServletConfig." + method.getName());
                    }
                });
    }

    /** One GET through HttpServlet.service; returns the response body. */
    private static String call(HttpServlet servlet, final String queryString, final Map<String, String> parameters)
            throws Exception {
        final StringWriter body = new StringWriter();
        final PrintWriter writer = new PrintWriter(body);
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(
                ServletSmoke.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (InvocationHandler) (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "getMethod": return "GET";
                        case "getQueryString": return queryString;
                        case "getParameter": return parameters == null ? null : parameters.get((String) a[0]);
                        case "getRemoteAddr": return "203.0.113.9";
                        case "getProtocol": return "HTTP/1.1";
                        default: return unsupported("HttpServletRequest." + method.getName());
                    }
                });
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(
                ServletSmoke.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (InvocationHandler) (proxy, method, a) -> {
                    switch (method.getName()) {
                        case "setContentType": return null;
                        case "getWriter": return writer;
                        case "sendError": throw new AssertionError("sendError " + a[0]);
                        default: return unsupported("HttpServletResponse." + method.getName());
                    }
                });
        servlet.service(req, resp);
        writer.flush();
        return body.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
