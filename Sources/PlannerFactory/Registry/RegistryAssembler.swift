/// Puts builtins and scanned bundles into one ordered list and decides shadowing: builtins first,
/// then the plugin path in order; the first planner of a name wins, later ones are `shadowed`
/// and say by what. Invalid bundles claim no name.
enum RegistryAssembler {
    /// - Returns: the records in order, and for each owned name the index of its owner.
    static func assemble(builtins: [PlannerRecord], bundles: [ScannedBundle]) -> (records: [PlannerRecord], owners: [String: Int]) {
        var records: [PlannerRecord] = []
        records.reserveCapacity(builtins.count + bundles.count)
        var owners: [String: Int] = [:]
        owners.reserveCapacity(builtins.count + bundles.count)
        func admit(_ record: PlannerRecord) {
            var record = record
            if record.status != .invalid {
                if let owner = owners[record.name] {
                    record.status = .shadowed
                    record.reason = "shadowed by the planner \"\(record.name)\" registered earlier (\(records[owner].path ?? "builtin"))"
                } else {
                    owners[record.name] = records.count
                }
            }
            records.append(record)
        }
        builtins.forEach(admit)
        bundles.forEach { admit($0.record) }
        return (records, owners)
    }
}
