package dev.berth.gateway;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for 127.0.0.1 made with the JDK's keytool. kubectl sends bearer tokens only over HTTPS, so
 * the gateway under test serves TLS, and clients trust exactly this certificate.
 */
final class SelfSignedCertificate {

    static final String PASSWORD = "berth-test";

    final Path keyStore;
    final Path certificatePem;

    private SelfSignedCertificate(Path keyStore, Path certificatePem) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    static SelfSignedCertificate create() {
        try {
            Path dir = Files.createTempDirectory("berth-tls");
            Path keyStore = dir.resolve("gateway.p12");
            Path pem = dir.resolve("gateway.crt");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=berth-gateway", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "gateway", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-file", pem.toString()));
            return new SelfSignedCertificate(keyStore, pem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as kubeconfig's {@code certificate-authority-data}. */
    String authorityData() {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(certificatePem));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    SSLContext trustingContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
