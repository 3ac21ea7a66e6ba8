package io.chainwright.fabric;

/** What orderer and peer organisations share: an MSP, a DNS domain, and the names of what they run. */
public interface FabricOrg {
  /** Short name, used in workload names. */
  String name();

  /** The MSP ID that policies and certificates name, e.g. {@code Org1MSP}. */
  String mspId();

  /** The DNS domain under which the org's host names live, e.g. {@code org1.example.com}. */
  String domain();

  /** How the org's CA and TLS CA run. */
  Ca ca();

  /** The host name of one of this org's nodes: {@code <node>.<domain>}. */
  default String host(String node) {
    return node + "." + domain();
  }

  /**
   * The workload that runs one of this org's nodes, {@code <org>-<node>}: also the address other
   * members dial, since platforms resolve workload names, and a name in the node's TLS certificate.
   */
  default String workload(String node) {
    return name() + "-" + node;
  }

  /** The workload of this org's Fabric CA, which enrolls its members. */
  default String caWorkload() {
    return name() + "-ca";
  }

  /** The workload of this org's TLS CA, which issues its TLS certificates. */
  default String tlsCaWorkload() {
    return name() + "-tlsca";
  }
}
