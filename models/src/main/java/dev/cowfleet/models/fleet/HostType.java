package dev.cowfleet.models.fleet;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * A kind of server in the fleet.
 *
 * @param count how many of them the fleet runs today
 */
public record HostType(String name, long ramBytes, int cores, double costPerHour, long count) {
    public HostType {
        if (ramBytes <= 0) {
            throw new ModelInputException("host type '" + name + "': ram must be above 0B, got " + ramBytes);
        }
        if (cores < 1) {
            throw new ModelInputException("host type '" + name + "': cores must be at least 1, got " + cores);
        }
        ModelInputException.requireNonNegative("host type '" + name + "': costPerHour", costPerHour);
        ModelInputException.requireNonNegative("host type '" + name + "': count", count);
    }
}
