/// Puts builtins and scanned bundles into one ordered list and decides shadowing: builtins first,
/// then the plugin path in order; the first planner of a name wins, later ones are `shadowed`
/// and say by what. Invalid bundles claim no name.
enum RegistryAssembler {
    /// Registries at least this large are copied on several cores.
    static let parallelCopyCount = 4_096

    /// - Parameter adjust: applied to each record (builtin or bundle) as it is copied in, on any
    ///   thread, before shadowing is decided; a shadowed record is the bundle's or builtin's own,
    ///   not adjusted.
    /// - Returns: the records in order, and for each owned name the index of its owner.
    static func assemble(
        builtins: [PlannerRecord], bundles: [ScannedBundle], adjusting adjust: @Sendable (inout PlannerRecord) -> Void
    ) -> (records: [PlannerRecord], owners: [String: Int]) {
        // Each record is copied once, into place (a record holds over a dozen strings and arrays:
        // every copy retains each), and adjusted there, on all cores; the thread that copies the
        // first record claims the names first, while the others go on copying.
        let claimed = Locked<Claims?>(nil)
        var records = parallelMap(count: builtins.count + bundles.count, minimumParallelCount: parallelCopyCount) { index in
            if index == 0 {
                let claims = claimNames(builtins: builtins, bundles: bundles)
                claimed.withLock { $0 = claims }
            }
            var copy = record(at: index, builtins: builtins, bundles: bundles)
            adjust(&copy)
            return copy
        }
        let claims = claimed.withLock { $0 } ?? Claims()
        for (index, owner) in claims.shadowed {
            records[index] = record(at: index, builtins: builtins, bundles: bundles)
            records[index].status = .shadowed
            records[index].reason = "shadowed by the planner \"\(records[index].name)\" registered earlier (\(records[owner].path ?? "builtin"))"
        }
        return (records, claims.owners)
    }

    /// The record at `index` of the builtins followed by the bundles.
    private static func record(at index: Int, builtins: [PlannerRecord], bundles: [ScannedBundle]) -> PlannerRecord {
        index < builtins.count ? builtins[index] : bundles[index - builtins.count].record
    }

    /// Each name's owner (the index of the first valid record of that name), and the later
    /// valid records of an owned name, with their owner.
    private struct Claims: Sendable {
        var owners: [String: Int] = [:]
        var shadowed: [(index: Int, owner: Int)] = []

        /// Claims `name` for the record at `index` unless it is invalid.
        mutating func claim(_ name: String, status: PlannerStatus, at index: Int) {
            guard status != .invalid else { return }
            // One lookup claims the name when it is free and finds its owner when it is not.
            let owner = Self.slot(&owners[name, default: index])
            if owner != index { shadowed.append((index, owner)) }
        }

        private static func slot(_ owner: inout Int) -> Int {
            owner
        }
    }

    private static func claimNames(builtins: [PlannerRecord], bundles: [ScannedBundle]) -> Claims {
        var claims = Claims()
        claims.owners.reserveCapacity(builtins.count + bundles.count)
        for index in builtins.indices { claims.claim(builtins[index].name, status: builtins[index].status, at: index) }
        bundles.withUnsafeBufferPointer { bundles in
            for index in bundles.indices {
                claims.claim(bundles[index].record.name, status: bundles[index].record.status, at: builtins.count + index)
            }
        }
        return claims
    }
}
