package io.chainwright.fabric.compile;

import static io.chainwright.fabric.compile.FabricPaths.DATA;
import static io.chainwright.fabric.compile.FabricPaths.MSP;
import static io.chainwright.fabric.compile.FabricPaths.TLS_CA;
import static io.chainwright.fabric.compile.FabricPaths.TLS_CERT;
import static io.chainwright.fabric.compile.FabricPaths.TLS_KEY;

import io.chainwright.fabric.Orderer;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.Peer;
import io.chainwright.fabric.PeerOrg;
import io.chainwright.fabric.StateDatabase;

/**
 * The complete {@code orderer.yaml} and {@code core.yaml} compiled nodes start with, so a node needs
 * nothing from its image's defaults and runs the same from a container or a bare binary: TLS on
 * every listener, channel participation without a system channel, the gateway, and chaincode only
 * through an external builder. They hold paths and addresses, never a key or password.
 */
final class NodeConfigs {
  /** Where the config files are mounted; {@code FABRIC_CFG_PATH} points here. */
  static final String DIR = "/var/hyperledger/config";

  private NodeConfigs() {}

  static String ordererYaml(OrdererOrg org, Orderer orderer) {
    return """
        General:
          ListenAddress: 0.0.0.0
          ListenPort: %2$d
          TLS:
            Enabled: true
            Certificate: %6$s
            PrivateKey: %7$s
            RootCAs: [%8$s]
            ClientAuthRequired: false
          Cluster:
            # Raft traffic uses the same TLS pair; the CAs it trusts come from the channel config.
            ClientCertificate: %6$s
            ClientPrivateKey: %7$s
          BootstrapMethod: none
          LocalMSPDir: %5$s
          LocalMSPID: %1$s
          BCCSP:
            Default: SW
            SW: {Hash: SHA2, Security: 256}
        FileLedger:
          Location: %9$s/orderer
        ChannelParticipation:
          Enabled: true
          # Left out, the limit is zero and every config block is refused.
          MaxRequestBodySize: 1048576
        Admin:
          ListenAddress: 0.0.0.0:%3$d
          TLS:
            Enabled: true
            Certificate: %6$s
            PrivateKey: %7$s
            RootCAs: [%8$s]
            ClientAuthRequired: true
            ClientRootCAs: [%8$s]
        Operations:
          ListenAddress: 0.0.0.0:%4$d
          TLS: {Enabled: false}
        Metrics:
          Provider: prometheus
        Consensus:
          WALDir: %9$s/orderer/etcdraft/wal
          SnapDir: %9$s/orderer/etcdraft/snapshot
        """.formatted(org.mspId(), orderer.port(), orderer.adminPort(), orderer.operationsPort(),
        MSP, TLS_CERT, TLS_KEY, TLS_CA, DATA);
  }

  /**
   * @param gossipBootstrap the {@code host:port} of another peer of the org to learn membership from
   * @param target the external builder chaincode packages go through, and gossip timing
   */
  static String coreYaml(PeerOrg org, Peer peer, String gossipBootstrap, FabricTarget target) {
    ExternalBuilder builder = target.builder();
    // Fabric's defaults are 5 s between alive messages and 25 s before a member is presumed dead.
    long reconnect = target.gossipReconnect().toMillis();
    long alive = Math.min(5000, reconnect);
    String name = org.workload(peer.name());
    boolean couch = peer.stateDatabase() == StateDatabase.COUCHDB;
    return """
        peer:
          id: %1$s
          networkId: chainwright
          listenAddress: 0.0.0.0:%3$d
          address: %1$s:%3$d
          chaincodeListenAddress: 0.0.0.0:%4$d
          chaincodeAddress: %1$s:%4$d
          addressAutoDetect: false
          keepalive:
            interval: 7200s
            timeout: 20s
            minInterval: 60s
            client: {interval: 60s, timeout: 20s}
            deliveryClient: {interval: 60s, timeout: 20s}
          gossip:
            bootstrap: %6$s
            endpoint: %1$s:%3$d
            # Announced outside the org, so other orgs' peers and service discovery find it.
            externalEndpoint: %1$s:%3$d
            useLeaderElection: false
            orgLeader: true
            reconnectInterval: %17$dms
            aliveTimeInterval: %18$dms
            aliveExpirationTimeout: %19$dms
          tls:
            enabled: true
            cert: {file: %8$s}
            key: {file: %9$s}
            rootcert: {file: %10$s}
            clientAuthRequired: false
          authentication:
            # Left out, the window is zero and every proposal falls outside it.
            timewindow: 15m
          fileSystemPath: %11$s
          BCCSP:
            Default: SW
            SW: {Hash: SHA2, Security: 256}
          mspConfigPath: %7$s
          localMspId: %2$s
          deliveryclient:
            reconnectTotalTimeThreshold: 3600s
            connTimeout: 3s
            reConnectBackoffThreshold: 3600s
          discovery:
            enabled: true
            authCacheEnabled: true
            authCacheMaxSize: 1000
            authCachePurgeRetentionRatio: 0.75
            orgMembersAllowedAccess: false
          limits:
            concurrency:
              endorserService: 2500
              deliverService: 2500
              gatewayService: 500
          gateway:
            enabled: true
            endorsementTimeout: 30s
            broadcastTimeout: 30s
            dialTimeout: 2m
          handlers:
            authFilters: [{name: DefaultAuth}, {name: ExpirationCheck}]
            decorators: [{name: DefaultDecorator}]
            endorsers: {escc: {name: DefaultEndorsement}}
            validators: {vscc: {name: DefaultValidation}}
        vm:
          # No container engine: chaincode runs only as a service, through the external builder.
          endpoint: ""
        chaincode:
          installTimeout: 300s
          startuptimeout: 300s
          executetimeout: 30s
          mode: net
          keepalive: 0
          externalBuilders:
            - name: %12$s
              path: %13$s
              propagateEnvironment: [CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG]
          system:
            _lifecycle: enable
            cscc: enable
            lscc: enable
            qscc: enable
          logging: {level: info, shim: warning}
        ledger:
          state:
            stateDatabase: %14$s
            couchDBConfig:
              # The sidecar shares the peer's network; its password comes from a secret, by environment.
              couchDBAddress: localhost:%15$d
              username: %16$s
              maxRetries: 3
              maxRetriesOnStartup: 10
              requestTimeout: 35s
              createGlobalChangesDB: false
          history:
            enableHistoryDatabase: true
          snapshots:
            rootDir: %11$s/snapshots
        operations:
          listenAddress: 0.0.0.0:%5$d
          tls: {enabled: false}
        metrics:
          provider: prometheus
        """.formatted(name, org.mspId(), peer.port(), peer.chaincodePort(), peer.operationsPort(), gossipBootstrap,
        MSP, TLS_CERT, TLS_KEY, TLS_CA, DATA, builder.name(), builder.path(),
        couch ? "CouchDB" : "goleveldb", PeerWorkload.COUCHDB_PORT, PeerWorkload.COUCHDB_USER, reconnect, alive, 5 * alive);
  }
}
