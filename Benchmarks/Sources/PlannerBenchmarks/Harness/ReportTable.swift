/// The report as a text table: one row per result, notes below the table.
enum ReportTable {
    static func render(_ results: [BenchmarkResult]) -> String {
        let header = ["MEASUREMENT", "N", "MEDIAN", "CPU MEDIAN", "FLOOR MEDIAN", "RATIO", "TARGET", "RUNS", "RESULT"]
        let rows = results.map { result in
            [
                result.measurement,
                result.size.map(grouped) ?? "-",
                medianText(result),
                result.cpuMedian.map { Formatting.time($0.seconds) } ?? "-",
                result.floor.map { Formatting.time($0.seconds) } ?? "-",
                result.ratio.map(Formatting.ratio) ?? "-",
                targetText(result.target),
                String(result.runs),
                result.verdict,
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let rightAligned: Set<Int> = [1, 2, 3, 4, 5, 7]
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return rightAligned.contains(column) ? padding + cells[column] : cells[column] + padding
            }.joined(separator: "  ")
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        var seen = Set<String>()
        let notes = results.compactMap { result -> String? in
            guard let note = result.note, seen.insert(result.measurement + note).inserted else { return nil }
            return "  \(result.measurement): \(note)"
        }
        if !notes.isEmpty { lines += ["", "Notes:"] + notes }
        return lines.joined(separator: "\n")
    }

    static func medianText(_ result: BenchmarkResult) -> String {
        switch result.quantity {
        case .time: Formatting.time(result.median)
        case .bytes: Formatting.bytes(result.median)
        case .factor: Formatting.ratio(result.median)
        }
    }

    static func targetText(_ target: BenchmarkResult.Target?) -> String {
        switch target {
        case nil: "(report)"
        case .ratioAtMost(let limit): "≤ " + Formatting.ratio(limit)
        case .timeAtMost(let limit): "≤ " + Formatting.time(limit.seconds)
        case .bytesBelow(let limit): "< " + Formatting.bytes(Double(limit))
        }
    }

    /// `10,000`.
    static func grouped(_ value: Int) -> String {
        var digits = String(value)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }
}
