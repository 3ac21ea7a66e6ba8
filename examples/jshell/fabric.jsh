// Starts a Fabric devnet (one orderer, two orgs with a peer each, channel "trade") on local peer
// and orderer binaries, asks org1's peer for the channel's height through the gateway, and stops it.
//   bin/jshell examples/jshell/fabric.jsh
var fabric = FabricExamples.devnet();
try (var devnet = FabricDevnet.start(fabric, HostRuntime.create(), Duration.ofMinutes(1));
     var gateway = devnet.gateway("org1", "User1")) {
  var info = org.hyperledger.fabric.protos.common.BlockchainInfo.parseFrom(
      gateway.evaluate("trade", "qscc", "GetChainInfo", "trade"));
  System.out.println("channel trade has " + info.getHeight() + " blocks");
}
/exit
