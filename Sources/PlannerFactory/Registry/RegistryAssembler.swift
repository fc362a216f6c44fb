/// Puts builtins and scanned bundles into one ordered list and decides shadowing: builtins first,
/// then the plugin path in order; the first planner of a name wins, later ones are `shadowed`
/// and say by what. Invalid bundles claim no name.
enum RegistryAssembler {
    static func assemble(builtins: [PlannerRecord], bundles: [ScannedBundle]) -> [PlannerRecord] {
        var records: [PlannerRecord] = []
        records.reserveCapacity(builtins.count + bundles.count)
        var owners: [String: String] = [:]  // name → where the winner lives
        func admit(_ record: PlannerRecord) {
            var record = record
            if record.status != .invalid {
                let place = record.path ?? "builtin"
                if let owner = owners[record.name] {
                    record.status = .shadowed
                    record.reason = "shadowed by the planner \"\(record.name)\" registered earlier (\(owner))"
                } else {
                    owners[record.name] = place
                }
            }
            records.append(record)
        }
        builtins.forEach(admit)
        bundles.forEach { admit($0.record) }
        return records
    }
}
