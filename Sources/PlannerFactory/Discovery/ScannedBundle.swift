/// What scanning one bundle found: its fingerprint and its (not yet shadowed) record.
struct ScannedBundle: Sendable {
    var location: BundleLocation
    var fingerprint: Fingerprint
    /// The manifest's `entry.library` (a dylib's library, or a process plugin's program when it is
    /// in the bundle), kept so an unchanged bundle is re-fingerprinted without reading its manifest.
    var library: String?
    /// For a process bundle, the bundle files its fast fingerprint covers besides the manifest:
    /// the program when `command[0]` is in the bundle, then each later command element that named
    /// an existing file of the bundle when it was scanned. `nil` for other kinds. Use
    /// `BundleScanner.currentFingerprint(of:in:)` with the whole bundle, which reads it.
    var commandFiles: [String]? = nil
    /// The record: `active` or `invalid` (shadowing is decided when the registry is assembled).
    var record: PlannerRecord
    /// Whether a watch on the bundle folder sees every change its fingerprint covers: the
    /// manifest is no link, and every file the fingerprint covers (the library, or the command's
    /// files) is a plain file directly in the folder, or missing from it.
    var isWatchable: Bool
}
