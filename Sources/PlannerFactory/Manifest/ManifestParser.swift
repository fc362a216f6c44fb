import PlannerKit

/// Reads and validates a `planner.json` (schema 1) from its bytes. Every problem names the file
/// and the field; JSON syntax errors give the line and column. A key given twice, at any level,
/// makes the manifest invalid. Values quoted in messages are escaped and cut to 80 characters.
public enum ManifestParser {
    /// Parses a manifest.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the manifest's path, for messages.
    /// - Returns: the manifest, or the first problem found.
    public static func parse(_ bytes: some Collection<UInt8>, file: String) -> Result<PlannerManifest, ManifestProblem> {
        parse(bytes, file: { file })
    }

    /// Parses a manifest; `file` is only asked for when there is a problem to report.
    static func parse(_ bytes: some Collection<UInt8>, file: () -> String) -> Result<PlannerManifest, ManifestProblem> {
        if let manifest = bytes.withContiguousStorageIfAvailable(ManifestFastDecoder.decode) ?? nil {
            return .success(manifest)
        }
        return parseFully(bytes, file: file())
    }

    /// The full parser: the top-level members (unknown values checked but not built), then every
    /// field validated with a precise message. Used whenever the fast path gives up (unknown
    /// fields, escapes, any error).
    static func parseFully(_ bytes: some Collection<UInt8>, file: String) -> Result<PlannerManifest, ManifestProblem> {
        if let result = bytes.withContiguousStorageIfAvailable({ parseFully(buffer: $0, file: file) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { parseFully(buffer: $0, file: file) }
    }

    private static func parseFully(buffer: UnsafeBufferPointer<UInt8>, file: String) -> Result<PlannerManifest, ManifestProblem> {
        var document = ManifestDocument()
        do {
            if let type = try document.read(buffer) {
                return .failure(ManifestProblem(file: file, field: nil, detail: "the manifest must be a JSON object, not \(type)", usableName: nil))
            }
        } catch {
            let detail = "invalid JSON: " + TerminalText.excerpt(error.description, limit: 240)
            return .failure(ManifestProblem(file: file, field: nil, detail: detail, usableName: nil))
        }
        if let repetition = document.repetition {
            return .failure(repeated(repetition, in: buffer, file: file))
        }
        var reader = ManifestFieldReader(file: file, document: document)
        do throws(ManifestProblem) {
            var manifest = try reader.manifest()
            manifest.warnings = unknownFieldWarnings(document, file: file)
            return .success(manifest)
        } catch {
            return .failure(error)
        }
    }

    /// The problem of a top-level key given twice, with the lines (and columns on one line).
    private static func repeated(_ repetition: ManifestDocument.Repetition, in buffer: UnsafeBufferPointer<UInt8>, file: String) -> ManifestProblem {
        let first = JSONParseError.location(ofByte: repetition.first, in: buffer)
        let again = JSONParseError.location(ofByte: repetition.again, in: buffer)
        let place = first.line == again.line
            ? "on line \(first.line), columns \(first.column) and \(again.column)"
            : "on lines \(first.line) and \(again.line)"
        return ManifestProblem(
            file: file, field: TerminalText.excerpt(repetition.key), detail: "is given twice (\(place)); a manifest gives each field once",
            usableName: nil)
    }

    /// One warning for each of the first unknown fields, then one counting the rest.
    static func unknownFieldWarnings(_ document: ManifestDocument, file: String) -> [String] {
        var warnings: [String] = []
        for field in document.unknown {
            let key = TerminalText.quoted(field.key)
            if field.value != nil {
                warnings.append("\(file): unknown field \(key) is kept but not used")
            } else {
                warnings.append("\(file): unknown field \(key) is not used, and its value (\(grouped(field.size)) bytes) is too large to keep")
            }
        }
        let more = document.unknownCount - document.unknown.count
        if more > 0 {
            warnings.append("\(file): and \(grouped(more)) more unknown field\(more == 1 ? "" : "s"), neither listed nor kept")
        }
        return warnings
    }

    /// `89936` as "89,936".
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return (number < 0 ? "-" : "") + digits
    }
}
