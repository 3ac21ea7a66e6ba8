package io.chainwright.fabric.compile;

import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.fabric.Chaincode;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.FabricOrg;
import io.chainwright.fabric.PeerOrg;
import java.util.ArrayList;
import java.util.List;

/**
 * The traffic a Fabric network needs under a deny-all policy (DNS stays allowed): peers reach every
 * peer and every orderer on gRPC, orderers reach each other for Raft, peers reach their org's
 * chaincode servers, and monitoring scrapes every operations port. Nothing else gets in.
 */
public final class FabricIsolation {
  private FabricIsolation() {}

  /** The allow rules of {@code fabric}'s workloads, compiled for {@code target}. */
  public static List<IsolationRule> rules(FabricNetwork fabric, FabricTarget target) {
    List<String> peers = new ArrayList<>();
    fabric.peerOrgs().forEach(org -> org.peers().forEach(p -> peers.add(org.workload(p.name()))));
    List<String> orderers = new ArrayList<>();
    fabric.ordererOrgs().forEach(org -> org.orderers().forEach(o -> orderers.add(org.workload(o.name()))));

    List<IsolationRule> rules = new ArrayList<>();
    for (String peer : peers) {
      for (String other : peers) {
        if (!other.equals(peer)) {
          rules.add(IsolationRule.allowOut(peer, TrafficPeer.workload(other), FabricPorts.GRPC));
          rules.add(IsolationRule.allowInto(other, TrafficPeer.workload(peer), FabricPorts.GRPC));
        }
      }
      for (String orderer : orderers) {
        rules.add(IsolationRule.allowOut(peer, TrafficPeer.workload(orderer), FabricPorts.GRPC));
        rules.add(IsolationRule.allowInto(orderer, TrafficPeer.workload(peer), FabricPorts.GRPC));
      }
    }
    for (String orderer : orderers) {
      for (String other : orderers) {
        if (!other.equals(orderer)) {
          rules.add(IsolationRule.allowOut(orderer, TrafficPeer.workload(other), FabricPorts.GRPC));
          rules.add(IsolationRule.allowInto(other, TrafficPeer.workload(orderer), FabricPorts.GRPC));
        }
      }
    }
    for (Chaincode chaincode : fabric.chaincodes()) {
      if (chaincode.image().isEmpty() || !target.imageServices()) {
        continue;
      }
      for (PeerOrg org : FabricWorkloads.servingOrgs(fabric, chaincode)) {
        String server = chaincode.workload(org);
        for (var p : org.peers()) {
          rules.add(IsolationRule.allowOut(org.workload(p.name()), TrafficPeer.workload(server), FabricPorts.CHAINCODE_SERVER));
          rules.add(IsolationRule.allowInto(server, TrafficPeer.workload(org.workload(p.name())), FabricPorts.CHAINCODE_SERVER));
        }
      }
    }
    List<String> monitored = new ArrayList<>(peers);
    monitored.addAll(orderers);
    List<FabricOrg> orgs = new ArrayList<>(fabric.ordererOrgs());
    orgs.addAll(fabric.peerOrgs());
    if (target.imageServices()) {
      orgs.forEach(org -> monitored.addAll(List.of(org.caWorkload(), org.tlsCaWorkload())));
    }
    monitored.forEach(w -> rules.add(IsolationRule.allowInto(w, TrafficPeer.monitoring(), FabricPorts.OPERATIONS)));
    return rules;
  }
}
