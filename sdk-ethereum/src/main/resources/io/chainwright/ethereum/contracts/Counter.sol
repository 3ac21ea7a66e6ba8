// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice A counter anyone may increment: the smallest contract that stores state and emits an event.
contract Counter {
    uint256 public count;

    event Incremented(address indexed by, uint256 count);

    constructor(uint256 start) {
        count = start;
    }

    function increment() external {
        count += 1;
        emit Incremented(msg.sender, count);
    }
}
