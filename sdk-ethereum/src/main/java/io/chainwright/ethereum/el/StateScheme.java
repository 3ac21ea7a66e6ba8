package io.chainwright.ethereum.el;

/** How an execution client keys its state trie: by path (compact, prunes itself) or by hash (the older layout). */
public enum StateScheme {
  PATH,
  HASH
}
