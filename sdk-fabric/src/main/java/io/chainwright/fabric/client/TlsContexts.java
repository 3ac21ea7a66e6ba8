package io.chainwright.fabric.client;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Turns {@link ClientTls} into what HTTP and gRPC clients take, verifying the server's chain and name. */
final class TlsContexts {
  private static final char[] IN_MEMORY = new char[0];

  private TlsContexts() {}

  /** An SSL context for {@code endpoint}, for {@link java.net.http.HttpClient}. */
  static SSLContext sslContext(ClientTls tls, Endpoint endpoint) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers(tls), new TrustManager[] {trustManager(tls, endpoint)}, null);
    return context;
  }

  /** gRPC channel credentials for {@code endpoint}. */
  static ChannelCredentials grpcCredentials(ClientTls tls, Endpoint endpoint) throws GeneralSecurityException {
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder().trustManager(trustManager(tls, endpoint));
    KeyManager[] keyManagers = keyManagers(tls);
    if (keyManagers != null) {
      builder.keyManager(keyManagers);
    }
    return builder.build();
  }

  private static TrustManager trustManager(ClientTls tls, Endpoint endpoint) throws GeneralSecurityException {
    KeyStore roots = emptyStore();
    int index = 0;
    for (X509Certificate root : tls.trustedRoots()) {
      roots.setCertificateEntry("root-" + index++, root);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(roots);
    X509TrustManager chains = null;
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        chains = x509;
      }
    }
    if (chains == null) {
      throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }
    return new ServerNameTrustManager(chains, tls.serverName().orElse(endpoint.host()));
  }

  private static KeyManager[] keyManagers(ClientTls tls) throws GeneralSecurityException {
    if (tls.clientCertificate().isEmpty()) {
      return null;
    }
    KeyStore store = emptyStore();
    store.setKeyEntry("client", tls.clientKey().orElseThrow(), IN_MEMORY,
        new X509Certificate[] {tls.clientCertificate().get()});
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, IN_MEMORY);
    return factory.getKeyManagers();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
  }
}
