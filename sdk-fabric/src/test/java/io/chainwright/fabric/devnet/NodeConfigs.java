package io.chainwright.fabric.devnet;

import io.chainwright.fabric.chaincode.CcaasBuilder;
import java.nio.file.Path;

/**
 * The smallest {@code orderer.yaml} and {@code core.yaml} a Fabric 2.4 orderer and peer start with:
 * TLS everywhere, channel participation without a system channel, LevelDB, the Gateway, and an
 * external builder for chaincode as a service. Paths and ports are the container's; the host
 * runtime rewrites them to its folders and free loopback ports.
 */
final class NodeConfigs {
  static final String CONFIG = "/etc/hyperledger/fabric/config";
  static final String MSP = "/etc/hyperledger/fabric/msp";
  static final String TLS = "/etc/hyperledger/fabric/tls";
  static final String DATA = "/var/hyperledger/production";
  /** Where a peer finds the TLS CA of the orderers it fetches blocks from. */
  static final String ORDERER_TLS = "/etc/hyperledger/fabric/orderer-tls";

  private NodeConfigs() {}

  static String ordererYaml(String mspId, int port, int adminPort, int operationsPort) {
    return """
        General:
          ListenAddress: 0.0.0.0
          ListenPort: %2$d
          TLS:
            Enabled: true
            Certificate: %6$s/server.crt
            PrivateKey: %6$s/server.key
            RootCAs: [%6$s/ca.crt]
            ClientAuthRequired: false
          Cluster:
            ClientCertificate: %6$s/server.crt
            ClientPrivateKey: %6$s/server.key
            RootCAs: [%6$s/ca.crt]
          BootstrapMethod: none
          LocalMSPDir: %5$s
          LocalMSPID: %1$s
          BCCSP:
            Default: SW
            SW: {Hash: SHA2, Security: 256}
        FileLedger:
          Location: %7$s/orderer
        ChannelParticipation:
          Enabled: true
          # Without a limit the orderer takes it as zero and refuses every config block.
          MaxRequestBodySize: 1048576
        Admin:
          ListenAddress: 0.0.0.0:%3$d
          TLS:
            Enabled: true
            Certificate: %6$s/server.crt
            PrivateKey: %6$s/server.key
            ClientAuthRequired: true
            ClientRootCAs: [%6$s/ca.crt]
        Operations:
          ListenAddress: 0.0.0.0:%4$d
          TLS: {Enabled: false}
        Metrics:
          Provider: prometheus
        Consensus:
          WALDir: %7$s/orderer/etcdraft/wal
          SnapDir: %7$s/orderer/etcdraft/snapshot
        """.formatted(mspId, port, adminPort, operationsPort, MSP, TLS, DATA);
  }

  /**
   * @param service the peer's service name, which the runtime resolves to its address
   * @param ordererEndpoint the orderer endpoint the channel config names, e.g. {@code orderer0.example.com:7050}
   * @param ordererService where that orderer really is, as {@code service:port}
   * @param builder the folder holding the chaincode-as-a-service builder's {@code bin/} scripts
   */
  static String coreYaml(String peerId, String mspId, String service, int port, int chaincodePort, int operationsPort,
      String ordererEndpoint, String ordererService, Path builder) {
    return """
        peer:
          id: %1$s
          networkId: chainwright
          listenAddress: 0.0.0.0:%4$d
          address: %3$s:%4$d
          chaincodeListenAddress: 0.0.0.0:%5$d
          chaincodeAddress: %3$s:%5$d
          addressAutoDetect: false
          keepalive:
            interval: 7200s
            timeout: 20s
            minInterval: 60s
            client: {interval: 60s, timeout: 20s}
            deliveryClient: {interval: 60s, timeout: 20s}
          gossip:
            bootstrap: %3$s:%4$d
            endpoint: %3$s:%4$d
            externalEndpoint: %3$s:%4$d
            useLeaderElection: false
            orgLeader: true
          tls:
            enabled: true
            cert: {file: %11$s/server.crt}
            key: {file: %11$s/server.key}
            rootcert: {file: %11$s/ca.crt}
            clientAuthRequired: false
          authentication:
            # Unset, this is zero and every proposal falls outside the window.
            timewindow: 15m
          fileSystemPath: %12$s
          BCCSP:
            Default: SW
            SW: {Hash: SHA2, Security: 256}
          mspConfigPath: %10$s
          localMspId: %2$s
          deliveryclient:
            reconnectTotalTimeThreshold: 3600s
            connTimeout: 3s
            reConnectBackoffThreshold: 3600s
            # The channel config names the orderer by its host name; here it is somewhere else.
            addressOverrides:
              - from: %7$s
                to: %8$s
                caCertsFile: %13$s/ca.crt
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
          # No Docker: chaincode runs only through external builders.
          endpoint: ""
        chaincode:
          installTimeout: 300s
          startuptimeout: 300s
          executetimeout: 30s
          mode: net
          keepalive: 0
          externalBuilders:
            - name: %9$s
              path: %14$s
          system:
            _lifecycle: enable
            cscc: enable
            lscc: enable
            qscc: enable
          logging: {level: info, shim: warning}
        ledger:
          state:
            stateDatabase: goleveldb
          history:
            enableHistoryDatabase: true
          snapshots:
            rootDir: %12$s/snapshots
        operations:
          listenAddress: 0.0.0.0:%6$d
          tls: {enabled: false}
        metrics:
          provider: prometheus
        """.formatted(peerId, mspId, service, port, chaincodePort, operationsPort, ordererEndpoint, ordererService,
        CcaasBuilder.NAME, MSP, TLS, DATA, ORDERER_TLS, builder);
  }
}
