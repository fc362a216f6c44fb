extension ConfigurationKey {
    /// `FACTORY_LOCK_TIMEOUT`: how long a process waits for another's lock on a record of the
    /// state folder (to save a probe result, a fault count, a quarantine) before it gives up with
    /// an error naming the holder. Reading never waits.
    public static let lockTimeout = ConfigurationKey(
        environmentName: "FACTORY_LOCK_TIMEOUT", flag: "--lock-timeout",
        accepted: "a number of seconds from 0.01 to 3600 in plain decimals, e.g. 10 or 0.5",
        summary: "How long a write to the state folder waits for another process's lock, in seconds; the holder is named after 1 s.")
}
