package io.taskbot.app.readmodel;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * The embedded MongoDB has no accounts (mongo-java-server implements no authentication), so the one credential is a
 * TLS key: the server takes only connections whose client presents the certificate kept in the data dir, and the
 * application is the only client that has its key. Key and self-signed certificate are generated on first start
 * into {@value #FILE_NAME} (PEM, the key first), readable by the owner only, like the JWT key; the same pair serves
 * both ends, so a process that cannot read the file can neither connect nor pose as the server.
 */
final class EmbeddedMongoTls {

    static final String FILE_NAME = "mongo-tls.pem";
    static final String HOST = "127.0.0.1";

    private final Path file;
    private final PrivateKey key;
    private final X509Certificate certificate;

    private EmbeddedMongoTls(Path file, PrivateKey key, X509Certificate certificate) {
        this.file = file;
        this.key = key;
        this.certificate = certificate;
    }

    static EmbeddedMongoTls loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return Files.exists(file) ? read(file) : create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the embedded MongoDB's TLS key in " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read or create the embedded MongoDB's TLS key in " + file, e);
        }
    }

    /** The key and certificate another node keeps, for a client that connects to that node's embedded store. */
    static EmbeddedMongoTls load(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the MongoDB client certificate " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the MongoDB client certificate " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** The server's side: its certificate, and only clients that present the same one. */
    SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(key, certificate)
                    .trustManager(certificate)
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up TLS for the embedded MongoDB", e);
        }
    }

    /** The application's side: it presents the certificate, and trusts only a server that has it. */
    SSLContext clientContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] inMemory = new char[0];
            keys.setKeyEntry("taskbot", key, inMemory, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, inMemory);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("embedded-mongo", certificate);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS for the embedded MongoDB's client", e);
        }
    }

    private static EmbeddedMongoTls create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=taskbot embedded MongoDB");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(100 * 365))), name, pair.getPublic());
        // the driver checks the server's name: the loopback address the server listens on
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, HOST)));
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            // PKCS#8 ("PRIVATE KEY"), which carries the curve with the key; the JDK reads nothing else back
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
            writer.writeObject(certificate);
        }
        Files.createDirectories(file.getParent());
        // created readable by the owner only, so the key is never in a file others could open
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                Set.copyOf(PosixFilePermissions.fromString("rw-------")))), pem.toString());
        return new EmbeddedMongoTls(file, pair.getPrivate(), certificate);
    }

    private static EmbeddedMongoTls read(Path file) throws IOException, GeneralSecurityException {
        PrivateKey key = null;
        X509Certificate certificate = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PEMKeyPair pair) {
                    key = keys.getPrivateKey(pair.getPrivateKeyInfo());
                } else if (object instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (object instanceof X509CertificateHolder holder) {
                    certificate = new JcaX509CertificateConverter().getCertificate(holder);
                }
            }
        }
        if (key == null || certificate == null) {
            throw new GeneralSecurityException(file + " must hold a private key and a certificate (PEM)");
        }
        return new EmbeddedMongoTls(file, key, certificate);
    }
}
