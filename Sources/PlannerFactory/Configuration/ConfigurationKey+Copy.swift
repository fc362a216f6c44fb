extension ConfigurationKey {
    /// `FACTORY_MAX_COPY_BYTES`: the most bytes of library files copied for one bundle before its
    /// probe; a bundle past it is quarantined (a sparse file, a file that grows while it is copied).
    public static let maxCopyBytes = ConfigurationKey(
        environmentName: "FACTORY_MAX_COPY_BYTES", flag: "--max-copy-bytes",
        accepted: "a size in bytes with an optional K, M, G or T suffix (powers of 1024), from 1M to 1T, e.g. 1G",
        summary: "The most bytes of library files copied for one bundle; a bundle with more is quarantined.")
}
