package io.chainwright.ethereum.besu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chainwright.api.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/** Writes a QBFT genesis: the validator set goes into the extra data, RLP-encoded the way Besu reads it. */
final class QbftGenesis {
  /** The mix hash that marks a BFT block ("Byzantine fault tolerance", in ASCII). */
  static final String BFT_MIX_HASH = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

  private QbftGenesis() {}

  /** RLP of [32 zero bytes of vanity, [validator addresses], no vote, round 0, no seals]. */
  static String extraData(List<String> validatorAddresses) {
    List<RlpType> validators = new ArrayList<>();
    for (String address : validatorAddresses) {
      validators.add(RlpString.create(Numeric.hexStringToByteArray(address)));
    }
    RlpList extra = new RlpList(RlpString.create(new byte[32]), new RlpList(validators), new RlpList(),
        RlpString.create(new byte[0]), new RlpList());
    return Numeric.toHexString(RlpEncoder.encode(extra));
  }

  static String json(BesuNetwork network, List<String> validatorAddresses) {
    Map<String, Object> qbft = new LinkedHashMap<>();
    qbft.put("blockperiodseconds", network.blockPeriodSeconds());
    qbft.put("epochlength", network.epochLength());
    qbft.put("requesttimeoutseconds", network.requestTimeoutSeconds());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("chainId", network.chainId());
    config.put("berlinBlock", 0);
    config.put("londonBlock", 0);
    config.put("qbft", qbft);
    Map<String, Object> alloc = new LinkedHashMap<>();
    network.balances().forEach((address, wei) -> alloc.put(address, Map.of("balance", wei.toString())));
    Map<String, Object> genesis = new LinkedHashMap<>();
    genesis.put("config", config);
    genesis.put("nonce", "0x0");
    genesis.put("timestamp", "0x0");
    genesis.put("gasLimit", "0x1fffffffffffff");
    genesis.put("difficulty", "0x1");
    genesis.put("mixHash", BFT_MIX_HASH);
    genesis.put("coinbase", "0x0000000000000000000000000000000000000000");
    genesis.put("alloc", alloc);
    genesis.put("extraData", extraData(validatorAddresses));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(genesis) + "\n";
    } catch (JsonProcessingException e) {
      throw new RenderException("could not write the genesis of " + network.name(), e);
    }
  }
}
