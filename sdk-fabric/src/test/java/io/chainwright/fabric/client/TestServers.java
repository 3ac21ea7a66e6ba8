package io.chainwright.fabric.client;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Server-side TLS for fake Fabric nodes in tests: a server certificate, and the CA its clients must come from. */
public final class TestServers {
  private TestServers() {}

  public static KeyManagerFactory keyManagers(TestPki.Issued server) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", server.key(), new char[0], new X509Certificate[] {server.certificate()});
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, new char[0]);
    return factory;
  }

  public static TrustManagerFactory trustManagers(X509Certificate clientCa) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("client-ca", clientCa);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  public static SSLContext sslContext(TestPki.Issued server, X509Certificate clientCa) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers(server).getKeyManagers(), trustManagers(clientCa).getTrustManagers(), null);
    return context;
  }
}
