package com.paysign;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Finds and loads libpaysign_jni once per class loader, in this order:
 * <ol>
 * <li>the system property {@code paysign.library.path}: the full path of the library file
 *     (when set, it is the only place tried: a wrong path is an error, not a fallback);</li>
 * <li>{@code System.loadLibrary("paysign_jni")}, i.e. {@code java.library.path};</li>
 * <li>the copy inside the jar ({@code /native/<os>-<arch>/libpaysign_jni.so}), extracted to a
 *     unique temporary file (in {@code paysign.tmpdir}, else {@code java.io.tmpdir}). A unique
 *     file per load lets a redeployed webapp (a new class loader) load the library again: the
 *     JVM refuses to bind one library file to two class loaders.</li>
 * </ol>
 */
final class NativeLoader {
    static final String PATH_PROPERTY = "paysign.library.path";
    static final String TMPDIR_PROPERTY = "paysign.tmpdir";
    static final String LIBRARY = "paysign_jni";

    private static String loadedFrom;

    private NativeLoader() {
    }

    /** Where the library came from, for diagnostics ({@code java -jar paysign.jar}). */
    static synchronized String loadedFrom() {
        return loadedFrom;
    }

    static synchronized void load() {
        if (loadedFrom != null) {
            return;
        }
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            String path = new File(explicit).getAbsolutePath();
            try {
                System.load(path);
            } catch (UnsatisfiedLinkError e) {
                UnsatisfiedLinkError err = new UnsatisfiedLinkError(
                        "paysign: cannot load " + path + " (system property " + PATH_PROPERTY
                        + "): " + e.getMessage());
                err.initCause(e);
                throw err;
            }
            loadedFrom = path + " (" + PATH_PROPERTY + ")";
            return;
        }

        StringBuilder why = new StringBuilder("paysign: cannot load the native library " + LIBRARY);
        try {
            System.loadLibrary(LIBRARY);
            loadedFrom = "java.library.path";
            return;
        } catch (UnsatisfiedLinkError e) {
            why.append("\n  java.library.path: ").append(e.getMessage());
        }

        String resource = "/native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
        try {
            File file = extract(resource);
            if (file != null) {
                try {
                    System.load(file.getAbsolutePath());
                } finally {
                    // Once mapped the file is no longer needed on POSIX systems; Windows keeps
                    // it locked, and deleteOnExit (set in extract) removes it at exit.
                    if (!isWindows()) {
                        file.delete();
                    }
                }
                loadedFrom = "jar resource " + resource + " via " + file.getAbsolutePath();
                return;
            }
            why.append("\n  jar: no resource ").append(resource);
        } catch (IOException e) {
            why.append("\n  jar: extracting ").append(resource).append(": ").append(e);
        } catch (UnsatisfiedLinkError e) {
            why.append("\n  jar: ").append(e.getMessage());
        }
        why.append("\n  (set -D").append(PATH_PROPERTY).append("=/full/path/to/")
           .append(System.mapLibraryName(LIBRARY)).append(" to choose the file)");
        throw new UnsatisfiedLinkError(why.toString());
    }

    private static File extract(String resource) throws IOException {
        InputStream in = NativeLoader.class.getResourceAsStream(resource);
        if (in == null) {
            return null;
        }
        try {
            String dirName = System.getProperty(TMPDIR_PROPERTY);
            File dir = dirName == null || dirName.isEmpty() ? null : new File(dirName);
            String name = System.mapLibraryName(LIBRARY);
            String suffix = name.substring(name.lastIndexOf('.'));
            File file = File.createTempFile("paysign_jni-", suffix, dir);
            file.deleteOnExit();
            boolean done = false;
            try {
                OutputStream out = new FileOutputStream(file);
                try {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                } finally {
                    out.close();
                }
                done = true;
            } finally {
                if (!done) {
                    file.delete();
                }
            }
            return file;
        } finally {
            in.close();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** e.g. linux-x86_64, linux-aarch64, darwin-aarch64, windows-x86_64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            os = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            os = "darwin";
        } else if (os.startsWith("windows")) {
            os = "windows";
        } else {
            os = os.replaceAll("[^a-z0-9]", "");
        }
        if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64")) {
            arch = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            arch = "aarch64";
        } else if (arch.equals("x86") || arch.matches("i[3-6]86")) {
            arch = "x86";
        }
        return os + "-" + arch;
    }
}
