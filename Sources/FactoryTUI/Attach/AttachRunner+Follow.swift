import PlannerFactory
import PlannerKit

extension AttachRunner {
    /// Connects to `endpoint` and follows it until it stops or goes away, posting what changes.
    /// Once attached (its snapshot is in), the target becomes its command line, to reattach when
    /// a process of that command publishes again; a process picked from the list that could not
    /// be attached to sends the picker back.
    func follow(_ endpoint: LiveEndpoint) {
        let connection: LiveConnection
        do {
            connection = try LiveConnection(endpoint)
        } catch {
            logger.info("attach failed", metadata: ["pid": "\(endpoint.pid)", "error": "\(error.message)"])
            notAttached(error.message)
            return
        }
        let command = Self.commandLine(connection.hello)
        commands.withLock { $0[endpoint.id] = command }
        guard connection.hello["format"]?.intValue == LiveMirror.format else {
            let format = connection.hello["format"].map { $0.serialized() } ?? "none"
            notAttached("Process \(endpoint.pid) publishes format \(format); this factory-tui reads format \(LiveMirror.format)", wait: .seconds(5))
            return
        }
        mirror.start(hello: connection.hello)
        let ending = receive(connection, endpoint, command)
        goneIDs.withLock { $0[endpoint.id] = .now }
        guard ending.wasAttached else {
            notAttached(ending.why)
            return
        }
        logger.info("detached", metadata: ["pid": "\(endpoint.pid)", "why": "\(ending.why)"])
        inbox.post(.detached(ending.why))
    }

    /// A connection that ended before its snapshot was in: says why; a process picked from the
    /// list goes back to the list (one that was named, or is being waited for, is tried again).
    private func notAttached(_ why: String, wait: Duration = AttachRunner.listInterval) {
        let isReattaching = target.withLock { target in
            if case .id = target { target = .pick }
            if case .command = target { return true }
            return false
        }
        // While waiting to reattach, the message of why the last one went away stays.
        if !isReattaching { inbox.post(.detached(why)) }
        pause(wait)
    }

    /// Reads lines until the connection ends, posting changes at most every `postInterval`.
    /// - Returns: why it ended, for the screen, and whether the snapshot had come.
    private func receive(_ connection: LiveConnection, _ endpoint: LiveEndpoint, _ command: String) -> (why: String, wasAttached: Bool) {
        var pending: LiveMirror.Change = []
        var lastPost = ContinuousClock.now - Self.postInterval
        var isAttached = false
        var badLines = 0
        var dropped: UInt64 = 0
        while true {
            let read: LiveConnection.Read
            do {
                // Nothing to post (or not attached yet): wait for the next line however long it takes.
                let deadline = isAttached && !pending.isEmpty ? max(.zero, lastPost + Self.postInterval - .now) : nil
                read = try connection.next(timeout: deadline.map { max($0, .milliseconds(1)) })
            } catch {
                post(pending, dropped: &dropped)
                return ("Lost process \(endpoint.pid): \(error.message)", isAttached)
            }
            switch read {
            case .message(let line):
                do {
                    pending.formUnion(try mirror.apply(line))
                } catch {
                    badLines += 1
                    if badLines == 1 { inbox.post(.failed(.attach, "Process \(endpoint.pid) sent a line this TUI cannot read (\(error.message)); such lines are skipped")) }
                }
                if pending.contains(.closing) {
                    post(pending, dropped: &dropped)
                    return ("Process \(endpoint.pid) stopped publishing", isAttached)
                }
                if !isAttached, mirror.hasSnapshot {
                    isAttached = true
                    target.withLock { $0 = .command(command) }
                    inbox.post(.attached(pid: endpoint.pid, command: command, configuration: ConfigurationLine.text(mirror.configuration)))
                    let (skipped, reason) = mirror.skippedPlanners
                    if skipped > 0 {
                        inbox.post(.failed(.attach, "\(skipped) planner record(s) of process \(endpoint.pid) could not be read and are not shown (the first: \(reason ?? "?"))"))
                    }
                }
            case .timedOut:
                break
            case .closed:
                post(pending, dropped: &dropped)
                return ("Process \(endpoint.pid) went away without a word (killed or crashed)", isAttached)
            }
            guard isAttached, !pending.isEmpty, ContinuousClock.now - lastPost >= Self.postInterval else { continue }
            post(pending, dropped: &dropped)
            pending = []
            lastPost = .now
        }
    }

    /// Posts what changed: the planners, the telemetry (unless the view is paused), the drops.
    private func post(_ changes: LiveMirror.Change, dropped: inout UInt64) {
        guard mirror.hasSnapshot else { return }
        if changes.contains(.planners) { inbox.post(.planners(mirror.planners())) }
        if changes.contains(.telemetry) {
            if paused.withLock({ $0 == nil }) { inbox.post(.telemetry(mirror.telemetry())) }
            let total = mirror.eventCounts.dropped
            if total != dropped {
                dropped = total
                inbox.post(.droppedEvents(total))
            }
        }
    }
}
