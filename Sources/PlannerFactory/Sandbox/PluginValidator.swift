import PlannerKit

/// What `factory validate` reports on one bundle, check by check.
public struct ValidationReport: Sendable {
    /// One check.
    public struct Check: Sendable, Hashable {
        /// What was checked: `manifest`, `probe helper`, `load and describe` (a process plugin:
        /// `start and handshake`), `descriptor`, `create`, `plan`.
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
/// the deadline — loading and `describe` (a process plugin: its start and handshake), the
/// descriptor against the manifest, then in a worker with the call deadline `create` with an
/// empty configuration and one smoke `plan`, each reported on its own.
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
        let record = scanned.record
        guard record.status == .active, record.kind.isPlugin else {
            report.checks.append(.init(name: "manifest", passed: false, detail: record.reason ?? "the bundle is not usable"))
            return report
        }
        let factory = PlannerFactory(configuration: configuration)
        let command: @Sendable () throws(WorkerFailure) -> WorkerCommand
        if record.kind == .process {
            report.checks.append(.init(name: "manifest", passed: true, detail: "\(record.name) \(record.version), command \(record.command.joined(separator: " "))"))
            // The handshake is its describe: started as it will run, within the sandbox deadline.
            let outcome = factory.processProbeOutcome(record)
            guard case .passed(let descriptor) = outcome else {
                report.checks.append(.init(name: "start and handshake", passed: false, detail: outcome.reason(isProcess: true)))
                return report
            }
            report.checks.append(.init(name: "start and handshake", passed: true, detail: "started in a worker; its handshake gave a descriptor"))
            report.checks.append(descriptorCheck(descriptor, against: record))
            command = { () throws(WorkerFailure) -> WorkerCommand in try configuration.processCommand(for: record) }
        } else {
            guard let library = record.library else {
                report.checks.append(.init(name: "manifest", passed: false, detail: "its manifest names no library"))
                return report
            }
            report.checks.append(.init(name: "manifest", passed: true, detail: "\(record.name) \(record.version), library \(library)"))
            guard let copy = probeLibrary(library, of: record, bundle: trimmed, configuration: configuration, into: &report) else { return report }
            command = { () throws(WorkerFailure) -> WorkerCommand in try configuration.hostCommand(library: copy) }
        }
        guard let objective else {
            report.checks.append(.init(name: "create", passed: nil, detail: "skipped: give an objective to create an instance and plan once"))
            return report
        }
        smokeTest(record, objective: objective, command: command, configuration: configuration, into: &report)
        return report
    }

    /// Copies a dylib's libraries, as the factory does, and probes the copy: loading, `describe`
    /// and the descriptor against the manifest. Reasons name the bundle's files.
    /// - Returns: the probed copy of the entry library, or `nil` when a check failed.
    private static func probeLibrary(_ library: String, of record: PlannerRecord, bundle: String, configuration: FactoryConfiguration,
                                     into report: inout ValidationReport) -> String? {
        let probePath: String
        do {
            probePath = try ProbeLocator.locate(configuration)
        } catch {
            report.checks.append(.init(name: "probe helper", passed: false, detail: error.message))
            return nil
        }
        let runner = ProbeRunner(probePath: probePath, timeout: configuration.sandboxTimeout)
        let copy: (digest: String, path: String, folder: String)
        do {
            copy = try LibraryCopies(configuration: configuration).make(bundle: bundle, library: library, planner: record.name)
        } catch {
            report.checks.append(.init(name: "load and describe", passed: false, detail: error.description))
            return nil
        }
        let outcome = runner.probe(copy.path)
        guard case .passed(let descriptor) = outcome else {
            let copyFolder = copy.folder
            report.checks.append(.init(name: "load and describe", passed: false, detail: outcome.reason.replacing(copyFolder, with: bundle)))
            return nil
        }
        report.checks.append(.init(name: "load and describe", passed: true, detail: "loaded in the sandbox; describe answered"))
        report.checks.append(descriptorCheck(descriptor, against: record))
        return copy.path
    }

    /// `create` with an empty configuration and one `plan`, in a worker, each with the call
    /// deadline (`FACTORY_CALL_TIMEOUT`): a hang or a crash is reported for the call it happened in.
    private static func smokeTest(_ record: PlannerRecord, objective: Objective, command: @escaping @Sendable () throws(WorkerFailure) -> WorkerCommand,
                                  configuration: FactoryConfiguration, into report: inout ValidationReport) {
        let setup = WorkerBackend.Setup(
            planner: record.name, command: command, configuration: .object([:]),
            callTimeout: configuration.callTimeout, planTimeout: configuration.callTimeout, planTimeoutKey: "FACTORY_CALL_TIMEOUT",
            idleTimeout: .seconds(60), pool: WorkerPool(limit: 1), logs: WorkerLogs(stateDirectory: configuration.stateDirectory),
            onFault: { _ in nil }, onAnswer: {})
        let backend: WorkerBackend
        do {
            backend = try WorkerBackend(setup)
        } catch {
            report.checks.append(.init(name: "create", passed: false, detail: error.message))
            return
        }
        report.checks.append(.init(name: "create", passed: true, detail: "created with an empty configuration in a worker"))
        do {
            let plan = try backend.plan(objective, cancellation: Cancellation())
            report.plan = plan
            report.checks.append(.init(
                name: "plan", passed: true,
                detail: "\(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s"), cost \(plan.cost.map(JSONValue.format) ?? "unknown")"))
        } catch let error as FactoryError {
            report.checks.append(.init(name: "plan", passed: false, detail: error.message))
        } catch let error as PlanningError {
            report.checks.append(.init(name: "plan", passed: false, detail: "\(error.message) (\(error.code))"))
        } catch {
            report.checks.append(.init(name: "plan", passed: false, detail: "\(error)"))
        }
    }

    /// The plugin's own descriptor must agree with its manifest: the same name, and every
    /// capability the manifest claims.
    static func descriptorCheck(_ text: String, against record: PlannerRecord) -> ValidationReport.Check {
        descriptorCheck(text, parsed: try? JSONValue(parsing: text), name: record.name, capabilities: record.capabilities)
    }

    /// The same check of a descriptor already parsed: `parsed` is `text` as JSON, `nil` when it
    /// is not JSON; `name` and `capabilities` are the manifest's.
    static func descriptorCheck(_ text: String, parsed: JSONValue?, name manifestName: String, capabilities: [String]) -> ValidationReport.Check {
        guard let json = parsed, let name = json["name"]?.stringValue else {
            return .init(name: "descriptor", passed: false, detail: "describe returned text that is not a descriptor: \(text.prefix(200))")
        }
        guard name == manifestName else {
            return .init(name: "descriptor", passed: false, detail: "describe names the planner \"\(name)\", the manifest \"\(manifestName)\"")
        }
        let claimed = CapabilityNormalizer.normalize((json["capabilities"]?.arrayValue ?? []).compactMap(\.stringValue))
        let lacking = capabilities.filter { !claimed.contains($0) }
        guard lacking.isEmpty else {
            return .init(name: "descriptor", passed: false, detail: "the manifest claims capabilities describe does not: \(lacking.joined(separator: ", "))")
        }
        return .init(name: "descriptor", passed: true, detail: "name and capabilities agree with the manifest")
    }
}
