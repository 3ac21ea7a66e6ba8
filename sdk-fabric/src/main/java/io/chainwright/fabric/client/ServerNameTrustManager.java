package io.chainwright.fabric.client;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts a server only when its chain leads to one of the trusted roots and its certificate names
 * the expected server: the host dialled, or the name the caller gave instead.
 */
final class ServerNameTrustManager extends X509ExtendedTrustManager {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private final X509TrustManager chains;
  private final String expectedName;

  ServerNameTrustManager(X509TrustManager chains, String expectedName) {
    this.chains = chains;
    this.expectedName = expectedName.toLowerCase(Locale.ROOT);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    chains.checkServerTrusted(chain, authType);
    checkName(chain[0]);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("this trust manager only verifies servers");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chains.getAcceptedIssuers();
  }

  private void checkName(X509Certificate certificate) throws CertificateException {
    List<String> names = new ArrayList<>();
    for (List<?> san : subjectAltNames(certificate)) {
      int type = (Integer) san.get(0);
      String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
      names.add(value);
      if ((type == DNS_NAME && dnsMatches(value)) || (type == IP_ADDRESS && sameAddress(value))) {
        return;
      }
    }
    throw new CertificateException("server certificate names " + names + ", not " + expectedName);
  }

  private static Collection<List<?>> subjectAltNames(X509Certificate certificate) throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    return names == null ? List.of() : names;
  }

  private boolean dnsMatches(String name) {
    if (name.startsWith("*.")) {
      int dot = expectedName.indexOf('.');
      return dot > 0 && expectedName.substring(dot).equals(name.substring(1));
    }
    return name.equals(expectedName);
  }

  private boolean sameAddress(String address) {
    if (!isIpLiteral(expectedName)) {
      return false;
    }
    try {
      return InetAddress.getByName(address).equals(InetAddress.getByName(expectedName));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True for IPv4 dotted quads and IPv6 literals; never resolves a name. */
  private static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
