import PlannerFactory
import PlannerKit

extension AttachRunner {
    /// Connects to `endpoint` and follows it until it stops or goes away, posting what changes;
    /// then sets the target to its command line (to reattach when it publishes again).
    func follow(_ endpoint: LiveEndpoint) {
        let connection: LiveConnection
        do {
            connection = try LiveConnection(endpoint)
        } catch {
            logger.info("attach failed", metadata: ["pid": "\(endpoint.pid)", "error": "\(error.message)"])
            // A process picked from the list that cannot be followed: back to the list. (While
            // waiting to reattach, the message of why the last one went away stays.)
            let isReattaching = target.withLock { target in
                if case .id = target { target = .pick }
                if case .command = target { return true }
                return false
            }
            if !isReattaching { inbox.post(.detached(error.message)) }
            pause(Self.listInterval)
            return
        }
        let command = Self.commandLine(connection.hello)
        target.withLock { $0 = .command(command) }
        commands.withLock { $0[endpoint.id] = command }
        guard connection.hello["format"]?.intValue == LiveMirror.format else {
            let format = connection.hello["format"].map { $0.serialized() } ?? "none"
            inbox.post(.detached("Process \(endpoint.pid) publishes format \(format); this factory-tui reads format \(LiveMirror.format)"))
            pause(.seconds(5))
            return
        }
        mirror.start(hello: connection.hello)
        logger.info("attached", metadata: ["pid": "\(endpoint.pid)", "command": "\(command)"])
        let why = receive(connection, endpoint, command)
        goneIDs.withLock { _ = $0.insert(endpoint.id) }
        logger.info("detached", metadata: ["pid": "\(endpoint.pid)", "why": "\(why)"])
        inbox.post(.detached(why))
    }

    /// Reads lines until the connection ends, posting changes at most every `postInterval`.
    /// - Returns: why it ended, for the screen.
    private func receive(_ connection: LiveConnection, _ endpoint: LiveEndpoint, _ command: String) -> String {
        var pending: LiveMirror.Change = []
        var lastPost = ContinuousClock.now - Self.postInterval
        var dropped: UInt64 = 0
        var isAttached = false
        var badLines = 0
        while true {
            let read: LiveConnection.Read
            do {
                read = try connection.next(timeout: pending.isEmpty ? nil : max(.zero, lastPost + Self.postInterval - .now))
            } catch {
                return "Lost process \(endpoint.pid): \(error.message)"
            }
            switch read {
            case .message(let line):
                do {
                    pending.formUnion(try mirror.apply(line))
                } catch {
                    badLines += 1
                    if badLines == 1 { inbox.post(.failed(.attach, "Process \(endpoint.pid) sent a line this TUI cannot read (\(error.message)); such lines are skipped")) }
                }
                if pending.contains(.closing) { return "Process \(endpoint.pid) stopped publishing" }
                if !isAttached, mirror.hasSnapshot {
                    isAttached = true
                    inbox.post(.attached(pid: endpoint.pid, command: command, configuration: ConfigurationLine.text(mirror.configuration)))
                }
            case .timedOut:
                break
            case .closed:
                return "Process \(endpoint.pid) went away without a word (killed or crashed)"
            }
            guard isAttached, !pending.isEmpty, ContinuousClock.now - lastPost >= Self.postInterval else { continue }
            if pending.contains(.planners) { inbox.post(.planners(mirror.planners())) }
            if pending.contains(.telemetry), paused.withLock({ $0 == nil }) { inbox.post(.telemetry(mirror.telemetry())) }
            let total = mirror.eventCounts.dropped
            if total != dropped {
                dropped = total
                inbox.post(.droppedEvents(total))
            }
            pending = []
            lastPost = .now
        }
    }
}
