// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title $QTRA, the QuantaTrade token
/// @notice Fixed maximum supply (1,000,000,000 QTRA, 18 decimals), EIP-2612 permit, burnable by
/// any holder (the revenue router burns what it buys back). Not upgradeable: holders must be able
/// to rely on the cap and the code never changing.
/// @dev MINTER_ROLE mints up to the cap (the deployer hands it to the sale, vesting and staking
/// funding flows, then may renounce it); DEFAULT_ADMIN_ROLE grants and revokes roles.
contract QTRA is ERC20, ERC20Permit, ERC20Capped, ERC20Burnable, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    uint256 public constant MAX_SUPPLY = 1_000_000_000 ether;

    error ZeroAddress();

    constructor(address admin) ERC20("QuantaTrade", "QTRA") ERC20Permit("QuantaTrade") ERC20Capped(MAX_SUPPLY) {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @notice Mints `amount` to `to`; reverts with ERC20ExceededCap past MAX_SUPPLY.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Capped) {
        super._update(from, to, value);
    }
}
