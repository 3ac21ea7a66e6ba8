package io.chainwright.fabric.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The material of one node (peer, orderer) or user of an org: its signing identity with the role's
 * OU, its TLS identity, and the CA certificates it trusts, laid out as cryptogen lays out its folder.
 */
public final class MemberCrypto {
  private final String name;
  private final String id;
  private final NodeOu role;
  private final Identity signing;
  private final Identity tls;
  private final OrgCrypto org;

  MemberCrypto(String name, String id, NodeOu role, Identity signing, Identity tls, OrgCrypto org) {
    this.name = name;
    this.id = id;
    this.role = role;
    this.signing = signing;
    this.tls = tls;
    this.org = org;
  }

  /** The short name: a node's name ({@code peer0}) or a user's ({@code Admin}, {@code User1}). */
  public String name() {
    return name;
  }

  /** The full name and certificate CN: {@code peer0.org1.example.com} or {@code Admin@org1.example.com}. */
  public String id() {
    return id;
  }

  public NodeOu role() {
    return role;
  }

  /** The MSP ID of the org this member belongs to. */
  public String mspId() {
    return org.mspId();
  }

  /** The material of the org this member belongs to. */
  public OrgCrypto org() {
    return org;
  }

  /** The identity that signs transactions, proposals and blocks, issued by the org's CA. */
  public Identity signing() {
    return signing;
  }

  /** The TLS identity, issued by the org's TLS CA, usable as server and as client. */
  public Identity tls() {
    return tls;
  }

  /** Whether this member is a user (its TLS files are {@code client.*}) rather than a node ({@code server.*}). */
  public boolean isUser() {
    return role == NodeOu.ADMIN || role == NodeOu.CLIENT;
  }

  /**
   * Every file of this member's folder, by path relative to it: {@code msp/...} (with
   * {@code keystore/priv_sk}) and {@code tls/ca.crt}, {@code tls/server.crt}, {@code tls/server.key}
   * ({@code client.*} for users). Holds private keys: keep it in secrets, never in config maps.
   */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    org.putMspTrust(files, "msp/");
    files.put("msp/signcerts/" + id + "-cert.pem", Pem.bytes(signing.certificatePem()));
    files.put("msp/keystore/priv_sk", Pem.bytes(signing.privateKeyPem()));
    String tlsName = isUser() ? "client" : "server";
    files.put("tls/ca.crt", Pem.bytes(org.tlsCa().certificatePem()));
    files.put("tls/" + tlsName + ".crt", Pem.bytes(tls.certificatePem()));
    files.put("tls/" + tlsName + ".key", Pem.bytes(tls.privateKeyPem()));
    return files;
  }

  @Override
  public String toString() {
    return "MemberCrypto[" + id + ", " + role.ou() + "]";
  }
}
