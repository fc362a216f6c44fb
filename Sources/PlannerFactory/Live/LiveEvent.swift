import PlannerKit

/// One event of a factory's live stream: what a subscriber receives as one JSON line after the
/// snapshot (README "Watching a running factory" documents every field).
///
/// The recording thread only stores the value; the publisher's thread encodes it.
enum LiveEvent: Sendable {
    case selection(SelectionRecord)
    case instantiation(InstantiationRecord)
    case planStart(PlanStart)
    case planEnd(PlanCallRecord)
    /// A plugin's probe finished: it left `pending` for `active` or `quarantined`.
    case probe(PlannerRecord, at: Double)
    /// A planner was quarantined (by a failed probe, faults in a row, a crash while loading).
    case quarantine(PlannerRecord, at: Double)
    /// A quarantined planner is no longer quarantined (released by hand, or its files changed).
    case release(PlannerRecord, from: PlannerStatus, at: Double)
    /// Any other change of a planner's status, a planner added (`from` nil) or removed (`record` is the last one seen, `isRemoved`).
    case status(PlannerRecord, from: PlannerStatus?, isRemoved: Bool, at: Double)
    case rediscovery(DiscoveryReport, at: Double)
    case health(HealthReport, at: Double)

    /// A plan call that started.
    struct PlanStart: Sendable {
        var timestamp: Double
        var planner: String
        var objective: String
        var workerPID: Int32?
    }

    /// The event's `type` field.
    var type: String {
        switch self {
        case .selection: "selection"
        case .instantiation: "instantiation"
        case .planStart: "plan-start"
        case .planEnd: "plan-end"
        case .probe: "probe"
        case .quarantine: "quarantine"
        case .release: "release"
        case .status: "status"
        case .rediscovery: "rediscovery"
        case .health: "health"
        }
    }

    /// The event as one JSON object: `type`, `seq` (its number in the publisher's stream, from 1;
    /// a gap means events were dropped), then the fields of its kind.
    func json(sequence: UInt64) -> JSONValue {
        var members: [String: JSONValue]
        switch self {
        case .selection(let record): members = record.json.objectValue ?? [:]
        case .instantiation(let record): members = record.json.objectValue ?? [:]
        case .planEnd(let record): members = record.json.objectValue ?? [:]
        case .planStart(let start):
            members = [
                "timestamp": .number(start.timestamp), "planner": .string(start.planner), "objective": .string(start.objective),
                "workerPid": start.workerPID.map { .number(Double($0)) } ?? .null,
            ]
        case .probe(let record, let time):
            members = Self.plannerMembers(record, time)
            members["outcome"] = .string(record.status == .active ? "passed" : "failed")
        case .quarantine(let record, let time): members = Self.plannerMembers(record, time)
        case .release(let record, let from, let time):
            members = Self.plannerMembers(record, time)
            members["from"] = .string(from.description)
        case .status(let record, let from, let isRemoved, let time):
            members = Self.plannerMembers(record, time)
            members["from"] = from.map { .string($0.description) } ?? .null
            members["removed"] = .bool(isRemoved)
        case .rediscovery(let report, let time):
            members = report.json.objectValue ?? [:]
            members["timestamp"] = .number(time)
        case .health(let report, let time):
            members = report.json.objectValue ?? [:]
            members["timestamp"] = .number(time)
        }
        members["type"] = .string(type)
        members["seq"] = .number(Double(sequence))
        return .object(members)
    }

    /// `timestamp`, `planner`, `status`, `reason` and the whole `record` (as `factory list --json` gives it).
    private static func plannerMembers(_ record: PlannerRecord, _ time: Double) -> [String: JSONValue] {
        [
            "timestamp": .number(time), "planner": .string(record.name), "status": .string(record.status.description),
            "reason": record.reason.map(JSONValue.string) ?? .null, "record": record.json,
        ]
    }
}
