/// What scanning one bundle found: its fingerprint and its (not yet shadowed) record.
struct ScannedBundle: Sendable {
    var location: BundleLocation
    var fingerprint: Fingerprint
    /// The entry library, relative to the bundle, kept so an unchanged bundle is re-fingerprinted
    /// without reading its manifest.
    var library: String?
    /// The record: `active` or `invalid` (shadowing is decided when the registry is assembled).
    var record: PlannerRecord
}
