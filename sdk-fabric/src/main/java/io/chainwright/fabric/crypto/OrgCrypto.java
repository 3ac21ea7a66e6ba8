package io.chainwright.fabric.crypto;

import io.chainwright.api.material.Materials;
import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One org's crypto material: its CA and TLS CA, its nodes and users (always an {@code Admin}), and
 * the org MSP folder that channel configuration is made from.
 */
public final class OrgCrypto {
  /** The user every org has, whose certificate carries the admin OU. */
  public static final String ADMIN = "Admin";

  private final String mspId;
  private final String domain;
  private final boolean ordererOrg;
  private final Issuer issuer;
  private final Identity ca;
  private final Identity tlsCa;
  private final Map<String, MemberCrypto> nodes = new LinkedHashMap<>();
  private final Map<String, MemberCrypto> users = new LinkedHashMap<>();

  private OrgCrypto(String mspId, String domain, boolean ordererOrg, Issuer issuer) {
    this.mspId = mspId;
    this.domain = domain;
    this.ordererOrg = ordererOrg;
    this.issuer = issuer;
    this.ca = issuer.ca(domain, Issuer.CA, "ca." + domain);
    this.tlsCa = issuer.ca(domain, Issuer.TLS_CA, "tlsca." + domain);
  }

  static OrgCrypto load(OrdererOrg org, Issuer issuer) {
    OrgCrypto crypto = new OrgCrypto(org.mspId(), org.domain(), true, issuer);
    for (Orderer o : org.orderers()) {
      crypto.addNode(o.name(), NodeOu.ORDERER, org.workload(o.name()));
    }
    crypto.addUser(ADMIN, NodeOu.ADMIN);
    return crypto;
  }

  static OrgCrypto load(PeerOrg org, Issuer issuer) {
    OrgCrypto crypto = new OrgCrypto(org.mspId(), org.domain(), false, issuer);
    for (Peer p : org.peers()) {
      crypto.addNode(p.name(), NodeOu.PEER, org.workload(p.name()));
    }
    crypto.addUser(ADMIN, NodeOu.ADMIN);
    for (String user : org.users()) {
      crypto.addUser(user, NodeOu.CLIENT);
    }
    return crypto;
  }

  // The workload name is in the TLS certificate because platforms resolve it: it is the address other members dial.
  private void addNode(String name, NodeOu role, String workload) {
    String host = name + "." + domain;
    nodes.put(name, new MemberCrypto(name, host, role, issuer.signing(host, ca, role),
        issuer.tls(host, tlsCa, List.of(host, name, workload)), this));
  }

  /**
   * The TLS certificate of {@code commonName} from this org's TLS CA, for server and client use,
   * valid for {@code hosts} and loopback: for the servers an org runs besides its nodes, such as its
   * CAs and chaincode servers. Made once in the org's material, like every other identity here.
   */
  public Identity issueTls(String commonName, List<String> hosts) {
    return issuer.tls(commonName, tlsCa, hosts);
  }

  /** The material store view this org's identities are kept in; its workloads keep their passwords there too. */
  public Materials materials() {
    return issuer.materials();
  }

  private void addUser(String name, NodeOu role) {
    String id = name + "@" + domain;
    users.put(name, new MemberCrypto(name, id, role, issuer.signing(id, ca, role),
        issuer.tls(id, tlsCa, List.of()), this));
  }

  public String mspId() {
    return mspId;
  }

  public String domain() {
    return domain;
  }

  /** Whether this is an orderer org (folder {@code ordererOrganizations}) rather than a peer org. */
  public boolean isOrdererOrg() {
    return ordererOrg;
  }

  /** The CA that issues signing certificates; its certificate is the MSP's root. */
  public Identity ca() {
    return ca;
  }

  /** The CA that issues TLS certificates; its certificate is the MSP's TLS root. */
  public Identity tlsCa() {
    return tlsCa;
  }

  /** The node called {@code name} ({@code peer0}, {@code orderer0}). */
  public MemberCrypto node(String name) {
    MemberCrypto node = nodes.get(name);
    if (node == null) {
      throw new NoSuchElementException("'" + name + "' is not a node of " + mspId + " (nodes: " + nodes.keySet() + ")");
    }
    return node;
  }

  /** The user called {@code name} ({@code Admin}, {@code User1}). */
  public MemberCrypto user(String name) {
    MemberCrypto user = users.get(name);
    if (user == null) {
      throw new NoSuchElementException("'" + name + "' is not a user of " + mspId + " (users: " + users.keySet() + ")");
    }
    return user;
  }

  /** The node or user called {@code name}. */
  public MemberCrypto member(String name) {
    MemberCrypto member = nodes.containsKey(name) ? nodes.get(name) : users.get(name);
    if (member == null) {
      throw new NoSuchElementException("'" + name + "' is neither a node nor a user of " + mspId
          + " (nodes: " + nodes.keySet() + ", users: " + users.keySet() + ")");
    }
    return member;
  }

  /** The org's admin, whose signatures satisfy its Admins policy. */
  public MemberCrypto admin() {
    return user(ADMIN);
  }

  /** The nodes in the order the org lists them. */
  public List<MemberCrypto> nodes() {
    return Collections.unmodifiableList(new ArrayList<>(nodes.values()));
  }

  /** The users, {@code Admin} first. */
  public List<MemberCrypto> users() {
    return Collections.unmodifiableList(new ArrayList<>(users.values()));
  }

  /** The file name of the CA certificate in {@code cacerts/}, which {@code config.yaml} refers to. */
  public String caCertFileName() {
    return "ca." + domain + "-cert.pem";
  }

  /** {@code config.yaml} of an MSP folder: NodeOUs enabled, each role identified by its OU under the org CA. */
  public String configYaml() {
    StringBuilder y = new StringBuilder("NodeOUs:\n  Enable: true\n");
    for (String[] ou : new String[][] {{"Client", "client"}, {"Peer", "peer"}, {"Admin", "admin"}, {"Orderer", "orderer"}}) {
      y.append("  ").append(ou[0]).append("OUIdentifier:\n")
          .append("    Certificate: cacerts/").append(caCertFileName()).append('\n')
          .append("    OrganizationalUnitIdentifier: ").append(ou[1]).append('\n');
    }
    return y.toString();
  }

  /**
   * Every file of this org's folder, by path relative to it: {@code ca/}, {@code tlsca/},
   * {@code msp/}, then {@code peers/<host>/} or {@code orderers/<host>/}, and {@code users/<user>@<domain>/}.
   * Holds private keys: keep it in secrets, never in config maps.
   */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("ca/" + caCertFileName(), Pem.bytes(ca.certificatePem()));
    files.put("ca/priv_sk", Pem.bytes(ca.privateKeyPem()));
    files.put("tlsca/tlsca." + domain + "-cert.pem", Pem.bytes(tlsCa.certificatePem()));
    files.put("tlsca/priv_sk", Pem.bytes(tlsCa.privateKeyPem()));
    putMspTrust(files, "msp/");
    String nodeDir = ordererOrg ? "orderers/" : "peers/";
    for (MemberCrypto node : nodes.values()) {
      node.files().forEach((path, bytes) -> files.put(nodeDir + node.id() + "/" + path, bytes));
    }
    for (MemberCrypto user : users.values()) {
      user.files().forEach((path, bytes) -> files.put("users/" + user.id() + "/" + path, bytes));
    }
    return files;
  }

  /** The public part of an MSP folder, which every member's MSP and the org MSP share. */
  void putMspTrust(Map<String, byte[]> files, String prefix) {
    files.put(prefix + "cacerts/" + caCertFileName(), Pem.bytes(ca.certificatePem()));
    files.put(prefix + "tlscacerts/tlsca." + domain + "-cert.pem", Pem.bytes(tlsCa.certificatePem()));
    files.put(prefix + "config.yaml", configYaml().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "OrgCrypto[" + mspId + ", " + domain + ", nodes " + nodes.keySet() + ", users " + users.keySet() + "]";
  }
}
