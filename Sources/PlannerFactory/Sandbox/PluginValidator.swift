import PlannerKit

/// What `factory validate` reports on one bundle, check by check.
public struct ValidationReport: Sendable {
    /// One check.
    public struct Check: Sendable, Hashable {
        /// What was checked: `manifest`, `probe helper`, `load and describe`, `descriptor`, `create`,
        /// `plan` (or `create and plan` when that sandboxed run hung or crashed).
        public var name: String
        /// Passed, failed, or `nil` when skipped.
        public var passed: Bool?
        /// What was found.
        public var detail: String

        var json: JSONValue {
            ["check": .string(name), "passed": passed.map(JSONValue.bool) ?? .null, "detail": .string(detail)]
        }
    }

    /// The bundle folder.
    public var bundle: String
    /// The checks in order; later checks are absent when an earlier one made them impossible.
    public var checks: [Check]
    /// Manifest warnings (unknown fields …).
    public var warnings: [String]
    /// The smoke plan, when one was made.
    public var plan: Plan?

    /// Whether no check failed.
    public var isValid: Bool { !checks.contains { $0.passed == false } }

    /// The report as JSON.
    public var json: JSONValue {
        ["bundle": .string(bundle), "valid": .bool(isValid), "checks": .array(checks.map(\.json)),
         "warnings": .array(warnings.map(JSONValue.string)), "plan": plan?.json ?? .null]
    }
}

/// Checks a plugin bundle the way a plugin author needs: the manifest, then — in the sandbox, with
/// the deadline — loading, `describe`, the descriptor against the manifest, `create` with an empty
/// configuration and one smoke `plan`.
public enum PluginValidator {
    /// Validates the bundle folder at `path`.
    /// - Parameters:
    ///   - objective: the smoke objective; `nil` skips the plan check.
    ///   - configuration: where the probe helper is and its deadline.
    public static func validate(bundle path: String, objective: Objective?, configuration: FactoryConfiguration) -> ValidationReport {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let slash = trimmed.lastIndex(of: "/")
        let location = BundleLocation(
            searchIndex: 0, searchFolder: slash.map { String(trimmed[..<$0]) } ?? ".",
            folderName: slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed, path: trimmed, listingProblem: nil)
        var report = ValidationReport(bundle: trimmed, checks: [], warnings: [], plan: nil)
        let scanned = BundleScanner(isDeep: false).scan(location)
        report.warnings = scanned.record.warnings
        guard scanned.record.status == .active, let library = scanned.library else {
            report.checks.append(.init(name: "manifest", passed: false, detail: scanned.record.reason ?? "the bundle is not usable"))
            return report
        }
        let record = scanned.record
        report.checks.append(.init(name: "manifest", passed: true, detail: "\(record.name) \(record.version), library \(library)"))
        let probePath: String
        do {
            probePath = try ProbeLocator.locate(configuration)
        } catch {
            report.checks.append(.init(name: "probe helper", passed: false, detail: error.message))
            return report
        }
        let runner = ProbeRunner(probePath: probePath, timeout: configuration.sandboxTimeout)
        // Probed in a content-addressed copy, as the factory does; reasons name the bundle's file.
        let copy: (digest: String, path: String)
        do {
            copy = try LibraryCopies(stateDirectory: configuration.stateDirectory).make(bundle: trimmed, library: library, planner: record.name)
        } catch {
            report.checks.append(.init(name: "load and describe", passed: false, detail: error.message))
            return report
        }
        let outcome = runner.probe(copy.path)
        guard case .passed(let descriptor) = outcome else {
            let copyFolder = String(copy.path.dropLast(library.utf8.count + 1))
            report.checks.append(.init(name: "load and describe", passed: false, detail: outcome.reason.replacing(copyFolder, with: trimmed)))
            return report
        }
        report.checks.append(.init(name: "load and describe", passed: true, detail: "loaded in the sandbox; describe answered"))
        report.checks.append(descriptorCheck(descriptor, against: record))
        guard let objective else {
            report.checks.append(.init(name: "create", passed: nil, detail: "skipped: give an objective to create an instance and plan once"))
            return report
        }
        // Create and plan in a second sandboxed run, so a hang or crash there is not blamed on loading.
        let (smoke, planText) = runner.smokeTest(copy.path, objective: objective.json.serialized())
        let created = ValidationReport.Check(name: "create", passed: true, detail: "created with an empty configuration")
        switch smoke {
        case .passed:
            report.checks.append(created)
            let plan = planText.flatMap { try? Plan(json: try JSONValue(parsing: $0)) }
            report.plan = plan
            report.checks.append(.init(
                name: "plan", passed: plan != nil,
                detail: plan.map { "\($0.steps.count) step\($0.steps.count == 1 ? "" : "s"), cost \($0.cost.map(JSONValue.format) ?? "unknown")" }
                    ?? "plan returned text that is not a plan: \(planText?.prefix(200) ?? "nothing")"))
        case .failed(let kind, let detail) where kind == "create-failed":
            report.checks.append(.init(name: "create", passed: false, detail: detail))
        case .failed(let kind, let detail) where kind == "plan-failed":
            report.checks.append(created)
            report.checks.append(.init(name: "plan", passed: false, detail: detail))
        case .timedOut(let after):
            report.checks.append(.init(name: "create and plan", passed: false,
                                       detail: "create and plan did not finish within \(JSONValue.format(after.seconds)) s (a hang in create or plan)"))
        case .crashed(let signal, let name):
            report.checks.append(.init(name: "create and plan", passed: false, detail: "create or plan crashed with \(name) (signal \(signal))"))
        case .failed, .probeUnavailable:
            report.checks.append(.init(name: "create and plan", passed: false, detail: smoke.reason))
        }
        return report
    }

    /// The plugin's own descriptor must agree with its manifest: the same name, and every
    /// capability the manifest claims.
    static func descriptorCheck(_ text: String, against record: PlannerRecord) -> ValidationReport.Check {
        guard let json = try? JSONValue(parsing: text), let name = json["name"]?.stringValue else {
            return .init(name: "descriptor", passed: false, detail: "describe returned text that is not a descriptor: \(text.prefix(200))")
        }
        guard name == record.name else {
            return .init(name: "descriptor", passed: false, detail: "describe names the planner \"\(name)\", the manifest \"\(record.name)\"")
        }
        let claimed = CapabilityNormalizer.normalize((json["capabilities"]?.arrayValue ?? []).compactMap(\.stringValue))
        let lacking = record.capabilities.filter { !claimed.contains($0) }
        guard lacking.isEmpty else {
            return .init(name: "descriptor", passed: false, detail: "the manifest claims capabilities describe does not: \(lacking.joined(separator: ", "))")
        }
        return .init(name: "descriptor", passed: true, detail: "name and capabilities agree with the manifest")
    }
}
