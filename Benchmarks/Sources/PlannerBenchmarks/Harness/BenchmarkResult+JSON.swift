import PlannerKit

extension BenchmarkResult {
    /// The row as JSON. Times are in seconds, sizes in bytes; `unit` says which.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "measurement": .string(measurement),
            "n": size.map { .number(Double($0)) } ?? .null,
            "runs": .number(Double(runs)),
            "median": .number(median),
            "cpuMedian": cpuMedian.map { .number($0.seconds) } ?? .null,
            "floorMedian": floor.map { .number($0.seconds) } ?? .null,
            "ratio": ratio.map(JSONValue.number) ?? .null,
            "target": .string(ReportTable.targetText(target)),
            "status": .string(verdict),
            "note": note.map(JSONValue.string) ?? .null,
        ]
        switch quantity {
        case .time(let samples):
            members["unit"] = "seconds"
            members["minimum"] = .number(samples.minimum.seconds)
            members["maximum"] = .number(samples.maximum.seconds)
        case .bytes(let values):
            members["unit"] = "bytes"
            members["minimum"] = .number(Double(values.min() ?? 0))
            members["maximum"] = .number(Double(values.max() ?? 0))
        case .factor(let values):
            members["unit"] = "factor"
            members["minimum"] = .number(values.min() ?? 0)
            members["maximum"] = .number(values.max() ?? 0)
        }
        if case .percentile(let percent) = statistic { members["statistic"] = .string("p\(percent)") }
        switch target {
        case nil: break
        case .ratioAtMost(let limit): members["targetRatioAtMost"] = .number(limit)
        case .timeAtMost(let limit): members["targetSecondsAtMost"] = .number(limit.seconds)
        case .bytesBelow(let limit): members["targetBytesBelow"] = .number(Double(limit))
        }
        return .object(members)
    }
}
