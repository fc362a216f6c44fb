/// What scanning one bundle found: its fingerprint and its (not yet shadowed) record.
struct ScannedBundle: Sendable {
    var location: BundleLocation
    var fingerprint: Fingerprint
    /// The entry library, relative to the bundle, kept so an unchanged bundle is re-fingerprinted
    /// without reading its manifest.
    var library: String?
    /// The record: `active` or `invalid` (shadowing is decided when the registry is assembled).
    var record: PlannerRecord
    /// Whether a watch on the bundle folder sees every change its fingerprint covers: the
    /// manifest is no link, and the library (if the manifest names one) is a plain file directly
    /// in the folder, or missing from it.
    var isWatchable: Bool
}
