// Starts an anvil devnet as a local process, sends one ether between two funded accounts, prints
// the receipt's block and the new balance, then stops the node.
//   bin/jshell examples/jshell/devnet.jsh
var anvil = AnvilDevnet.builder().build();
try (var devnet = HostRuntime.create().deploy(anvil.toNetwork());
     var rpc = ExecutionRpc.connect(devnet.endpoint("anvil", "rpc"))) {
  devnet.awaitReady(Duration.ofSeconds(30));
  var payee = anvil.credentials(1).getAddress();
  var receipt = rpc.sender(anvil.credentials(0)).transfer(payee, BigInteger.TEN.pow(18), Duration.ofSeconds(30));
  System.out.println("transfer mined in block " + receipt.getBlockNumber());
  System.out.println("balance of " + payee + ": " + rpc.web3j().ethGetBalance(payee,
      org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getBalance() + " wei");
}
/exit
