import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// A planner instance that lives in a worker process: every call (`create`, `plan`, `health`)
/// crosses protocol v1 with a deadline. A worker that died is started again on the next call and
/// its instance created again with the same configuration before the call is passed on.
final class WorkerBackend: InstanceBackend {
    /// How to start and talk to the worker.
    struct Setup: Sendable {
        var planner: String
        /// Makes the command for a fresh worker (each gets its own working folder).
        var command: @Sendable () throws(WorkerFailure) -> WorkerCommand
        var configuration: JSONValue
        var callTimeout: Duration
        var planTimeout: Duration
        /// The setting that gave `planTimeout`, for messages.
        var planTimeoutKey = "FACTORY_PLAN_TIMEOUT"
        var idleTimeout: Duration
        var pool: WorkerPool
        /// Where each worker's standard error is kept when it ends.
        var logs: WorkerLogs
        /// Told of each fault of the plugin's own code; returns a note for the error message
        /// (for example that the plugin is now quarantined).
        var onFault: @Sendable (WorkerFault) -> String?
        /// Told of each health call and each error answer of a plan (a fault count starts
        /// again; a successful create does not reset it, or a plan that crashes in every fresh
        /// worker would never add up). A plan that is returned is told of by the factory's
        /// `PlanCheck` once it is checked: an invalid plan is a fault.
        var onAnswer: @Sendable () -> Void
        /// Told when a worker that died is started again (metrics).
        var onRestart: @Sendable () -> Void = {}
    }

    private let setup: Setup
    private let state = Locked<State>(State())
    /// Signalled when a start ends: calls that found another call starting the worker wait for
    /// it (within their deadline, and cancellably) rather than start a second one.
    private let startEnded = WakeUp()

    private struct State: Sendable {
        var worker: WorkerProcess?
        var instance: String?
        var restarts = 0
        /// Whether a call is starting the worker now.
        var isStarting = false
        /// The calls in flight, which `cancel()` cancels.
        var calls: [ObjectIdentifier: Cancellation] = [:]
    }

    /// Starts the worker and creates the instance, so creation errors surface at once.
    /// `cancellation` ends the start.
    init(_ setup: Setup, cancellation: Cancellation = Cancellation()) throws(FactoryError) {
        self.setup = setup
        let (worker, _) = try tracking(cancellation) { () throws(FactoryError) in
            try ready(phase: "create", until: .now + setup.callTimeout, cancellation: cancellation)
        }
        worker.release()
    }

    deinit {
        let worker = state.withLock { $0.worker }
        guard let worker else { return }
        BackgroundThread.start { worker.terminate() }
    }

    // MARK: InstanceBackend

    func plan(_ objective: Objective, cancellation: Cancellation) throws -> Plan {
        var deadline = setup.planTimeout
        var isUserDeadline = false
        // (PlannerInstance turned away deadlines that are not > 0; NaN fails both comparisons.)
        if let asked = objective.deadline, asked > 0, asked < setup.planTimeout.seconds {
            deadline = .nanoseconds(Int64(asked * 1e9))
            isUserDeadline = true
        }
        return try tracking(cancellation) { () throws -> Plan in
            // A free place is waited for within the plan's deadline; the deadline of the call
            // itself starts once the worker is ready (a restart has FACTORY_CALL_TIMEOUT of its own).
            let (worker, instance) = try ready(phase: "plan", until: .now + deadline, cancellation: cancellation)
            defer { worker.release() }
            let result = cancellation.whenCancelled({ worker.cancel() }) {
                worker.call("plan", instance: instance, body: objective.json, until: .now + deadline)
            }
            switch result {
            case .success(let value):
                do {
                    // (The factory's PlanCheck tells of the answer once the plan is checked.)
                    return try Plan(json: value)
                } catch {
                    worker.terminate()
                    throw failure(.protocolError("its plan is not a plan: \(error)", log: worker.logTail), phase: "plan", worker: worker)
                }
            case .failure(.answered(let code, let message)) where code == "bad-result":
                // factory-host's word for a plan that is not JSON: the plugin's fault, as a bad line would be.
                throw failure(.protocolError("its plan is not valid JSON: \(message)", log: worker.logTail), phase: "plan", worker: worker)
            case .failure(.answered(let code, let message)):
                setup.onAnswer()
                throw PlanningError(PlanningError.Code(wireName: code), message)
            case .failure(.timedOut):
                worker.terminate()
                throw failure(.timedOut(deadline), phase: "plan", worker: worker, isUserDeadline: isUserDeadline)
            case .failure(let other):
                throw failure(other, phase: "plan", worker: worker)
            }
        }
    }

    func health() -> PlannerHealth {
        let cancellation = Cancellation()
        return tracking(cancellation) { () -> PlannerHealth in
            let worker: WorkerProcess
            let instance: String
            do throws(FactoryError) {
                (worker, instance) = try ready(phase: "health", until: .now + setup.callTimeout, cancellation: cancellation)
            } catch {
                return .unhealthy(error.message)
            }
            defer { worker.release() }
            let result = cancellation.whenCancelled({ worker.cancel() }) {
                worker.call("health", instance: instance, body: .null, until: .now + setup.callTimeout)
            }
            switch result {
            case .success(let value):
                setup.onAnswer()
                guard let isHealthy = value["healthy"]?.boolValue else {
                    return .unhealthy("its health answer is not health JSON: \(String(value.serialized().prefix(200)))")
                }
                return PlannerHealth(isHealthy: isHealthy, detail: value["detail"]?.stringValue ?? "")
            case .failure(.answered(_, let message)):
                setup.onAnswer()
                return .unhealthy(message)
            case .failure(.timedOut):
                worker.terminate()
                return .unhealthy(failure(.timedOut(setup.callTimeout), phase: "health", worker: worker).message)
            case .failure(let other):
                return .unhealthy(failure(other, phase: "health", worker: worker).message)
            }
        }
    }

    func healthIfIdle() -> PlannerHealth? {
        if let busy = workers().first(where: { $0.call != nil }) {
            return PlannerHealth(isHealthy: true, detail: "busy in \(busy.call ?? "a call") for \(Int(busy.seconds)) s, not checked")
        }
        return health()
    }

    /// Cancels every call in flight: each ends the worker it waits for (or is starting), at once.
    func cancel() -> Int {
        let calls = state.withLock { Array($0.calls.values) }
        for call in calls { call.cancel() }
        return calls.count
    }

    /// Runs `body` as a call in flight, which `cancel()` reaches.
    private func tracking<T, E: Error>(_ cancellation: Cancellation, _ body: () throws(E) -> T) throws(E) -> T {
        let key = ObjectIdentifier(cancellation)
        state.withLock { $0.calls[key] = cancellation }
        defer { state.withLock { $0.calls[key] = nil } }
        return try body()
    }

    func workers() -> [WorkerInfo] {
        let (worker, restarts) = state.withLock { ($0.worker, $0.restarts) }
        guard let worker, worker.exit == nil else { return [] }
        let now = ContinuousClock.now
        if let call = worker.activeCalls.first {
            return [WorkerInfo(planner: setup.planner, pid: worker.pid, call: call.call, seconds: (now - call.since).seconds, restarts: restarts)]
        }
        return [WorkerInfo(planner: setup.planner, pid: worker.pid, call: nil, seconds: (now - worker.lastActivity).seconds, restarts: restarts)]
    }

    var isolation: Isolation { .process }

    var workerPID: Int32? { state.withLock { $0.worker?.pid } }

    // MARK: Starting

    /// The live worker and its instance id, held for the caller (who must `release()` it),
    /// starting the worker and creating the instance when there is none. A place among the live
    /// workers, or the end of another call's start, is waited for until `until` (the call's
    /// deadline; waiting is no fault of the plugin); the start itself, the handshake and the
    /// create then have `FACTORY_CALL_TIMEOUT`.
    private func ready(phase: String, until: ContinuousClock.Instant, cancellation: Cancellation) throws(FactoryError) -> (WorkerProcess, String) {
        while true {
            if cancellation.isCancelled { throw failure(.cancelled, phase: phase, worker: nil) }
            let seen = startEnded.current
            if let ready = current() { return ready }
            let isMine = state.withLock { state in
                if state.isStarting { return false }
                state.isStarting = true
                return true
            }
            if isMine {
                defer {
                    state.withLock { $0.isStarting = false }
                    startEnded.signal()
                }
                // Another call may have finished its start between the look above and the claim.
                if let ready = current() { return ready }
                return try start(phase: phase, until: until, cancellation: cancellation)
            }
            let woken = cancellation.whenCancelled({ [startEnded] in startEnded.signal() }) {
                startEnded.wait(after: seen, until: until)
            }
            if !woken { throw failure(.waited("another call was still starting its worker"), phase: phase, worker: nil) }
        }
    }

    /// The live worker, held, if there is one that can take a call.
    private func current() -> (WorkerProcess, String)? {
        let (worker, instance) = state.withLock { ($0.worker, $0.instance) }
        guard let worker, let instance, worker.isUsable, worker.hold() else { return nil }
        return (worker, instance)
    }

    private func start(phase: String, until: ContinuousClock.Instant, cancellation: Cancellation) throws(FactoryError) -> (WorkerProcess, String) {
        let previous = state.withLock { $0.worker }
        let pool = setup.pool
        let worker: WorkerProcess
        do throws(WorkerFailure) {
            try cancellation.whenCancelled({ pool.wakeWaiters() }) { () throws(WorkerFailure) in
                try pool.reserve(until: until, isCancelled: { cancellation.isCancelled })
            }
            do throws(WorkerFailure) {
                let logs = setup.logs
                let planner = setup.planner
                worker = try WorkerProcess(try setup.command(), planner: planner, idleTimeout: setup.idleTimeout, isHeld: true,
                                           onCallEnded: { pool.wakeWaiters() }) { ended in
                    pool.remove(ended)
                    logs.save(ended.log, planner: planner)
                }
            } catch {
                pool.release()
                throw error
            }
            pool.admit(worker)
        } catch {
            switch error {
            case .cancelled, .waited: throw failure(error, phase: phase, worker: nil)
            default: throw failure(error, phase: "start", worker: nil)
            }
        }
        do {
            return try cancellation.whenCancelled({ worker.cancel() }) { () throws(FactoryError) in
                try handshakeAndCreate(worker, previous: previous)
            }
        } catch {
            worker.release()
            if error.code == .cancelled { throw failure(.cancelled, phase: phase, worker: worker) }
            throw error
        }
    }

    private func handshakeAndCreate(_ worker: WorkerProcess, previous: WorkerProcess?) throws(FactoryError) -> (WorkerProcess, String) {
        let deadline = ContinuousClock.now + setup.callTimeout
        switch worker.handshake(until: deadline) {
        case .success: break
        case .failure(.timedOut):
            worker.terminate()
            throw failure(.timedOut(setup.callTimeout), phase: "start", worker: worker)
        case .failure(let other):
            throw failure(other, phase: "start", worker: worker)
        }
        let instance: String
        switch worker.call("create", instance: nil, body: setup.configuration, until: deadline) {
        case .success(let value):
            guard let id = value["instance"]?.stringValue, !id.isEmpty else {
                worker.terminate()
                throw failure(.protocolError("its create answer has no \"instance\" string", log: worker.logTail), phase: "create", worker: worker)
            }
            instance = id
        case .failure(.answered(_, let message)):
            worker.terminate()
            // The plugin's words as one line, cut when long (they become a quarantine's reason too).
            let said = TerminalText.excerpt(message, limit: TerminalText.pluginMessageLimit)
            let note = setup.onFault(WorkerFault(phase: "create", what: "failed: \(said)"))
            throw FactoryError(.instantiationError, "Could not create planner \"\(setup.planner)\": its create call failed: \(said)" + (note.map { " " + $0 } ?? ""),
                               context: ["planner": setup.planner, "call": "create", "plannerMessage": message])
        case .failure(.timedOut):
            worker.terminate()
            throw failure(.timedOut(setup.callTimeout), phase: "create", worker: worker)
        case .failure(let other):
            throw failure(other, phase: "create", worker: worker)
        }
        let isRestart = state.withLock { state in
            let isRestart = previous.map { $0.exit != nil && !$0.wasStopped } ?? false
            if isRestart { state.restarts += 1 }
            state.worker = worker
            state.instance = instance
            return isRestart
        }
        if isRestart { setup.onRestart() }
        return (worker, instance)
    }

    // MARK: Errors

    /// The error for a failed call, after telling the factory of a fault.
    private func failure(_ failure: WorkerFailure, phase: String, worker: WorkerProcess?, isUserDeadline: Bool = false) -> FactoryError {
        let planner = setup.planner
        let context = ["planner": planner, "call": phase]
        let pid = worker.map { " (pid \($0.pid))" } ?? ""
        func withLog(_ log: String) -> String {
            log.isEmpty ? "" : " Its last standard error: \(log)"
        }
        switch failure {
        case .answered(let code, let message):
            // The planner's message as one line (a line break in it could forge a line of the
            // command's output), cut when long; exact in the context (`plannerMessage`).
            return FactoryError(.planningFailed, "Planner \"\(planner)\" failed in \(phase): \(TerminalText.excerpt(message, limit: TerminalText.pluginMessageLimit))",
                                context: context.merging(["code": code, "plannerMessage": message]) { $1 })
        case .cancelled:
            let ended = worker == nil ? "before it had a worker" : "its worker\(pid) was ended"
            return FactoryError(.cancelled, "The \(phase) call into planner \"\(planner)\" was cancelled; \(ended).", context: context)
        case .unavailable(let detail):
            return FactoryError(.workerFailed, "Planner \"\(planner)\" could not get a worker for \(phase): \(detail)", context: context)
        case .waited(let why):
            return FactoryError(.callTimeout, "Planner \"\(planner)\" got no worker for \(phase) before the call's deadline: \(why).",
                                context: context)
        case .stopped:
            return FactoryError(.workerFailed, "Planner \"\(planner)\"'s worker\(pid) was ended by the factory during \(phase), at another call's deadline; not a fault of the planner.",
                                context: context)
        case .timedOut(let deadline):
            let seconds = JSONValue.format(deadline.seconds)
            if isUserDeadline {
                return FactoryError(.callTimeout, "Planner \"\(planner)\" did not finish \(phase) within the objective's deadline of \(seconds) s; its worker\(pid) and everything it started were ended.",
                                    context: context.merging(["deadline": seconds]) { $1 })
            }
            let key = phase == "plan" ? setup.planTimeoutKey : "FACTORY_CALL_TIMEOUT"
            let note = setup.onFault(WorkerFault(phase: phase, what: "timed out after \(seconds) s", deadline: (deadline, key)))
            return FactoryError(.callTimeout, "Planner \"\(planner)\" did not finish \(phase) within \(seconds) s (\(key)); its worker\(pid) and everything it started were ended." + (note.map { " " + $0 } ?? ""),
                                context: context.merging(["deadline": seconds]) { $1 })
        case .ended(let exit, let log):
            // One death is one fault, however many calls were in flight on the worker.
            let note = worker?.claimFault() == false ? nil : setup.onFault(WorkerFault(phase: phase, what: exit.description))
            return FactoryError(.workerFailed, "Planner \"\(planner)\"'s worker\(pid) \(exit) during \(phase).\(withLog(log))" + (note.map { " " + $0 } ?? ""),
                                context: context.merging(["exit": exit.description]) { $1 })
        case .protocolError(let problem, let log):
            let note = worker?.claimFault() == false ? nil : setup.onFault(WorkerFault(phase: phase, what: "broke the protocol (\(problem))"))
            return FactoryError(.workerFailed, "Planner \"\(planner)\"'s worker\(pid) broke the protocol during \(phase): \(problem); it was killed.\(withLog(log))" + (note.map { " " + $0 } ?? ""),
                                context: context)
        }
    }
}
