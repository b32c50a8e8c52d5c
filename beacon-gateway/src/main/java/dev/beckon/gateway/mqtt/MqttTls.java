package dev.beckon.gateway.mqtt;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The TLS material for an {@code ssl://} broker: which CAs the broker's certificate must chain to, and the client
 * certificate the gateway shows to a broker that authenticates clients by certificate (Mosquitto
 * {@code require_certificate true} with {@code use_identity_as_username true}). Immutable; the passwords are not shown
 * by {@link #toString()}. {@link #DEFAULT} means the JVM's default SSL context (its trust store, and the
 * {@code javax.net.ssl.keyStore} system properties for a client certificate).
 *
 * <p>{@link #socketFactory()} reads the files each time it is called and fails with an
 * {@link IllegalArgumentException} naming the key and the file: missing or unreadable, neither PKCS12 nor PEM, a wrong
 * password, no certificate in the trust store, no private key in the key store. Host-name verification is not done
 * here but by the Paho clients, which are always told to verify.
 *
 * @param trustStore         a PKCS12 trust store or a PEM file of CA certificates; null for the JVM's trust store
 * @param trustStorePassword the PKCS12 trust store's password; null for none (and for a PEM file)
 * @param keyStore           a PKCS12 file with the client certificate (and its chain) and private key; null for none
 * @param keyStorePassword   its password, also the key's; null only without a key store
 */
public record MqttTls(Path trustStore, String trustStorePassword, Path keyStore, String keyStorePassword) {

    /** Key of {@link #trustStore()}. */
    public static final String TRUST_STORE = MqttSettings.PREFIX + "tls.trust-store";
    /** Key of {@link #trustStorePassword()}. */
    public static final String TRUST_STORE_PASSWORD = MqttSettings.PREFIX + "tls.trust-store-password";
    /** Key of {@link #keyStore()}. */
    public static final String KEY_STORE = MqttSettings.PREFIX + "tls.key-store";
    /** Key of {@link #keyStorePassword()}. */
    public static final String KEY_STORE_PASSWORD = MqttSettings.PREFIX + "tls.key-store-password";

    /** The JVM's default SSL context. */
    public static final MqttTls DEFAULT = new MqttTls(null, null, null, null);

    public MqttTls {
        if (trustStorePassword != null && trustStore == null) {
            throw new IllegalArgumentException(TRUST_STORE_PASSWORD + " is set but " + TRUST_STORE + " is not");
        }
        if (keyStorePassword != null && keyStore == null) {
            throw new IllegalArgumentException(KEY_STORE_PASSWORD + " is set but " + KEY_STORE + " is not");
        }
        if (keyStore != null && keyStorePassword == null) {
            throw new IllegalArgumentException(KEY_STORE + " needs " + KEY_STORE_PASSWORD
                    + " (a PKCS12 file with a private key is always encrypted)");
        }
    }

    /** Reads the four {@code beckon.gateway.mqtt.tls.*} keys; blank values count as absent. Reads no file. */
    public static MqttTls from(Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        String trust = blankToNull(config.get(TRUST_STORE));
        String key = blankToNull(config.get(KEY_STORE));
        return new MqttTls(trust == null ? null : Path.of(trust.strip()), blankToNull(config.get(TRUST_STORE_PASSWORD)),
                key == null ? null : Path.of(key.strip()), blankToNull(config.get(KEY_STORE_PASSWORD)));
    }

    /** Whether nothing is configured, so the JVM's default SSL context is used. */
    public boolean isDefault() {
        return trustStore == null && keyStore == null;
    }

    /**
     * A socket factory for the Paho clients: the configured trust store (else the JVM's) and key store.
     *
     * @throws IllegalArgumentException naming the key and the file when a store cannot be used
     */
    public SSLSocketFactory socketFactory() {
        try {
            if (isDefault()) {
                return SSLContext.getDefault().getSocketFactory();
            }
            TrustManager[] trust = null;
            if (trustStore != null) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(loadTrustStore());
                trust = factory.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (keyStore != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                try {
                    factory.init(loadKeyStore(), keyStorePassword.toCharArray());
                } catch (UnrecoverableKeyException e) {
                    throw new IllegalArgumentException(KEY_STORE + " " + keyStore + ": the private key cannot be"
                            + " read with " + KEY_STORE_PASSWORD + " (wrong password for the key)", e);
                }
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    private KeyStore loadTrustStore() throws KeyStoreException {
        byte[] bytes = read(TRUST_STORE, trustStore);
        KeyStore store;
        if (new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            store = pemCertificates(bytes);
        } else {
            store = pkcs12(TRUST_STORE, trustStore, bytes, trustStorePassword, TRUST_STORE_PASSWORD);
        }
        boolean anyCertificate = false;
        for (String alias : Collections.list(store.aliases())) {
            anyCertificate |= store.isCertificateEntry(alias) || store.getCertificate(alias) != null;
        }
        if (!anyCertificate) {
            throw new IllegalArgumentException(TRUST_STORE + " " + trustStore + " holds no trusted certificate (a"
                    + " PKCS12 file made by openssl without keys is read as empty by Java: use the CA's PEM file, or"
                    + " keytool -importcert)");
        }
        return store;
    }

    private KeyStore loadKeyStore() throws KeyStoreException {
        KeyStore store = pkcs12(KEY_STORE, keyStore, read(KEY_STORE, keyStore), keyStorePassword, KEY_STORE_PASSWORD);
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return store;
            }
        }
        throw new IllegalArgumentException(KEY_STORE + " " + keyStore + " holds no private key: it must be a PKCS12"
                + " file with the client certificate and its key (openssl pkcs12 -export -inkey ... -in ...)");
    }

    private static KeyStore pemCertificates(byte[] bytes) throws KeyStoreException {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(TRUST_STORE + ": the PEM file holds a certificate that cannot be read: "
                    + e.getMessage(), e);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an in-memory key store", e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }

    private static KeyStore pkcs12(String key, Path path, byte[] bytes, String password, String passwordKey)
            throws KeyStoreException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(bytes), password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(key + " " + path + ": wrong password (" + passwordKey
                        + (password == null ? " is not set" : "") + ")", e);
            }
            throw new IllegalArgumentException(key + " " + path + " is neither a PKCS12 file nor PEM certificates: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(key + " " + path + " cannot be read as PKCS12: " + e.getMessage(), e);
        }
    }

    private static byte[] read(String key, Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(key + ": cannot read " + path.toAbsolutePath() + " ("
                    + (Files.exists(path) ? "not readable" : "no such file") + ")", e);
        }
    }

    /**
     * Why a connection failed, if TLS is the reason: the broker's certificate not trusted or not naming the host, or
     * the broker refusing the handshake (typically: it requires a client certificate it trusts). Null when no TLS
     * problem is in {@code failure}'s causes.
     *
     * @param brokerUrl for the message
     */
    String describeFailure(Throwable failure, String brokerUrl) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "the TLS certificate of the MQTT broker at " + brokerUrl + " is not trusted: it is not signed by"
                        + " a CA in " + (trustStore == null ? "the JVM's trust store (set " + TRUST_STORE + ")"
                        : TRUST_STORE + " " + trustStore) + " (" + cause.getMessage() + ")";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if ((cause instanceof CertificateException || cause instanceof SSLException)
                    && (message.contains("No subject alternative") || message.contains("No name matching"))) {
                return "the TLS certificate of the MQTT broker at " + brokerUrl + " does not name that host"
                        + " (host-name verification is always on): " + message;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof SSLException) {
                if (message.contains("certificate_required") || message.contains("bad_certificate")
                        || message.contains("handshake_failure") || message.contains("certificate_unknown")
                        || message.contains("unknown_ca")) {
                    return "the MQTT broker at " + brokerUrl + " refused the TLS handshake (" + message + "): it"
                            + " requires a client certificate it trusts, and " + (keyStore == null
                            ? KEY_STORE + " is not set" : "the one in " + KEY_STORE + " " + keyStore + " was refused");
                }
                return "TLS with the MQTT broker at " + brokerUrl + " failed: " + message;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "MqttTls[trustStore=" + (trustStore == null ? "JVM default" : trustStore) + ", trustStorePassword="
                + (trustStorePassword == null ? "none" : "***") + ", keyStore=" + (keyStore == null ? "none" : keyStore)
                + ", keyStorePassword=" + (keyStorePassword == null ? "none" : "***") + "]";
    }
}
