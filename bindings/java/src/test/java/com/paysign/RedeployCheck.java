package com.paysign;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Simulates a servlet container redeploying a webapp: loads paysign.jar in several fresh class
 * loaders in one JVM (each like WEB-INF/lib of a new deployment) and calls PaySign.version() in
 * each. The JVM binds a native library file to one class loader only, so every load after the
 * first must come from a freshly extracted copy. Run by test.sh in its own JVM:
 *   java -cp build/test-classes com.paysign.RedeployCheck build/paysign.jar 3
 */
public final class RedeployCheck {
    private RedeployCheck() {
    }

    public static void main(String[] args) throws Exception {
        URL jar = new File(args[0]).toURI().toURL();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ClassLoader parent = ClassLoader.getSystemClassLoader().getParent();
        String first = null;
        for (int i = 0; i < rounds; i++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar}, parent);
            Class<?> api = Class.forName("com.paysign.PaySign", true, loader);
            if (api.getClassLoader() != loader) {
                throw new AssertionError("PaySign came from " + api.getClassLoader());
            }
            String version = (String) api.getMethod("version").invoke(null);
            Class<?> nl = Class.forName("com.paysign.NativeLoader", true, loader);
            Method from = nl.getDeclaredMethod("loadedFrom");
            from.setAccessible(true);
            System.out.println("load " + (i + 1) + ": paysign " + version + " from " + from.invoke(null));
            if (first == null) {
                first = version;
            } else if (!first.equals(version)) {
                throw new AssertionError("version changed: " + first + " -> " + version);
            }
            loader.close(); // the "undeploy"; the old class loader stays alive until GC
        }
        System.out.println("redeploy ok: " + rounds + " loads");
    }
}
