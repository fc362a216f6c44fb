import CSandbox
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// One worker process speaking protocol v1 (README "The process protocol") on its standard input
/// and output: requests go out as JSON lines with ids, replies come back by id. One thread per
/// worker reads its output, its standard error (into a bounded log) and its exit; callers wait
/// for their reply with a deadline. A worker that breaks the protocol is killed.
final class WorkerProcess: Sendable {
    /// The worker's process id (the launcher's, in this PID namespace).
    let pid: Int32
    /// The planner it serves, for messages.
    let planner: String
    /// When it started.
    let started: ContinuousClock.Instant
    private let descriptors: Descriptors
    fileprivate let state: Locked<State>
    private let handshakeReply = OneShot<Reply>()
    private let exitReply = OneShot<WorkerExit>()
    private let workingFolder: String?

    /// The longest line accepted from a worker: 64 MiB.
    static let maximumLineLength = 64 << 20

    private struct Descriptors: Sendable {
        var pidfd: Int32
        var input: Int32
        var output: Int32
        var error: Int32
    }

    /// What a caller waits for.
    enum Reply: Sendable {
        case result(JSONValue)
        case error(code: String, message: String)
        /// The worker ended, broke the protocol or was cancelled before replying.
        case ended
    }

    /// A call in flight.
    struct ActiveCall: Sendable {
        var call: String
        var since: ContinuousClock.Instant
    }

    fileprivate struct State: Sendable {
        var pending: [Int: OneShot<Reply>] = [:]
        var active: [Int: ActiveCall] = [:]
        var nextID = 1
        var exit: WorkerExit?
        var protocolProblem: String?
        var isCancelled = false
        var isStopping = false
        var lastActivity: ContinuousClock.Instant
        var log = StderrLog()
        var lineNumber = 0
        /// Whether its process was reaped: its pid (and process group id) may belong to another
        /// process from then on, so nothing is sent to it any more.
        var isReaped = false
        /// Whether its pidfd was closed.
        var isPidfdClosed = false
        /// Callers that hold it for a call (from before their request until after the answer):
        /// a held worker is never stopped for idleness or to make room.
        var holds = 0
        /// Whether a call already reported its death (or protocol error) as a fault.
        var isFaultClaimed = false
    }

    /// The input socket's state. Shutdowns and the close take this lock, so a descriptor number
    /// is never used after it was closed (and reused by another worker's); a send in progress
    /// defers the close to its end.
    private let input = Locked<Input>(Input())
    /// Serializes sends (the lines of concurrent calls must not interleave), each caller waiting
    /// for its turn within its own deadline.
    private let sending = TimedLock()
    private let onCallEnded: @Sendable () -> Void

    private struct Input: Sendable {
        var isOpen = true
        var isSending = false
        var closeWhenSent = false
    }

    /// Starts `command` (from the spawner thread) and its reader thread.
    /// - Parameters:
    ///   - idleTimeout: the worker stops itself after this long without a call.
    ///   - onExit: called once, from the reader thread, when the worker has ended.
    /// - Throws: `WorkerFailure.unavailable` when it cannot be started.
    ///   - isHeld: whether it starts held by its starter (see `hold()`), who must `release()` it.
    ///   - onCallEnded: called when a call ends (a worker may be free for another call now).
    init(_ command: WorkerCommand, planner: String, idleTimeout: Duration, isHeld: Bool = false,
         onCallEnded: @escaping @Sendable () -> Void = {}, onExit: @escaping @Sendable (WorkerProcess) -> Void) throws(WorkerFailure) {
        self.onCallEnded = onCallEnded
        let spawned = WorkerSpawner.shared.spawn(command).raw
        guard spawned.spawn_error == 0 else {
            if let folder = command.workingFolder { FileSystem.removeTree(folder) }
            throw .unavailable("\(command.executable) could not be started (\(String(cString: strerror(spawned.spawn_error))))")
        }
        pid = spawned.pid
        self.planner = planner
        started = .now
        workingFolder = command.workingFolder
        descriptors = Descriptors(pidfd: spawned.pidfd, input: spawned.input_fd, output: spawned.output_fd, error: spawned.error_fd)
        state = Locked(State(lastActivity: .now, holds: isHeld ? 1 : 0))
        let worker = self
        let reading = BackgroundThread.start { worker.readLoop(idleTimeout: idleTimeout, onExit: onExit) }
        if !reading {
            csandbox_kill_group(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            for descriptor in [spawned.pidfd, spawned.input_fd, spawned.output_fd, spawned.error_fd] where descriptor >= 0 {
                close(descriptor)
            }
            throw .unavailable("no thread could be started to read the worker's output")
        }
    }

    // MARK: Calls

    /// Waits for the handshake line until `deadline`.
    /// - Returns: the descriptor object of the handshake.
    func handshake(until deadline: ContinuousClock.Instant) -> Result<JSONValue, WorkerFailure> {
        guard let reply = handshakeReply.wait(until: deadline) else {
            return .failure(.timedOut(.zero))
        }
        return outcome(of: reply)
    }

    /// Sends one request and waits for its reply until `deadline` (`nil`: no deadline). At the
    /// deadline the caller gets `.timedOut` and should `terminate()` the worker.
    func call(_ call: String, instance: String?, body: JSONValue, until deadline: ContinuousClock.Instant?) -> Result<JSONValue, WorkerFailure> {
        let reply = OneShot<Reply>()
        let id: Int? = state.withLock { state in
            guard state.exit == nil, state.protocolProblem == nil, !state.isCancelled, !state.isStopping else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.pending[id] = reply
            state.active[id] = ActiveCall(call: call, since: .now)
            state.lastActivity = .now
            return id
        }
        guard let id else { return outcome(of: .ended) }
        var request: [String: JSONValue] = ["id": .number(Double(id)), "call": .string(call), "body": body]
        if let instance { request["instance"] = .string(instance) }
        let line = JSONValue.object(request).serialized() + "\n"
        let sent = send(line, until: deadline)
        if sent == ETIMEDOUT {
            // It does not read its input: the deadline passed while the request was being sent
            // (or while waiting for another call's send to end).
            finishCall(id)
            return state.withLock({ $0.isCancelled }) ? .failure(.cancelled) : .failure(.timedOut(.zero))
        }
        if sent != 0 {
            // It is gone or going: its exit says why. One that runs on with its input closed
            // broke the protocol.
            if exitReply.wait(until: .now + .seconds(2)) == nil {
                breakProtocol("it closed its standard input while it was still running")
            }
            finishCall(id)
            return outcome(of: .ended)
        }
        let answer = reply.wait(until: deadline)
        finishCall(id)
        guard let answer else {
            return state.withLock({ $0.isCancelled }) ? .failure(.cancelled) : .failure(.timedOut(.zero))
        }
        return outcome(of: answer)
    }

    private func finishCall(_ id: Int) {
        state.withLock { state in
            state.pending[id] = nil
            state.active[id] = nil
            state.lastActivity = .now
        }
        onCallEnded()
    }

    /// Writes `line` to the worker's input until `deadline`.
    /// - Returns: 0, `ETIMEDOUT`, or why it failed (`EPIPE`: the input is closed or shut down).
    private func send(_ line: String, until deadline: ContinuousClock.Instant?) -> Int32 {
        guard sending.acquire(until: deadline) else { return ETIMEDOUT }
        defer { sending.release() }
        let isOpen = input.withLock { input in
            if input.isOpen { input.isSending = true }
            return input.isOpen
        }
        guard isOpen else { return EPIPE }
        let timeout = deadline.map { Self.milliseconds($0 - .now) } ?? -1
        let result = line.utf8CString.withUnsafeBufferPointer { buffer in
            csandbox_send_all(descriptors.input, buffer.baseAddress, buffer.count - 1, timeout)
        }
        if result == ETIMEDOUT {
            // Part of the line may have gone out: nothing more can be sent after it. The factory
            // ends this worker (the caller terminates it); other calls on it are not its fault.
            state.withLock { $0.isStopping = true }
            input.withLock { input in
                if input.isOpen { shutdown(descriptors.input, Int32(SHUT_WR)) }
            }
        }
        input.withLock { input in
            input.isSending = false
            if input.closeWhenSent { close(descriptors.input) }
        }
        return result
    }

    private func outcome(of reply: Reply) -> Result<JSONValue, WorkerFailure> {
        switch reply {
        case .result(let value): return .success(value)
        case .error(let code, let message): return .failure(.answered(code: code, message: message))
        case .ended:
            let (problem, isCancelled, isStopping, log) = state.withLock { ($0.protocolProblem, $0.isCancelled, $0.isStopping, $0.log.tail()) }
            if isCancelled { return .failure(.cancelled) }
            if let problem { return .failure(.protocolError(problem, log: log)) }
            // The factory ended it (another call's deadline, idleness, making room): not a fault.
            if isStopping { return .failure(.stopped) }
            let exit = exitReply.wait(until: .now + .seconds(2)) ?? .signaled(SIGKILL)
            return .failure(.ended(exit, log: state.withLock { $0.log.tail() }))
        }
    }

    // MARK: Ending it

    /// Ends the worker and everything it started: SIGTERM to its process group, SIGKILL after at
    /// most 100 ms. Waits until it is gone (a few seconds at most).
    func terminate() {
        state.withLock { $0.isStopping = true }
        signalGroup(SIGTERM)  // first: a send blocked on a full socket then fails and frees the input
        closeInput()
        if exitReply.wait(until: .now + .milliseconds(100)) == nil {
            signalGroup(SIGKILL)
            _ = exitReply.wait(until: .now + .seconds(5))
        }
    }

    /// Kills the worker at once (SIGKILL to its group): its calls in flight fail as cancelled.
    func cancel() {
        state.withLock { $0.isCancelled = true }
        signalGroup(SIGKILL)
    }

    /// Signals the worker's process group, unless its process was reaped already (then its pid
    /// may name another process). Under the state lock, which the reaping also takes.
    private func signalGroup(_ signal: Int32) {
        state.withLock { state in
            if !state.isReaped { csandbox_kill_group(pid, signal) }
        }
    }

    /// Ends the worker's input (it reads end of file); a send in progress fails within 50 ms.
    private func closeInput() {
        input.withLock { input in
            if input.isOpen { shutdown(descriptors.input, Int32(SHUT_WR)) }
        }
    }

    /// Whether it can take a call: not ended or being ended, as far as its reader knows, and its
    /// process still running right now (a poll of its pidfd: a worker killed a moment ago is not
    /// sent a call it would fail, it is waited for and started again).
    var isUsable: Bool {
        let (known, hasEnded) = state.withLock { state in
            let known = !state.isReaped && state.exit == nil && state.protocolProblem == nil && !state.isCancelled && !state.isStopping
            let hasEnded = known && descriptors.pidfd >= 0 && !state.isPidfdClosed && csandbox_wait_readable(descriptors.pidfd, 0) == 1
            return (known, hasEnded)
        }
        guard known else { return false }
        if hasEnded {
            _ = exitReply.wait(until: .now + .seconds(2))  // let the reader record the exit
            return false
        }
        return true
    }

    /// How it ended, if it did.
    var exit: WorkerExit? { exitReply.current }

    /// Calls in flight, oldest first.
    var activeCalls: [ActiveCall] {
        state.withLock { $0.active.values.sorted { $0.since < $1.since } }
    }

    /// When it last started or finished a call.
    var lastActivity: ContinuousClock.Instant { state.withLock { $0.lastActivity } }

    /// The last lines of its standard error.
    var logTail: String { state.withLock { $0.log.tail() } }

    /// Its whole kept standard error.
    var log: String { state.withLock { $0.log.text } }

    // MARK: The reader thread

    private func readLoop(idleTimeout: Duration, onExit: @Sendable (WorkerProcess) -> Void) {
        var lines = WorkerLineReader(maximumLineLength: Self.maximumLineLength)
        var exitedAt: ContinuousClock.Instant?
        var isOutputOpen = true
        var isErrorOpen = true
        var status: Int32 = 0
        var hasExited = false
        var killAt: ContinuousClock.Instant?
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while !hasExited || isOutputOpen || isErrorOpen {
            // Without a PID namespace a descendant may outlive it and keep its pipes open (and
            // busy): what it writes is read for a moment, then the worker counts as ended.
            if let exitedAt, ContinuousClock.now - exitedAt > .seconds(1) { break }
            var entries: [pollfd] = []
            if isOutputOpen { entries.append(pollfd(fd: descriptors.output, events: Int16(POLLIN), revents: 0)) }
            if isErrorOpen { entries.append(pollfd(fd: descriptors.error, events: Int16(POLLIN), revents: 0)) }
            if !hasExited && descriptors.pidfd >= 0 { entries.append(pollfd(fd: descriptors.pidfd, events: Int16(POLLIN), revents: 0)) }
            if entries.isEmpty {
                // No pidfd: the pipes closed, so wait for the exit itself.
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                state.withLock { $0.isReaped = true }
                hasExited = true
                break
            }
            let timeout = pollTimeout(idleTimeout: idleTimeout, killAt: killAt, hasExited: hasExited)
            let ready = poll(&entries, nfds_t(entries.count), timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                if hasExited { break }  // its descendants keep the pipes open: they are being killed
                if let deadline = killAt, deadline <= .now {
                    signalGroup(SIGKILL)
                    killAt = nil
                } else if killAt == nil, stopIfIdle(for: idleTimeout) {
                    signalGroup(SIGTERM)
                    closeInput()
                    killAt = .now + .milliseconds(100)
                }
                continue
            }
            for entry in entries where entry.revents != 0 {
                if entry.fd == descriptors.pidfd {
                    // Still a zombie, so its pid cannot be reused yet: end what it started, then reap.
                    var reaped = false
                    state.withLock { state in
                        csandbox_kill_group(pid, SIGKILL)
                        if csandbox_reap(pid, &status) == 1 {
                            state.isReaped = true
                            reaped = true
                        }
                    }
                    if reaped {
                        hasExited = true
                        exitedAt = .now
                    }
                } else {
                    let got = read(entry.fd, chunk.baseAddress, chunk.count)
                    if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    if got <= 0 {
                        if entry.fd == descriptors.output { isOutputOpen = false } else { isErrorOpen = false }
                        continue
                    }
                    let bytes = UnsafeRawBufferPointer(rebasing: chunk[0..<got])
                    if entry.fd == descriptors.error {
                        state.withLock { $0.log.append(bytes) }
                    } else {
                        if !lines.append(bytes, line: handle(line:)) {
                            breakProtocol("a line longer than \(Self.maximumLineLength >> 20) MiB")
                        }
                    }
                }
            }
        }
        if !hasExited {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            state.withLock { $0.isReaped = true }
        }
        finish(status: status, onExit: onExit)
    }

    private func pollTimeout(idleTimeout: Duration, killAt: ContinuousClock.Instant?, hasExited: Bool) -> Int32 {
        if hasExited { return 200 }
        let now = ContinuousClock.now
        if let killAt { return Self.milliseconds(killAt - now) }
        let (idle, last, isEnding) = state.withLock { ($0.active.isEmpty && $0.holds == 0, $0.lastActivity, $0.isStopping || $0.isCancelled) }
        // Being ended by someone else: look now and then until it is gone.
        if isEnding { return 100 }
        // Busy: look again later (a call may end between this look and the poll).
        if !idle { return Self.milliseconds(idleTimeout) }
        return Self.milliseconds(last + idleTimeout - now)
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let value = duration.seconds * 1000
        if value <= 0 { return 0 }
        return Int32(min(value.rounded(.up), 86_400_000))
    }

    /// Marks it as being stopped when no call runs, nobody holds it and it has been idle for
    /// `idleTime` (`nil`: any time), in one step, so a caller cannot take it meanwhile.
    /// - Returns: whether it is to be stopped now (the caller ends it).
    func stopIfIdle(for idleTime: Duration? = nil) -> Bool {
        state.withLock { state in
            guard state.active.isEmpty, state.pending.isEmpty, state.holds == 0, !state.isStopping, !state.isCancelled,
                  state.exit == nil else { return false }
            if let idleTime, ContinuousClock.now - state.lastActivity < idleTime { return false }
            state.isStopping = true
            return true
        }
    }

    /// Holds it for a call: it is not stopped for idleness or to make room until `release()`.
    /// - Returns: `false` when it is ended or being ended (start another).
    func hold() -> Bool {
        state.withLock { state in
            guard !state.isStopping, !state.isCancelled, state.exit == nil, state.protocolProblem == nil else { return false }
            state.holds += 1
            return true
        }
    }

    /// Claims the report of its death or protocol error as a fault: `true` for the first call
    /// that asks, so one crash counts once however many calls were in flight.
    func claimFault() -> Bool {
        state.withLock { state in
            defer { state.isFaultClaimed = true }
            return !state.isFaultClaimed
        }
    }

    /// Ends a `hold()` (or the starter's hold).
    func release() {
        state.withLock { state in
            state.holds -= 1
            state.lastActivity = .now
        }
        onCallEnded()
    }

    /// Handles one complete line of its output (without the newline).
    private func handle(line: ArraySlice<UInt8>) {
        let number = state.withLock { state -> Int in
            state.lineNumber += 1
            return state.lineNumber
        }
        if state.withLock({ $0.protocolProblem != nil }) { return }
        let message: WorkerMessage
        do {
            message = try WorkerMessage(line: line, number: number)
        } catch {
            return breakProtocol(error.description)
        }
        let id: Int
        let reply: Reply
        switch message {
        case .handshake(let descriptor):
            handshakeReply.fulfill(.result(descriptor))
            return
        case .result(let answered, let result):
            (id, reply) = (answered, .result(result))
        case .error(let answered, let code, let text):
            (id, reply) = (answered, .error(code: code, message: text))
        }
        let waiter = state.withLock { $0.pending[id] }
        guard let waiter else {
            // A reply to a call whose caller gave up (its deadline passed) is harmless; one to an
            // id never sent is not.
            if id >= state.withLock({ $0.nextID }) { breakProtocol("line \(number) answers id \(id), which was never sent") }
            return
        }
        waiter.fulfill(reply)
    }

    /// Records a protocol error, kills the worker and fails every waiting call.
    private func breakProtocol(_ problem: String) {
        let waiters = state.withLock { state -> [OneShot<Reply>] in
            if state.protocolProblem == nil { state.protocolProblem = problem }
            return Array(state.pending.values)
        }
        handshakeReply.fulfill(.ended)
        for waiter in waiters { waiter.fulfill(.ended) }
        signalGroup(SIGKILL)
    }

    private func finish(status: Int32, onExit: @Sendable (WorkerProcess) -> Void) {
        var code: Int32 = 0
        let kind = csandbox_status_kind(status, &code)
        let exit: WorkerExit = kind == 2 ? .signaled(code) : .exited(code: code)
        let waiters = state.withLock { state -> [OneShot<Reply>] in
            state.exit = exit
            return Array(state.pending.values)
        }
        exitReply.fulfill(exit)
        handshakeReply.fulfill(.ended)
        for waiter in waiters { waiter.fulfill(.ended) }
        input.withLock { input in
            guard input.isOpen, descriptors.input >= 0 else { return }
            input.isOpen = false
            if input.isSending {
                shutdown(descriptors.input, Int32(SHUT_RDWR))  // the send fails soon and closes it
                input.closeWhenSent = true
            } else {
                close(descriptors.input)
            }
        }
        state.withLock { state in
            if descriptors.pidfd >= 0 { close(descriptors.pidfd) }
            state.isPidfdClosed = true
        }
        for descriptor in [descriptors.output, descriptors.error] where descriptor >= 0 {
            close(descriptor)
        }
        if let workingFolder { FileSystem.removeTree(workingFolder) }
        onExit(self)
    }
}

extension WorkerProcess {
    /// Whether the factory ended it on purpose (idle, make room, deadline, cancel) rather than it dying.
    var wasStopped: Bool {
        state.withLock { $0.isStopping || $0.isCancelled }
    }
}
