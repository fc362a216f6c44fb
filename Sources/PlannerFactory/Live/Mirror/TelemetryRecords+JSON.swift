import PlannerKit

// Reading back the JSON forms of telemetry (`factory telemetry --json`, live snapshots and events),
// for front ends that show another process's telemetry. Each throws `DataFormatError` naming the
// member that is missing or of the wrong type.

extension SelectionRecord {
    /// Reads a record from its JSON form (`json`).
    public init(json: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(json, "a selection record")
        self.init(
            timestamp: try fields.time("timestamp"), objective: try fields.string("objective"),
            capabilities: try fields.strings("capabilities"), candidateCount: try fields.count("candidateCount"),
            winner: try fields.optionalString("winner"), error: try fields.optionalString("error"),
            duration: try fields.microseconds("durationMicroseconds"))
    }
}

extension InstantiationRecord {
    /// Reads a record from its JSON form (`json`).
    public init(json: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(json, "an instantiation record")
        var phases: [Phase] = []
        for value in try fields.array("phases") {
            let phase = try JSONFields(value, "an instantiation phase")
            phases.append(Phase(name: try phase.string("name"), duration: try phase.microseconds("durationMicroseconds")))
        }
        let outcome: Outcome
        switch try fields.string("outcome") {
        case "success": outcome = .success
        case "cached": outcome = .cached
        case "failure": outcome = .failure(try fields.optionalString("error") ?? "")
        case let other: throw DataFormatError("an instantiation record's \"outcome\" is not success, cached or failure: \(other)")
        }
        self.init(timestamp: try fields.time("timestamp"), planner: try fields.string("planner"), phases: phases, outcome: outcome)
    }
}

extension PlanCallRecord {
    /// Reads a record from its JSON form (`json`).
    public init(json: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(json, "a plan call record")
        let pid = try fields.optionalNumber("workerPid")
        self.init(
            timestamp: try fields.time("timestamp"), planner: try fields.string("planner"),
            workerPID: pid.flatMap { Int32(exactly: $0) }, duration: try fields.microseconds("durationMicroseconds"),
            outcome: try fields.string("outcome"), error: try fields.optionalString("error"))
    }
}

extension LatencySummary {
    /// Reads a summary from its JSON form (`json`).
    public init(json: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(json, "a latency summary")
        self.init(
            count: try fields.count("count"), failures: try fields.count("failures"),
            p50: try fields.microseconds("p50Microseconds"), p95: try fields.microseconds("p95Microseconds"),
            p99: try fields.microseconds("p99Microseconds"), max: try fields.microseconds("maxMicroseconds"),
            mean: try fields.microseconds("meanMicroseconds"))
    }
}

extension TelemetrySnapshot {
    /// Reads a snapshot from its JSON form (`json`).
    public init(json: JSONValue) throws(DataFormatError) {
        let fields = try JSONFields(json, "a telemetry snapshot")
        var phases: [String: LatencySummary] = [:]
        for (name, value) in try fields.object("instantiationPhases") { phases[name] = try LatencySummary(json: value) }
        self.init(
            capacity: try fields.count("capacity"), isPaused: try fields.bool("isPaused"),
            droppedWhilePaused: try fields.count("droppedWhilePaused"),
            selection: try LatencySummary(json: fields.members["selection"] ?? .null),
            instantiation: try LatencySummary(json: fields.members["instantiation"] ?? .null),
            instantiationPhases: phases,
            recentSelections: try fields.array("recentSelections").map { value throws(DataFormatError) in try SelectionRecord(json: value) },
            recentInstantiations: try fields.array("recentInstantiations").map { value throws(DataFormatError) in try InstantiationRecord(json: value) })
        if let planCall = fields.members["planCall"], !planCall.isNull { self.planCall = try LatencySummary(json: planCall) }
        recentPlanCalls = try fields.array("recentPlanCalls").map { value throws(DataFormatError) in try PlanCallRecord(json: value) }
    }
}
