package dev.beckon.gateway.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made with the system's {@code openssl} in a test's temporary directory, valid for two days, all
 * EC P-256 (a few hundred milliseconds in all): a test CA; a broker certificate from it for {@code localhost} and
 * {@code 127.0.0.1}; a client certificate from it (CN {@code beckon-gateway}) as PKCS12 {@link #clientP12()}; a
 * broker certificate from another CA ({@link #rogueServerPem()}); and one from the test CA that names another host
 * ({@link #otherHostPem()}). Also the CA as a PKCS12 trust store made with Java's {@link KeyStore} (as
 * {@code keytool -importcert} makes one).
 */
public final class TestCertificates {

    public static final String CLIENT_P12_PASSWORD = "client-pass";
    public static final String TRUST_P12_PASSWORD = "trust-pass";
    private static final String CONFIG = """
            [req]
            distinguished_name = dn
            prompt = no
            [dn]
            CN = placeholder
            [ca_ext]
            basicConstraints = critical,CA:TRUE
            keyUsage = critical,keyCertSign,cRLSign
            subjectKeyIdentifier = hash
            [server_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost,IP:127.0.0.1
            [other_host_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:broker.example.com
            [client_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature
            extendedKeyUsage = clientAuth
            """;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /**
     * Makes the PKI in {@code dir}. Skips the calling test visibly when {@code openssl} is missing; fails under
     * {@code CI=true}.
     */
    public static TestCertificates generate(Path dir) {
        MosquittoProcess.requireTool("openssl");
        try {
            Files.writeString(dir.resolve("pki.cnf"), CONFIG);
            selfSigned(dir, "ca", "Beckon Test CA");
            selfSigned(dir, "rogue-ca", "Some Other CA");
            signed(dir, "server", "ca", "server_ext", "localhost");
            signed(dir, "client", "ca", "client_ext", "beckon-gateway");
            signed(dir, "rogue-server", "rogue-ca", "server_ext", "localhost");
            signed(dir, "other-host", "ca", "other_host_ext", "broker.example.com");
            openssl(dir, "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-certfile", "ca.pem",
                    "-name", "beckon-gateway", "-out", "client.p12", "-passout", "pass:" + CLIENT_P12_PASSWORD);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
                trust.setCertificateEntry("beckon-test-ca", CertificateFactory.getInstance("X.509")
                        .generateCertificate(in));
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("trust.p12"))) {
                trust.store(out, TRUST_P12_PASSWORD.toCharArray());
            }
            return new TestCertificates(dir);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test PKI in " + dir, e);
        }
    }

    private static void selfSigned(Path dir, String name, String cn) throws IOException {
        openssl(dir, "req", "-x509", "-new", "-config", "pki.cnf", "-extensions", "ca_ext", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=" + cn);
    }

    private static void signed(Path dir, String name, String ca, String extensions, String cn) throws IOException {
        openssl(dir, "req", "-new", "-config", "pki.cnf", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-set_serial",
                String.valueOf(System.nanoTime() & 0xffffffL), "-out", name + ".pem", "-days", "2", "-extfile",
                "pki.cnf", "-extensions", extensions);
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path trustP12() {
        return dir.resolve("trust.p12");
    }

    public Path serverPem() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientP12() {
        return dir.resolve("client.p12");
    }

    public Path rogueServerPem() {
        return dir.resolve("rogue-server.pem");
    }

    public Path rogueServerKey() {
        return dir.resolve("rogue-server.key");
    }

    public Path otherHostPem() {
        return dir.resolve("other-host.pem");
    }

    public Path otherHostKey() {
        return dir.resolve("other-host.key");
    }

    /** Trusts the test CA (its PEM file); no client certificate. */
    public MqttTls trustingCa() {
        return new MqttTls(caPem(), null, null, null);
    }

    /** Trusts the test CA and shows the client certificate. */
    public MqttTls withClientCertificate() {
        return new MqttTls(caPem(), null, clientP12(), CLIENT_P12_PASSWORD);
    }
}
