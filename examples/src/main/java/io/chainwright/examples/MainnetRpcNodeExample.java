package io.chainwright.examples;

import io.chainwright.api.CronSchedule;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.material.MaterialStore;
import io.chainwright.api.policy.AlertReceiver;
import io.chainwright.api.policy.AlertRoute;
import io.chainwright.api.policy.AlertRouting;
import io.chainwright.api.policy.AlertRule;
import io.chainwright.api.policy.MonitoringPolicy;
import io.chainwright.api.policy.StorageClasses;
import io.chainwright.ethereum.EthereumNode;
import io.chainwright.ethereum.NodeSize;
import io.chainwright.ethereum.cl.ConsensusClient;
import io.chainwright.ethereum.cl.ConsensusSpec;
import io.chainwright.ethereum.common.PublicNetwork;
import io.chainwright.ethereum.common.RpcAccess;
import io.chainwright.ethereum.el.ExecutionClient;
import io.chainwright.ethereum.el.ExecutionSpec;
import io.chainwright.ethereum.probes.NodeProbes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A mainnet RPC node from the Ethereum specs: Geth and Lighthouse with a fresh JWT, public RPC
 * behind TLS, basic auth and a rate limit, P2P on node ports, old blocks on a cheaper volume,
 * deny-all isolation with the node's own rules, alert presets routed to Slack and, when critical, to
 * PagerDuty (a client that is not synced does not also page for its symptoms), probes of the node's
 * APIs from outside by a blackbox exporter with their own alerts, and daily snapshots.
 */
public final class MainnetRpcNodeExample {
  static final String RPC_HOST = "rpc.example.org";

  private MainnetRpcNodeExample() {}

  public static EthereumNode node() {
    return EthereumNode.builder()
        .name("mainnet")
        .network(PublicNetwork.MAINNET)
        .execution(ExecutionSpec.builder().client(ExecutionClient.GETH)
            .access(RpcAccess.builder().addVirtualHost(RPC_HOST).build())
            .maxPeers(50).cacheMb(8192).txLookupLimit(0L)
            .ancientStorage("1500Gi").ancientStorageClass("chain-ancient")
            .build())
        .consensus(ConsensusSpec.of(ConsensusClient.LIGHTHOUSE, URI.create("https://checkpoint.example.org")))
        .size(NodeSize.LARGE)
        .storageClass("chain-data")
        .rpcExposure(IngressExposure.builder().host(RPC_HOST).tlsIssuer("letsencrypt").basicAuthSecret("rpc-users")
            .rateLimitPerSecond(50).maxBodySize("1m").controller(IngressController.NGINX_COMPATIBLE).build())
        .p2pExposure(Exposure.nodePort())
        .build();
  }

  public static Network network(MaterialStore store) {
    EthereumNode node = node();
    NodeProbes probes = NodeProbes.builder().addNodes(node).build();
    List<AlertRule> alerts = Stream.concat(node.alertRules().stream(), probes.alertRules().stream()).toList();
    Network.Builder network = node.addTo(Network.builder().name("mainnet-rpc"), store.forNetwork("mainnet-rpc"));
    return probes.addTo(network)
        .addSecret(Secret.provided("rpc-users"))
        .addStorageClass(StorageClasses.awsGp3("chain-data"))
        .addStorageClass(StorageClasses.awsGp3("chain-ancient"))
        .addSecret(Secret.provided("alerting"))
        .monitoring(MonitoringPolicy.builder().putLabel("release", "prometheus").alerts(alerts)
            .routing(AlertRouting.builder().defaultReceiver("team")
                .addReceivers(AlertReceiver.slack("team", SecretKeyRef.of("alerting", "slack-url"), "#mainnet-rpc"),
                    AlertReceiver.pagerDuty("on-call", SecretKeyRef.of("alerting", "pagerduty-routing-key")))
                .addRoutes(AlertRoute.to("on-call", Map.of("severity", "critical", "chain", "ethereum")))
                .inhibitions(node.alertInhibitions())
                .build())
            .build())
        .addBackup(node.backups(CronSchedule.of("0 3 * * *"), 7, "ebs-snapshots"))
        .build();
  }
}
